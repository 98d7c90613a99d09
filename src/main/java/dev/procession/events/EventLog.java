package dev.procession.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The append-only record of a run, and its single source of truth. Appends are numbered in
 * order. Readers pull on their own threads ({@link #since}, {@link #awaitSince}, or a
 * {@link LogFollower}): nothing of theirs runs on the appending thread, which is the hub's, so a
 * slow reader (a paused {@code | less}) never stalls a run.
 */
public final class EventLog {
    private final long startNanos = System.nanoTime();
    private final List<Event> events = new ArrayList<>();

    public Event append(long pid, long ppid, String proc, EventKind kind, String obj, Map<String, Object> data) {
        Event event;
        synchronized (this) {
            event = new Event(events.size() + 1L, (System.nanoTime() - startNanos) / 1000, pid, ppid, proc, kind,
                    obj, data);
            events.add(event);
            // Wakes the readers waiting in awaitSince; they read on their own threads.
            notifyAll();
        }
        return event;
    }

    public synchronized List<Event> snapshot() {
        return List.copyOf(events);
    }

    /** Events with a sequence number greater than {@code afterSeq}, for readers that poll. */
    public synchronized List<Event> since(long afterSeq) {
        int from = (int) Math.min(Math.max(0, afterSeq), events.size());
        return List.copyOf(events.subList(from, events.size()));
    }

    /**
     * Events with a sequence number greater than {@code afterSeq}, waiting up to {@code timeout}
     * for the first of them to be appended; empty if none came in time.
     */
    public synchronized List<Event> awaitSince(long afterSeq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() <= afterSeq) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            // Rounded up so that a wait of less than a millisecond still waits, not spins.
            wait(Math.max(1, left / 1_000_000));
        }
        return since(afterSeq);
    }

    public synchronized int size() {
        return events.size();
    }

    /** Monotonic microseconds since this log began: the clock of every event's {@code t}. */
    public long nowMicros() {
        return (System.nanoTime() - startNanos) / 1000;
    }
}
