package dev.procession.model;

import dev.procession.events.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A manager's shared dict, list or value, as its proxy calls reveal it: every write is in the
 * log with its arguments, and every read with its result, so the contents follow from the log.
 * Keys are shown as the log carries them.
 *
 * @param contents a {@code Map<Object, Object>} for a dict, a {@code List<Object>} for a list,
 *                 the value itself for a value (immutable copies)
 */
public record SharedObjectState(String ref, String type, String name, String manager, Object contents,
                                long reads, long writes) implements PrimitiveState {

    static SharedObjectState created(String ref, String type, String name, Map<String, Object> details) {
        Map<String, Object> s = Details.map(details.get("state"));
        Object initial = details.get("value");
        Object contents = switch (type) {
            case "DictProxy" -> initial instanceof Map<?, ?> m ? Map.copyOf(m) : pairs(Map.of(), initial);
            case "ListProxy" -> Details.list(initial);
            default -> initial;
        };
        return new SharedObjectState(ref, type, name, Details.text(s, "manager"), contents, 0, 0);
    }

    @Override
    public PrimitiveState on(Event e) {
        return switch (e.kind()) {
            case PROXY_SET -> new SharedObjectState(ref, type, name, manager, written(e), reads, writes + 1);
            case PROXY_GET -> new SharedObjectState(ref, type, name, manager, read(e), reads + 1, writes);
            default -> this;
        };
    }

    private Object written(Event e) {
        String op = String.valueOf(e.get("op"));
        return switch (type) {
            case "DictProxy" -> dictAfter(op, e);
            case "ListProxy" -> listAfter(op, e);
            default -> "set".equals(op) ? e.get("value") : contents;
        };
    }

    /** A read's result teaches a value the log had not shown yet (a key set before the log began). */
    private Object read(Event e) {
        String op = String.valueOf(e.get("op"));
        if ("DictProxy".equals(type) && ("getitem".equals(op) || "get".equals(op)) && e.get("key") != null
                && e.data().containsKey("value") && !dict().containsKey(e.get("key"))) {
            Map<Object, Object> d = new LinkedHashMap<>(dict());
            d.put(e.get("key"), e.get("value"));
            return d;
        }
        if ("ValueProxy".equals(type) && "get".equals(op)) {
            return e.get("value");
        }
        return contents;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict() {
        return contents instanceof Map<?, ?> m ? (Map<Object, Object>) m : Map.of();
    }

    private Object dictAfter(String op, Event e) {
        Map<Object, Object> d = new LinkedHashMap<>(dict());
        Object key = e.get("key");
        switch (op) {
            case "setitem" -> d.put(key, e.get("value"));
            case "delitem", "pop" -> d.remove(key);
            case "clear" -> d.clear();
            case "setdefault" -> d.putIfAbsent(key, e.get("default"));
            case "update" -> {
                return pairs(d, e.get("items"));
            }
            default -> { }
        }
        return java.util.Collections.unmodifiableMap(d);
    }

    /** {@code d} updated with {@code [[key, value], ...]}: how a dict's initial contents and updates travel. */
    private static Map<Object, Object> pairs(Map<Object, Object> d, Object pairs) {
        Map<Object, Object> out = new LinkedHashMap<>(d);
        Details.list(pairs).forEach(pair -> {
            List<Object> kv = Details.list(pair);
            if (kv.size() == 2) {
                out.put(kv.get(0), kv.get(1));
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    private Object listAfter(String op, Event e) {
        List<Object> l = new ArrayList<>(contents instanceof List<?> c ? c : List.of());
        int index = e.get("index") instanceof Number n ? n.intValue() : -1;
        switch (op) {
            case "append" -> l.add(e.get("value"));
            case "extend" -> l.addAll(Details.list(e.get("items")));
            case "insert" -> l.add(Math.clamp(index < 0 ? l.size() + index : index, 0, l.size()), e.get("value"));
            case "setitem" -> {
                if (index >= -l.size() && index < l.size()) {
                    l.set(index < 0 ? l.size() + index : index, e.get("value"));
                }
            }
            case "delitem", "pop" -> {
                int at = e.get("index") == null ? l.size() - 1 : (index < 0 ? l.size() + index : index);
                if (at >= 0 && at < l.size()) {
                    l.remove(at);
                }
            }
            case "remove" -> l.remove(e.get("value"));
            default -> { }
        }
        return java.util.Collections.unmodifiableList(l);
    }

    @Override
    public PrimitiveState without(long pid) {
        return this;
    }
}
