package dev.procession.app.run;

import dev.procession.app.Messages;
import dev.procession.archive.Recording;
import dev.procession.archive.RunArchive;
import dev.procession.events.EventLog;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.PythonProgram;
import dev.procession.supervisor.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The window's face of one run at a time: its state, exit code and failure as read-only
 * properties, and the commands the toolbar offers. Every command goes through the
 * {@link ControlFront}; its answers come back on the FX thread, where all properties change.
 */
public final class RunViewModel {
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 4;
    /** Long enough for Run.close's own limits (5 s for the processes, 5 s for the main's exit). */
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(15);

    /** A python3 program's runs are saved under this name, as a scenario's under its id. */
    private static final String RUN_PYTHON = "python";
    private final ControlFront front;
    private final RunStatus status = new RunStatus();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyObjectWrapper<Run> run = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> exitCode = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final BooleanProperty stepMode = new SimpleBooleanProperty();
    /** The run whose processes may be alive, as the control thread knows it; read by the shutdown hook. */
    private final AtomicReference<Run> live = new AtomicReference<>();
    /** Where each run is being saved, until it is closed; null archive: runs are not saved. */
    private final RunArchive archive;
    private final Map<Run, Recording> recordings = new ConcurrentHashMap<>();
    private final ReadOnlyObjectWrapper<Path> savedFile = new ReadOnlyObjectWrapper<>();
    private boolean shutDown;

    /** A view model whose runs are not saved (tests, benchmarks). */
    public RunViewModel(ControlFront front) {
        this(front, null);
    }

