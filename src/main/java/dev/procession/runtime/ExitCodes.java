package dev.procession.runtime;

/** Exit statuses of child processes, and how a parent reads them back the way Python does. */
public final class ExitCodes {
    /** An uncaught exception in the process's code, as in Python. */
    public static final int ERROR = 1;
    /** The process lost its hub (the simulator died) and halted. */
    public static final int HUB_LOST = 70;

    private ExitCodes() {
    }

    /**
     * Java reports a death by signal N as 128+N; Python reports it as -N. Procession's children
     * only exit by their own choice with 0..127, so the two never clash.
     */
    public static long fromJava(int exitValue) {
        if (exitValue > 128 && exitValue < 128 + 65) {
            return -(exitValue - 128L);
        }
        return exitValue;
    }
}
