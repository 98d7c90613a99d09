package dev.procession.model;

import dev.procession.events.Event;
import java.util.Map;

/** A Manager: its server process and whether it serves, has shut down, or lost its server. */
public record ManagerState(String ref, String name, Long server, String state) implements PrimitiveState {

    static ManagerState created(String ref, String name, Map<String, Object> s) {
        Object server = s.get("server");
        return new ManagerState(ref, name, server instanceof Number n && n.longValue() > 0 ? n.longValue() : null,
                Details.text(s, "state") == null ? "starting" : Details.text(s, "state"));
    }

    @Override
    public String type() {
        return "Manager";
    }

    @Override
    public PrimitiveState on(Event e) {
        return switch (e.kind()) {
            case SERVE -> new ManagerState(ref, name, e.pid(), "serving");
            case SHUTDOWN -> new ManagerState(ref, name, server, "shut-down");
            case SERVER_LOST -> new ManagerState(ref, name, server, "server-lost");
            default -> this;
        };
    }

    @Override
    public PrimitiveState without(long pid) {
        return this;
    }
}
