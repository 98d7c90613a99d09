package dev.procession.runtime;

/** This Java runtime cannot start processes: it has no {@code bin/java} (an image built without it). */
public final class NoJavaToStartException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NoJavaToStartException(String message) {
        super(message);
    }
}
