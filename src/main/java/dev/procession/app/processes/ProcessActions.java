package dev.procession.app.processes;

import dev.procession.app.run.ControlFront;
import dev.procession.supervisor.Run;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a person can do to one process of the run, from the table, the stage or a menu. Every
 * action goes through the {@link ControlFront}, so the FX thread never waits for a signal.
 */
public final class ProcessActions {
    /** The actions, each with its message keys ({@code process.action.KEY} and its tooltip). */
    public enum Kind {
        PAUSE("pause"), RESUME("resume"), PAUSE_TREE("pauseTree"), RESUME_TREE("resumeTree"),
        TERMINATE("terminate"), KILL("kill"), DAEMONIZE("daemonize"), LET_GO("letGo");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final ControlFront front;
    private final Supplier<Run> run;
    private final Consumer<Throwable> onError;

    public ProcessActions(ControlFront front, Supplier<Run> run, Consumer<Throwable> onError) {
        this.front = front;
        this.run = run;
        this.onError = onError;
    }

    public void perform(Kind kind, long pid) {
        Run r = run.get();
        if (r == null) {
            return;
        }
        front.submit(() -> {
            switch (kind) {
                case PAUSE -> r.pause(pid);
                case RESUME -> r.resume(pid);
                case PAUSE_TREE -> r.pauseTree(pid);
                case RESUME_TREE -> r.resumeTree(pid);
                case TERMINATE -> r.terminate(pid);
                case KILL -> r.kill(pid);
                case DAEMONIZE -> r.setDaemon(pid, true);
                case LET_GO -> r.step(pid);
            }
            return null;
        }, done -> { }, onError);
    }

    /** Frees a lock or semaphore that a dead process left held. */
    public void forceRelease(String ref) {
        Run r = run.get();
        if (r != null) {
            front.submit(() -> {
                r.forceRelease(ref);
                return null;
            }, done -> { }, onError);
        }
    }
}
