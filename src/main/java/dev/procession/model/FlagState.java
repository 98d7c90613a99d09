package dev.procession.model;

import dev.procession.events.Event;
import java.util.List;
import java.util.Map;

/** An Event (multiprocessing's): its flag and the processes waiting for it to be set. */
public record FlagState(String ref, String name, boolean set, List<Long> waiters) implements PrimitiveState {

    static FlagState created(String ref, String name, Map<String, Object> s) {
        return new FlagState(ref, name, Details.flag(s, "set"), List.of());
    }

    @Override
    public String type() {
        return "Event";
    }

    @Override
    public PrimitiveState on(Event e) {
        return switch (e.kind()) {
            case SET -> new FlagState(ref, name, true, List.of());
            case CLEAR -> new FlagState(ref, name, false, waiters);
            case WAIT -> new FlagState(ref, name, set, Pids.with(waiters, e.pid()));
            case WOKE, TIMEOUT -> new FlagState(ref, name, set, Pids.without(waiters, e.pid()));
            default -> this;
        };
    }

    @Override
    public PrimitiveState without(long pid) {
        return waiters.contains(pid) ? new FlagState(ref, name, set, Pids.without(waiters, pid)) : this;
    }
}
