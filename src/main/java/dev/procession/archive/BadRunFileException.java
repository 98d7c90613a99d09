package dev.procession.archive;

/** A file that is not a saved run, or not one that can be read: the message says which and why, in one line. */
public final class BadRunFileException extends Exception {
    public BadRunFileException(String message) {
        super(message);
    }

    public BadRunFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
