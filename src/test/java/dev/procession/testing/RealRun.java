package dev.procession.testing;

import dev.procession.events.EventKind;
import dev.procession.model.RunState;
import dev.procession.events.Event;
import dev.procession.events.EventLog;
import dev.procession.supervisor.PythonProgram;
import dev.procession.supervisor.Run;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a program's main target with real processes, waits for it to end and tears every
 * process down, whatever happens. Tests then read what happened from the event log.
 */
public final class RealRun {
    private RealRun() {
    }

    /** The outcome of a finished run. */
    public record Result(long exitCode, List<Event> events) {
        /** The run model after each event, in order: what every view of the run would show. */
        public List<RunState> states() {
            List<RunState> states = new java.util.ArrayList<>(events.size());
            RunState s = RunState.EMPTY;
            for (Event e : events) {
                s = s.apply(e);
                states.add(s);
            }
            return states;
        }

        public List<String> prints() {
            return events.stream().filter(e -> e.kind() == EventKind.PRINT).map(e -> e.text("text")).toList();
        }

        public List<Event> of(String kind) {
            EventKind wanted = EventKind.of(kind);
            return events.stream().filter(e -> e.kind() == wanted).toList();
        }

        /** The errors raised in any process, with their tracebacks, for assertion messages. */
        public String errors() {
            StringBuilder sb = new StringBuilder();
            of("error").forEach(e -> sb.append(e.proc()).append(": ").append(e.get("traceback")).append('\n'));
            return sb.toString();
        }

        public String transcript() {
            StringBuilder sb = new StringBuilder();
            events.forEach(e -> sb.append(e.toJsonLine()).append('\n'));
            return sb.toString();
        }
    }

    /** The run model at the end of {@code events}. */
    public static RunState fold(List<Event> events) {
        RunState s = RunState.EMPTY;
        for (Event e : events) {
            s = s.apply(e);
        }
        return s;
    }

    /** Runs {@code program} with {@code params} as main's argument, at {@code speed}. */
    public static Result run(String program, Map<String, Object> params, double speed, Duration limit)
            throws Exception {
        return run(log -> Run.start(program, params, speed, log), program + " " + params, limit);
    }

    /** Runs a python3 program under Procession (run-python) at {@code speed}. */
    public static Result runPython(PythonProgram program, double speed, Duration limit) throws Exception {
        return run(log -> Run.startPython(program, speed, log), program.fileName(), limit);
    }

    private static Result run(Starter starter, String what, Duration limit) throws Exception {
        EventLog log = new EventLog();
        try (Run run = starter.start(log)) {
            long code;
            try {
                code = run.finished().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("run of " + what + " did not end within " + limit
                        + "; log so far:\n" + new Result(-999, log.snapshot()).transcript());
            }
            return new Result(code, log.snapshot());
        }
    }

    /** Starts a run logging into {@code log}. */
    @FunctionalInterface
    public interface Starter {
        Run start(EventLog log) throws Exception;
    }

    /** Runs one case of a test program (main's argument is {@code {"case": name}}) at speed 1. */
    public static Result runCase(String program, String caseName) throws Exception {
        Result r = run(program, Map.of("case", caseName), 1.0, Duration.ofSeconds(60));
        if (r.exitCode() != 0) {
            throw new AssertionError("case " + caseName + " of " + program + " ended with exit code " + r.exitCode()
                    + "\n" + r.errors() + "\nprints: " + r.prints());
        }
        return r;
    }

    /** Runs {@code run} with a started {@link Run} and tears it down afterwards. */
    public static <T> T with(String program, Map<String, Object> params, double speed,
                             RunBody<T> body) throws Exception {
        EventLog log = new EventLog();
        try (Run run = Run.start(program, params, speed, log)) {
            return body.apply(run);
        }
    }

    @FunctionalInterface
    public interface RunBody<T> {
        T apply(Run run) throws Exception;
    }

    /** Waits for a condition without sleeping: parks briefly between checks, up to {@code limit}. */
    public static void await(Duration limit, java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
