package dev.procession.app.run;

import dev.procession.app.Messages;

/** Where the current run is, as the toolbar and the status bar see it. */
public enum RunState {
    /** No run: the scenario is shown, ready to start. */
    IDLE,
    STARTING,
    RUNNING,
    /** Stop or reset asked for: the processes are being killed. */
    STOPPING,
    /** The main process ended by itself; see the exit code. */
    FINISHED,
    /** Stopped by the user: every process was killed. */
    STOPPED,
    /** The run could not start; see the failure. */
    FAILED;

    /** A run whose processes may still be alive. */
    public boolean isLive() {
        return this == STARTING || this == RUNNING || this == STOPPING;
    }

    /** In the user's words: "Running", "Finished, exit code 0". */
    public String describe(Long exitCode) {
        return switch (this) {
            case IDLE -> Messages.text("status.idle");
            case STARTING -> Messages.text("status.starting");
            case RUNNING -> Messages.text("status.running");
            case STOPPING -> Messages.text("status.stopping");
            case FINISHED -> Messages.text("status.finished", exitCode);
            case STOPPED -> Messages.text("status.stopped");
            case FAILED -> Messages.text("status.failed");
        };
    }
}
