package dev.procession.testing;

import dev.procession.events.Event;
import dev.procession.runtime.Mp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several cases run in one process around one shared fixture (a pool, a manager), as CPython's
 * test classes share theirs through setUpClass: fewer processes to start on a loaded machine.
 * Each case reports on its own; {@link #assertPassed} checks one from the JUnit side.
 */
public final class SubCases {
    private final Map<String, Check.ThrowingRunnable> cases = new LinkedHashMap<>();

    public SubCases add(String name, Check.ThrowingRunnable body) {
        cases.put(name, body);
        return this;
    }

    /** Runs every case in order; a failure is recorded and the next case still runs. */
    public void run(Mp mp) {
        cases.forEach((name, body) -> {
            try {
                body.run();
                mp.print("passed", name);
            } catch (Throwable t) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                mp.record("error", null, Map.of("case", name, "exception", t.toString(),
                        "traceback", trace.toString()));
            }
        });
    }

    /** Fails unless sub-case {@code name} of a run of {@link #run} passed, with its traceback. */
    public static void assertPassed(RealRun.Result result, String name) {
        if (result.prints().contains("passed " + name)) {
            return;
        }
        List<Event> errors = result.of("error").stream().filter(e -> name.equals(e.get("case"))).toList();
        throw new AssertionError("sub-case " + name + " did not pass\n"
                + (errors.isEmpty() ? "(no error recorded; the run's errors:)\n" + result.errors()
                                    : errors.getFirst().get("traceback")));
    }
}
