package dev.procession.supervisor;

/** Names for the one-letter scheduler states in {@code /proc/PID/stat} (see proc(5)). */
public enum ProcessState {
    RUNNING('R'),
    /** Interruptible sleep: waiting for an event (a read, a timer, a lock). */
    SLEEPING('S'),
    /** Uninterruptible sleep, usually disk I/O; signals, even KILL, wait until it ends. */
    DISK('D'),
    /** Stopped by a signal (SIGSTOP, SIGTSTP...): what a pause looks like. */
    STOPPED('T'),
    /** Stopped by a debugger (ptrace). */
    TRACED('t'),
    /** Exited, but the parent has not collected the exit status yet. */
    ZOMBIE('Z'),
    DEAD('X'),
    /** Idle kernel thread (Linux 4.14+); never a user process. */
    IDLE('I'),
    /** Any letter this enum does not know, e.g. from very old or very new kernels. */
    UNKNOWN('?');

    private final char letter;

    ProcessState(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /** Never throws: an unexpected letter must not crash a supervisor, so it maps to {@link #UNKNOWN}. */
    public static ProcessState from(char letter) {
        return switch (letter) {
            case 'R' -> RUNNING;
            case 'S' -> SLEEPING;
            case 'D' -> DISK;
            case 'T' -> STOPPED;
            case 't' -> TRACED;
            case 'Z' -> ZOMBIE;
            case 'X', 'x' -> DEAD; // 'x' was DEAD on Linux 2.6.33 to 3.13
            case 'I' -> IDLE;
            default -> UNKNOWN;
        };
    }
}
