package dev.procession.model;

import dev.procession.events.Event;
import java.util.List;
import java.util.Map;

/** A Condition: its lock and the processes waiting to be notified, in order. */
public record ConditionState(String ref, String name, String lock, List<Long> waiters) implements PrimitiveState {

    static ConditionState created(String ref, String name, Map<String, Object> s) {
        return new ConditionState(ref, name, Details.text(s, "lock"), List.of());
    }

    @Override
    public String type() {
        return "Condition";
    }

    @Override
    public PrimitiveState on(Event e) {
        return switch (e.kind()) {
            case WAIT -> new ConditionState(ref, name, lock, Pids.with(waiters, e.pid()));
            case WOKE, TIMEOUT -> new ConditionState(ref, name, lock, Pids.without(waiters, e.pid()));
            default -> this;
        };
    }

    @Override
    public PrimitiveState without(long pid) {
        return waiters.contains(pid) ? new ConditionState(ref, name, lock, Pids.without(waiters, pid)) : this;
    }
}
