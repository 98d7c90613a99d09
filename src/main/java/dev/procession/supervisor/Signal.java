package dev.procession.supervisor;

/**
 * The signals the supervisor sends, with their <em>Linux</em> numbers.
 *
 * <p>The numbers are not portable: on macOS SIGSTOP is 17 and SIGCONT is 19. {@link Signals}
 * translates per OS; use {@link #number()} for display and for Linux-only code.
 */
public enum Signal {
    /** Cannot be caught or ignored, so a pause always takes effect. */
    STOP(19),
    CONT(18),
    /** Polite termination; the default action ends the process (exit value 128 + 15 = 143). */
    TERM(15),
    /** Cannot be caught; the last resort. */
    KILL(9),
    /** What Ctrl-C sends. */
    INT(2);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    /** The Linux signal number. */
    public int number() {
        return number;
    }

    /** The conventional C name, for example {@code SIGSTOP}. */
    public String signalName() {
        return "SIG" + name();
    }
}
