package dev.procession.model;

import dev.procession.events.Event;
import java.util.List;
import java.util.Map;

/** A Barrier: how many parties it needs, who has arrived, and whether it is broken. */
public record BarrierState(String ref, String name, long parties, List<Long> waiting, boolean broken)
        implements PrimitiveState {

    static BarrierState created(String ref, String name, Map<String, Object> s) {
        return new BarrierState(ref, name, Details.number(s, "parties", 0), List.of(), Details.flag(s, "broken"));
    }

    @Override
    public String type() {
        return "Barrier";
    }

    @Override
    public PrimitiveState on(Event e) {
        return switch (e.kind()) {
            case WAIT -> new BarrierState(ref, name, parties, Pids.with(waiting, e.pid()), broken);
            case PASS -> new BarrierState(ref, name, parties, List.of(), broken);
            case WOKE, TIMEOUT -> new BarrierState(ref, name, parties, Pids.without(waiting, e.pid()), broken);
            case BROKEN, ABORT -> new BarrierState(ref, name, parties, List.of(), true);
            case RESET -> new BarrierState(ref, name, parties, List.of(), false);
            default -> this;
        };
    }

    @Override
    public PrimitiveState without(long pid) {
        return waiting.contains(pid) ? new BarrierState(ref, name, parties, Pids.without(waiting, pid), broken)
                : this;
    }
}
