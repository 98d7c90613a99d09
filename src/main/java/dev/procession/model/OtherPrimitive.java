package dev.procession.model;

import dev.procession.events.Event;

/** An object of a type this model does not fold (a newer log's): shown by name only. */
public record OtherPrimitive(String ref, String type, String name) implements PrimitiveState {
    @Override
    public PrimitiveState on(Event e) {
        return this;
    }

    @Override
    public PrimitiveState without(long pid) {
        return this;
    }
}
