package dev.procession.runtime;

import dev.procession.protocol.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process's handle on a primitive that lives in the hub. It can be passed to another process
 * as an argument (or in a queue): it travels as {@code {"$obj": id, "$type": type}}.
 */
public abstract class RemoteObject implements JsonValue {
    protected final Mp mp;
    protected final long id;
    private final String type;

    protected RemoteObject(Mp mp, long id, String type) {
        this.mp = mp;
        this.id = id;
        this.type = type;
    }

    public long id() {
        return id;
    }

    public String type() {
        return type;
    }

    /** How the event log names it. */
    public String ref() {
        return type + "#" + id;
    }

    @Override
    public Object toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("$obj", id);
        m.put("$type", type);
        return m;
    }

    protected Object call(String op) {
        return call(op, Map.of());
    }

    protected Object call(String op, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        m.put("obj", id);
        return mp.client().call(op, m);
    }

    /**
     * Sends {@code op} with {@code fields} (name, value, name, value...) as Python values and
     * decodes the answer into one.
     */
    protected final Object op(String op, Object... fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            m.put((String) fields[i], Values.encode(fields[i + 1]));
        }
        return Values.decode(call(op, m), mp);
    }

    /** One-way and at once (see {@link HubClient#post}). */
    protected void post(String op) {
        mp.client().post(op, Map.of("obj", id));
    }

    protected void tell(String op, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        m.put("obj", id);
        mp.client().tell(op, m);
    }

    /** Arguments of a blocking call: block, and a timeout in scenario seconds (null = none). */
    protected static Map<String, Object> blocking(boolean block, Double timeout) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("block", block);
        if (timeout != null) {
            if (timeout < 0) {
                throw new MpException("ValueError", "'timeout' must be a non-negative number");
            }
            m.put("timeout", timeout);
        }
        return m;
    }

    /** Two handles of one primitive are equal, as a key in a manager's dict or an item of its list. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteObject r && r.id == id && r.type.equals(type);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return "<" + ref() + ">";
    }
}
