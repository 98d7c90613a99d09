package dev.procession.hub;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Connections that have not said hello yet, oldest first. Each costs the hub a buffer and a file
 * descriptor before anyone knows it belongs to the run, so there may be at most {@link #MAX} of
 * them, each for at most the hello deadline. Hub thread only.
 */
final class PendingConnections {
    /** Far above what a run needs: its processes say hello one at a time, right after they connect. */
    static final int MAX = 64;
    /** A child connects once its JVM is up and sends its hello in the same breath. */
    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    private final ArrayDeque<Connection> queue = new ArrayDeque<>();
    private volatile Duration deadline = DEFAULT_DEADLINE;

    void deadline(Duration deadline) {
        this.deadline = deadline;
    }

    Duration deadline() {
        return deadline;
    }

    /** Adds a new connection; returns the oldest one when that makes one too many. */
    Optional<Connection> add(Connection c) {
        queue.add(c);
        return queue.size() > MAX ? Optional.of(queue.poll()) : Optional.empty();
    }

    void remove(Connection c) {
        queue.remove(c);
    }

    int size() {
        return queue.size();
    }

    /** The oldest connection whose deadline has passed, taken out of the queue. */
    Optional<Connection> pollExpired(long nowNanos) {
        Connection head = queue.peek();
        if (head != null && nowNanos - head.acceptedNanos >= deadline.toNanos()) {
            return Optional.of(queue.poll());
        }
        return Optional.empty();
    }

    /** Milliseconds until the oldest connection's deadline (at least 1), or 0 when none waits. */
    long millisToNextDeadline(long nowNanos) {
        Connection head = queue.peek();
        if (head == null) {
            return 0;
        }
        long left = deadline.toNanos() - (nowNanos - head.acceptedNanos);
        return Math.max(1, left / 1_000_000 + 1);
    }
}
