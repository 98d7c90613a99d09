package dev.procession.scenario;

/** Numbers written as a Python listing shows them: 2 rather than 2.0 when whole. */
final class Numbers {
    private Numbers() {
    }

    static String str(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
