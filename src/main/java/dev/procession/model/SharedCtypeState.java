package dev.procession.model;

import dev.procession.events.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A shared Value or Array (multiprocessing.sharedctypes): its typecode, the lock that guards it
 * and its content. The {@code new} event carries the content and every {@code write} the values
 * it stored, so the content follows from the log alone.
 *
 * @param lock   the reference of its lock, or null when made with lock=False
 * @param value  a Value's value, or an Array's list of items, in the log's wire form
 */
public record SharedCtypeState(String ref, String type, String name, String typecode, String lock, Object value,
                               long reads, long writes) implements PrimitiveState {

    static SharedCtypeState created(String ref, String type, String name, Map<String, Object> s) {
        Object value = s.get("value");
        if ("Array".equals(type)) {
            value = Collections.unmodifiableList(Details.list(value));
        }
        return new SharedCtypeState(ref, type, name, Details.text(s, "typecode"), Details.text(s, "lock"), value, 0, 0);
    }

    public boolean array() {
        return "Array".equals(type);
    }

    @Override
    public PrimitiveState on(Event e) {
        return switch (e.kind()) {
            case READ -> new SharedCtypeState(ref, type, name, typecode, lock, value, reads + 1, writes);
            case WRITE -> new SharedCtypeState(ref, type, name, typecode, lock, written(e), reads, writes + 1);
            default -> this;
        };
    }

    private Object written(Event e) {
        if (!array()) {
            return e.get("value");
        }
        List<Object> items = new ArrayList<>(Details.list(value));
        if (e.get("index") instanceof Number i && i.intValue() >= 0 && i.intValue() < items.size()) {
            items.set(i.intValue(), e.get("value"));
        } else if (e.get("start") instanceof Number start) {
            List<Object> stored = Details.list(e.get("value"));
            for (int k = 0; k < stored.size() && start.intValue() + k < items.size(); k++) {
                items.set(start.intValue() + k, stored.get(k));
            }
        }
        return Collections.unmodifiableList(items);
    }

    @Override
    public PrimitiveState without(long pid) {
        return this;
    }
}
