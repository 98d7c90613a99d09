package dev.procession.hub;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scenario time: real time multiplied by the run's speed. Sleeps and timeouts are deadlines on
 * this clock, so a change of speed while a process sleeps stretches or shrinks what is left.
 *
 * <p>The clock also stands still while a child process starts: from its parent's {@code start()}
 * until the child first waits (sleeps or blocks), serves as a manager's server, or exits. A JVM
 * takes a few hundred milliseconds to start and to run its first steps cold, where Python's fork
 * takes one; that cost is not scaled by the speed, so if it ran on the scenario clock a lesson would
 * change with the speed (at 4x the ticket buyers would no longer overlap and the race would not
 * show) and with the machine's load. A start that holds the clock for {@link #MAX_HOLD_NANOS}
 * (stuck, or computing without ever waiting) stops holding it, so no run can freeze for good; so
 * does one the user pauses or signals.
 */
final class ScenarioClock {
    static final long MAX_HOLD_NANOS = 30_000_000_000L;

    private double speed;
    private long baseReal = System.nanoTime();
    private double baseScenario;
    /** Starting processes by id, with the real time each began to hold the clock. */
    private final Map<Long, Long> holds = new LinkedHashMap<>();

    ScenarioClock(double speed) {
        this.speed = speed;
    }

    /** Scenario seconds since the run began. */
    double now() {
        return running() ? baseScenario + (System.nanoTime() - baseReal) / 1e9 * speed : baseScenario;
    }

    boolean running() {
        return holds.isEmpty();
    }

    double speed() {
        return speed;
    }

    void setSpeed(double newSpeed) {
        baseScenario = now();
        baseReal = System.nanoTime();
        speed = newSpeed;
    }

    /** Process {@code procId} begins to start; returns whether the clock stopped because of it. */
    boolean hold(long procId) {
        boolean stops = holds.isEmpty();
        if (stops) {
            baseScenario = now();
        }
        holds.putIfAbsent(procId, System.nanoTime());
        return stops;
    }

    /** Process {@code procId} has started (or failed to); returns whether the clock runs again. */
    boolean release(long procId) {
        if (holds.remove(procId) == null || !holds.isEmpty()) {
            return false;
        }
        baseReal = System.nanoTime();
        return true;
    }

    /** The process whose hold is oldest and older than the limit, or null. */
    Long staleHold() {
        long now = System.nanoTime();
        for (Map.Entry<Long, Long> hold : holds.entrySet()) {
            if (now - hold.getValue() >= MAX_HOLD_NANOS) {
                return hold.getKey();
            }
        }
        return null;
    }

    /** Real nanoseconds until the oldest hold goes stale; 0 if there is none. */
    long nanosUntilStale() {
        long now = System.nanoTime();
        return holds.values().stream().mapToLong(begun -> Math.max(1, begun + MAX_HOLD_NANOS - now)).min().orElse(0);
    }

    /** Real nanoseconds until the scenario clock reaches {@code deadline}; 0 if it has, -1 while it stands still. */
    long realNanosUntil(double deadline) {
        double left = deadline - now();
        if (left <= 0) {
            return 0;
        }
        return running() ? (long) Math.ceil(left / speed * 1e9) : -1;
    }
}
