package dev.procession.supervisor;

/** A {@code kill(2)} call failed; carries the pid, the signal and the C {@code errno}. */
public final class SignalException extends RuntimeException {

    // errno values shared by Linux and macOS.
    static final int EPERM = 1;
    static final int ESRCH = 3;
    static final int EINVAL = 22;

    private final long pid;
    private final Signal signal;
    private final int errno;

    SignalException(long pid, Signal signal, int errno) {
        super("cannot send " + signal.signalName() + " to pid " + pid + ": " + describe(errno));
        this.pid = pid;
        this.signal = signal;
        this.errno = errno;
    }

    public long pid() {
        return pid;
    }

    public Signal signal() {
        return signal;
    }

    public int errno() {
        return errno;
    }

    /** True when the target no longer exists (already exited and reaped): often not an error for a supervisor. */
    public boolean noSuchProcess() {
        return errno == ESRCH;
    }

    static String describe(int errno) {
        return switch (errno) {
            case ESRCH -> "no such process (ESRCH, errno 3)";
            case EPERM -> "not permitted (EPERM, errno 1)";
            case EINVAL -> "invalid signal (EINVAL, errno 22)";
            default -> "errno " + errno;
        };
    }
}
