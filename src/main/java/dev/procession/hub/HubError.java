package dev.procession.hub;

/**
 * An error the hub sends back to the caller as a Python exception: {@code type} is the
 * exception's name in Python (ValueError, AssertionError, queue.Empty...).
 */
public final class HubError extends RuntimeException {
    private final String type;

    public HubError(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
