package dev.procession.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The append-only record of a run, and its single source of truth. Appends are numbered in
 * order; listeners see each event once, on the appending thread, in order.
 */
public final class EventLog {
    private final long startNanos = System.nanoTime();
    private final List<Event> events = new ArrayList<>();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

    public Event append(long pid, long ppid, String proc, EventKind kind, String obj, Map<String, Object> data) {
        Event event;
        synchronized (this) {
            event = new Event(events.size() + 1L, (System.nanoTime() - startNanos) / 1000, pid, ppid, proc, kind,
                    obj, data);
            events.add(event);
            // Listeners run under the lock so that every listener sees events in log order.
            for (Consumer<Event> listener : listeners) {
                deliver(listener, event);
            }
            notifyAll();
        }
        return event;
    }

    /**
     * A listener that throws is dropped and its error goes to the thread's uncaught-exception
     * handler: the log, and the hub thread that appends to it, must go on for everyone else.
     */
    private void deliver(Consumer<Event> listener, Event event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            listeners.remove(listener);
            Thread me = Thread.currentThread();
            me.getUncaughtExceptionHandler().uncaughtException(me, e);
        }
    }

    /** Adds a listener that first receives every event so far, then each new one. */
    public synchronized void subscribe(Consumer<Event> listener) {
        events.forEach(listener);
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<Event> listener) {
        listeners.remove(listener);
    }

    public synchronized List<Event> snapshot() {
        return List.copyOf(events);
    }

    /** Events with a sequence number greater than {@code afterSeq}, for readers that poll. */
    public synchronized List<Event> since(long afterSeq) {
        int from = (int) Math.min(afterSeq, events.size());
        return List.copyOf(events.subList(from, events.size()));
    }

    public synchronized int size() {
        return events.size();
    }

    /** Monotonic microseconds since this log began: the clock of every event's {@code t}. */
    public long nowMicros() {
        return (System.nanoTime() - startNanos) / 1000;
    }
}
