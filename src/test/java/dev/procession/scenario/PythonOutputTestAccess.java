package dev.procession.scenario;

/** For tests of other packages: whether python3 can be run here. */
public final class PythonOutputTestAccess {
    private PythonOutputTestAccess() {
    }

    public static boolean pythonAvailable() {
        return PythonOutputTest.PythonRun.available();
    }
}
