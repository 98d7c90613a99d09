package dev.procession.app.run;

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
}