    /** @param archive where every run is saved as it happens, or null for nowhere */
    public RunViewModel(ControlFront front, RunArchive archive) {
        this.front = front;
        this.archive = archive;
        speed.addListener((obs, old, now) -> applySpeed(now.doubleValue()));
        stepMode.addListener((obs, old, now) -> onRunning(r -> r.setStepMode(now), "run.stepFailed"));
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The current run (its event log is {@code run.log()}), or null when idle or failed to start. */
    public ReadOnlyObjectProperty<Run> runProperty() {
        return run.getReadOnlyProperty();
    }

    /** The main process's exit code once the run has finished by itself, else null. */
    public ReadOnlyObjectProperty<Long> exitCodeProperty() {
        return exitCode.getReadOnlyProperty();
    }

    /** Why the run failed or a command was refused, in words for the user; null when nothing is wrong. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Scenario speed, {@value #MIN_SPEED} to {@value #MAX_SPEED}: used at start and applied live to a run. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /**
     * Step mode: the user lets each step of each process go (Run.setStepMode). Set before a run,
     * the run starts in it; changed during a run, it applies at once.
     */
    public BooleanProperty stepModeProperty() {
        return stepMode;
    }

    /** In step mode: lets the oldest held call go. */
    public void stepOldest() {
        onRunning(Run::step, "run.stepFailed");
    }

    /** The file the current run is being saved to, or null (not saved, or no run). */
    public ReadOnlyObjectProperty<Path> savedFileProperty() {
        return savedFile.getReadOnlyProperty();
    }

    /** Where runs are saved, or null when they are not. */
    public RunArchive archive() {
        return archive;
    }

    /** The one way commands reach the supervisor: per-process actions go through it too. */
    public ControlFront front() {
        return front;
    }

    /** The status bar's live figures, fed by the run model's pump. */
    public RunStatus status() {
        return status;
    }

    // ---------------------------------------------------------------- commands

    /** Starts {@code scenario} with the given parameter values (checked again here by the engine). */
    public void start(Scenario scenario, Map<String, String> values) {
        checkIdle();
        Map<String, Object> parameters = Scenarios.resolve(scenario, values);
        launch(scenario.id(), (atSpeed, stepping) -> stepping
                ? Run.startInStepMode(scenario.id(), parameters, atSpeed, new EventLog())
                : Run.start(scenario.id(), parameters, atSpeed, new EventLog()));
    }

    /**
     * Runs the user's python3 program (docs/python.md), in the folder it is in; a script that
     * does not exist or does not compile fails the start, in one line, with no process left.
     */
    public void startPython(Path script) {
        checkIdle();
        launch(RUN_PYTHON, (atSpeed, stepping) -> Run.startPython(PythonProgram.checked(script, List.of(),
                script.toAbsolutePath().getParent()), atSpeed, new EventLog(), stepping));
    }

    /** How a run starts, on the control thread, at the speed and in the step mode it was asked at. */
    private interface Launch {
        Run start(double atSpeed, boolean stepping) throws IOException;
    }

    private void checkIdle() {
        if (state.get().isLive()) {
            throw new IllegalStateException("a run is already under way; stop it first");
        }
    }

    /** @param name what the saved run's file is named after: the scenario, or "python" */
    private void launch(String name, Launch how) {
        double atSpeed = speed.get();
        boolean stepping = stepMode.get();
        clear();
        state.set(RunState.STARTING);
        front.submit(() -> {
            Run started = how.start(atSpeed, stepping);
            live.set(started);
            return new Started(started, record(started, name));
        }, started -> started(started, atSpeed, stepping), error -> {
            state.set(RunState.FAILED);
            failure.set(Messages.text("run.cannotStart", message(error)));
        });
    }

    /** Pauses the main process and every process below it (SIGSTOP, parents first). */
    public void pauseAll() {
        onRunning(r -> r.pauseTree(r.mainPid()), "run.pauseFailed");
    }

    public void resumeAll() {
        onRunning(r -> r.resumeTree(r.mainPid()), "run.resumeFailed");
    }

    /** Kills every process of the run and frees its folder; the run's log stays readable. */
    public void stop() {
        endRun(RunState.STOPPED);
    }

    /** Stops the run if one is under way and goes back to the idle state for the same scenario. */
    public void reset() {
        endRun(RunState.IDLE);
    }

    /** For the window closing: ends the run and waits for it (bounded), then takes no more commands; once. */
    public void shutdown() {
        if (shutDown) {
            return;                                  // the window closed, then the application stopped
        }
        shutDown = true;
        if (state.get().isLive()) {
            state.set(RunState.STOPPING);            // the run's own end must not be taken for a finish
        }
        front.runAndWait(() -> {
            closeNow();
            return null;
        }, SHUTDOWN_LIMIT);
        front.close();
        if (state.get() == RunState.STOPPING) {
            state.set(RunState.STOPPED);
        }
    }

    /** Closes the live run from any thread, at once: for the JVM's shutdown hook. */
    public void closeNow() {
        Run r = live.getAndSet(null);
        if (r != null) {
            r.close();
            closeRecording(r);
        }
    }

    /** Writes the rest of {@code r}'s log to its file; a failed save never fails the run's end. */
    private void closeRecording(Run r) {
        Recording recording = recordings.remove(r);
        if (recording != null) {
            try {
                recording.close();
            } catch (IOException notSaved) {
                // The file keeps what was written; replay reads it up to there.
            }
        }
    }

    // ---------------------------------------------------------------- answers (FX thread)

    /** A run just started, and the file it is saved to (or why it is not: the run goes on anyway). */
    private record Started(Run run, Object saved) {
    }

    /** On the control thread: starts saving {@code r}; the file, or the error that prevents it. */
    private Object record(Run r, String scenario) {
        if (archive == null) {
            return null;
        }
        try {
            Recording recording = archive.record(r.log(), scenario);
            recordings.put(r, recording);
            return recording.file();
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }

    private void started(Started s, double atSpeed, boolean stepping) {
        Run started = s.run();
        if (s.saved() instanceof Path file) {
            savedFile.set(file);
        } else if (s.saved() instanceof Throwable error) {
            failure.set(Messages.text("run.notSaved", message(error)));
        }
        run.set(started);
        state.set(RunState.RUNNING);
        if (speed.get() != atSpeed) {
            applySpeed(speed.get());                 // changed while the run was starting
        }
        if (stepMode.get() != stepping) {
            onRunning(r -> r.setStepMode(stepMode.get()), "run.stepFailed");         // toggled meanwhile
        }
        front.whenDone(started.finished(), code -> finished(started, code),
                error -> failure.set(Messages.text("run.commandFailed", message(error))));
    }

    private void finished(Run finishedRun, long code) {
        if (run.get() != finishedRun || state.get() != RunState.RUNNING) {
            return;                                  // stopped or reset meanwhile: that decides the state
        }
        exitCode.set(code);
        state.set(RunState.FINISHED);
        if (code != 0) {
            failure.set(FailureReason.in(finishedRun.log(), finishedRun.mainPid())
                    .map(reason -> Messages.text("run.mainFailed", code, reason))
                    .orElse(Messages.text("run.mainExited", code)));
        }
        // Whatever the main left (an orphan, the hub) goes now.
        front.submit(() -> close(finishedRun), done -> { }, this::commandError);
    }

    private void endRun(RunState after) {
        Run r = run.get();
        if (r == null) {
            toState(after);
            return;
        }
        if (state.get() == RunState.RUNNING) {
            state.set(RunState.STOPPING);
        }
        front.submit(() -> close(r), done -> toState(after), this::commandError);
    }

    private void toState(RunState after) {
        if (after == RunState.IDLE) {
            clear();
        }
        state.set(after);
    }

    private void onRunning(Consumer<Run> command, String failureKey) {
        Run r = run.get();
        if (r == null || state.get() != RunState.RUNNING) {
            return;
        }
        front.submit(() -> {
            command.accept(r);
            return null;
        }, done -> { }, error -> failure.set(Messages.text(failureKey, message(error))));
    }

    private void applySpeed(double value) {
        if (value < MIN_SPEED || value > MAX_SPEED) {
            throw new IllegalArgumentException("speed must be from " + MIN_SPEED + " to " + MAX_SPEED + ", got " + value);
        }
        onRunning(r -> r.setSpeed(value), "run.speedFailed");
    }

    private Void close(Run r) {
        r.close();
        closeRecording(r);
        live.compareAndSet(r, null);
        return null;
    }

    private void commandError(Throwable error) {
        failure.set(Messages.text("run.commandFailed", message(error)));
    }

    private void clear() {
        run.set(null);
        savedFile.set(null);
        exitCode.set(null);
        failure.set(null);
        status.clear();
    }

    private static String message(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
