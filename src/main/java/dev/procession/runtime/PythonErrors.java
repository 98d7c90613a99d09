package dev.procession.runtime;

/** Names a Java exception raised by scenario code the way Python would name its counterpart. */
final class PythonErrors {
    private PythonErrors() {
    }

    static String type(Throwable t) {
        return switch (t) {
            case MpException e -> e.pythonType();
            case ArithmeticException e -> "ZeroDivisionError";
            case IndexOutOfBoundsException e -> "IndexError";
            case ClassCastException e -> "TypeError";
            case NumberFormatException e -> "ValueError";
            case IllegalArgumentException e -> "ValueError";
            case UnsupportedOperationException e -> "NotImplementedError";
            case NullPointerException e -> "AttributeError";
            case AssertionError e -> "AssertionError";
            default -> "RuntimeError";
        };
    }

    static String message(Throwable t) {
        if (t instanceof MpException e) {
            return e.pythonMessage();
        }
        if (t instanceof ArithmeticException && "/ by zero".equals(t.getMessage())) {
            return "division by zero";
        }
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (!type(t).equals("RuntimeError") || t.getClass() == RuntimeException.class) {
            return message;
        }
        // No Python counterpart: keep the Java class's name so the reader knows what it was.
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
