package dev.procession.runtime;

/**
 * An exception raised by a multiprocessing operation, named as in Python ({@link #pythonType()}
 * is "ValueError", "queue.Empty"...). Subclasses exist for the ones programs catch.
 */
public class MpException extends RuntimeException {
    private final String pythonType;
    private final String pythonMessage;

    public MpException(String pythonType, String message) {
        super(message == null || message.isEmpty() ? pythonType : pythonType + ": " + message);
        this.pythonType = pythonType;
        this.pythonMessage = message == null ? "" : message;
    }

    public String pythonType() {
        return pythonType;
    }

    /** The message alone, as Python's str(exception) gives it. */
    public String pythonMessage() {
        return pythonMessage;
    }

    static MpException of(String type, String message) {
        return switch (type) {
            case "Empty" -> new Empty(message);
            case "Full" -> new Full(message);
            case "BrokenBarrierError" -> new BrokenBarrierError(message);
            case "TimeoutError" -> new TimeoutError(message);
            default -> new MpException(type, message);
        };
    }

    /** queue.Empty: a non-blocking or timed get found nothing. */
    public static final class Empty extends MpException {
        public Empty(String message) {
            super("Empty", message);
        }
    }

    /** queue.Full: a non-blocking or timed put found no room. */
    public static final class Full extends MpException {
        public Full(String message) {
            super("Full", message);
        }
    }

    /** threading.BrokenBarrierError. */
    public static final class BrokenBarrierError extends MpException {
        public BrokenBarrierError(String message) {
            super("BrokenBarrierError", message);
        }
    }

    /** multiprocessing.TimeoutError, from AsyncResult.get(timeout). */
    public static final class TimeoutError extends MpException {
        public TimeoutError(String message) {
            super("TimeoutError", message);
        }
    }
}
