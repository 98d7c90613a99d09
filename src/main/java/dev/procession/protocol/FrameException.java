package dev.procession.protocol;

/** A frame that breaks the protocol: too long, not JSON, not an object, or missing a field. */
public final class FrameException extends RuntimeException {
    public FrameException(String message) {
        super(message);
    }
}
