package dev.procession.hub;

import java.util.PriorityQueue;

/** Deadlines on the scenario clock, fired by the hub's loop. Hub thread only. */
final class Timers {
    private final ScenarioClock clock;
    private final PriorityQueue<Timer> queue = new PriorityQueue<>((a, b) -> {
        int byDeadline = Double.compare(a.deadline, b.deadline);
        return byDeadline != 0 ? byDeadline : Long.compare(a.order, b.order);
    });
    private long nextOrder;

    Timers(ScenarioClock clock) {
        this.clock = clock;
    }

    /** Runs {@code action} after {@code seconds} of scenario time. */
    Timer schedule(double seconds, Runnable action) {
        Timer timer = new Timer(clock.now() + Math.max(0, seconds), nextOrder++, action);
        queue.add(timer);
        return timer;
    }

    /**
     * Fires every due timer; returns real milliseconds until the next one (0 = none pending, or the
     * clock stands still while a process starts: the hello that restarts it wakes the loop).
     */
    long fireDue() {
        while (!queue.isEmpty()) {
            Timer head = queue.peek();
            if (head.cancelled) {
                queue.poll();
                continue;
            }
            long nanos = clock.realNanosUntil(head.deadline);
            if (nanos < 0) {
                return 0;
            }
            if (nanos > 0) {
                // Rounded up without overflow: a timeout of 1e300 s must not become a 1 ms busy loop.
                return nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
            }
            queue.poll();
            head.cancelled = true;
            head.action.run();
        }
        return 0;
    }

    static final class Timer {
        private final double deadline;
        private final long order;
        private final Runnable action;
        private boolean cancelled;

        private Timer(double deadline, long order, Runnable action) {
            this.deadline = deadline;
            this.order = order;
            this.action = action;
        }

        void cancel() {
            cancelled = true;
        }
    }
}
