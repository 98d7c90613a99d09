package dev.procession.testing;

import java.util.Objects;

/**
 * Assertions for code that runs inside child processes: a failure raises, the child reports the
 * traceback to the hub and exits with 1, and {@link RealRun#runCase} fails the test with it.
 */
public final class Check {
    private Check() {
    }

    public static void that(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("check failed: " + what);
        }
    }

    public static void equal(Object actual, Object expected, String what) {
        if (!Objects.equals(actual, expected)) {
            throw new AssertionError("check failed: " + what + ": expected " + expected + ", got " + actual);
        }
    }

    /** Runs {@code body} and checks that it raises {@code type}. */
    public static <T extends Throwable> T raises(Class<T> type, ThrowingRunnable body, String what) {
        try {
            body.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            throw new AssertionError("check failed: " + what + ": expected " + type.getSimpleName() + ", got " + t, t);
        }
        throw new AssertionError("check failed: " + what + ": expected " + type.getSimpleName() + ", nothing raised");
    }

    /** Checks a duration in scenario seconds lies in [low, high], as CPython's timing checks do. */
    public static void within(double seconds, double low, double high, String what) {
        if (seconds < low || seconds > high) {
            throw new AssertionError("check failed: " + what + ": took " + seconds + " s, expected " + low + ".." + high);
        }
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
