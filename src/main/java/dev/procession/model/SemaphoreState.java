package dev.procession.model;

import dev.procession.events.Event;
import java.util.List;
import java.util.Map;

/**
 * A Semaphore: its value, the processes inside (one entry per unit they hold), who waits in
 * order, and the dead processes that left units held.
 */
public record SemaphoreState(String ref, String type, String name, long value, long initial, List<Long> holders,
                             List<Long> waiters, List<Long> abandonedBy) implements PrimitiveState {

    static SemaphoreState created(String ref, String type, String name, Map<String, Object> s) {
        long value = Details.number(s, "value", 1);
        return new SemaphoreState(ref, type, name, value, Details.number(s, "initial", value), List.of(), List.of(),
                List.of());
    }

    @Override
    public PrimitiveState on(Event e) {
        return switch (e.kind()) {
            case ACQUIRE_WAIT -> new SemaphoreState(ref, type, name, value, initial, holders,
                    Pids.with(waiters, e.pid()), abandonedBy);
            case ACQUIRED -> new SemaphoreState(ref, type, name, Details.number(e, "value", value - 1), initial,
                    Pids.plus(holders, e.pid()), Pids.without(waiters, e.pid()), abandonedBy);
            case RELEASED -> new SemaphoreState(ref, type, name, Details.number(e, "value", value + 1), initial,
                    Pids.without(holders, e.pid()), waiters, abandonedBy);
            case TIMEOUT -> new SemaphoreState(ref, type, name, value, initial, holders,
                    Pids.without(waiters, e.pid()), abandonedBy);
            case ABANDONED -> new SemaphoreState(ref, type, name, value, initial, holders, waiters,
                    Pids.with(abandonedBy, Details.number(e, "holder", e.pid())));
            case FORCE_RELEASE -> {
                long dead = Details.number(e, "holder", 0);
                yield new SemaphoreState(ref, type, name, Details.number(e, "value", value), initial,
                        Pids.withoutAll(holders, dead), waiters, Pids.without(abandonedBy, dead));
            }
            default -> this;
        };
    }

    @Override
    public PrimitiveState without(long pid) {
        return waiters.contains(pid) ? new SemaphoreState(ref, type, name, value, initial, holders,
                Pids.without(waiters, pid), abandonedBy) : this;
    }
}
