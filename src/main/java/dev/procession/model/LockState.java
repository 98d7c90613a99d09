package dev.procession.model;

import dev.procession.events.Event;
import java.util.List;
import java.util.Map;

/**
 * A Lock or RLock: who holds it (and how many times, for an RLock), who waits in order, and
 * the dead process that left it held, if any.
 */
public record LockState(String ref, String type, String name, Long holder, long count, List<Long> waiters,
                        Long abandonedBy) implements PrimitiveState {

    static LockState created(String ref, String type, String name, Map<String, Object> s) {
        return new LockState(ref, type, name, null, 0, List.of(), null);
    }

    public boolean locked() {
        return holder != null;
    }

    @Override
    public PrimitiveState on(Event e) {
        return switch (e.kind()) {
            case ACQUIRE_WAIT -> new LockState(ref, type, name, holder, count, Pids.with(waiters, e.pid()), abandonedBy);
            case ACQUIRED -> new LockState(ref, type, name, e.pid(), Details.number(e, "count", 1),
                    Pids.without(waiters, e.pid()), null);
            case RELEASED -> {
                long left = Details.number(e, "count", 0);
                yield left > 0 ? new LockState(ref, type, name, holder, left, waiters, abandonedBy)
                        : new LockState(ref, type, name, null, 0, waiters, null);
            }
            case TIMEOUT -> new LockState(ref, type, name, holder, count, Pids.without(waiters, e.pid()), abandonedBy);
            case ABANDONED -> new LockState(ref, type, name, holder, count, waiters, Details.optNumber(e, "holder"));
            case FORCE_RELEASE -> new LockState(ref, type, name, null, 0, waiters, null);
            default -> this;
        };
    }

    @Override
    public PrimitiveState without(long pid) {
        return waiters.contains(pid) ? new LockState(ref, type, name, holder, count, Pids.without(waiters, pid),
                abandonedBy) : this;
    }
}
