package dev.procession.events;

import dev.procession.protocol.Json;
import dev.procession.protocol.Messages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the event log: what happened, to which process and object, and when.
 *
 * @param seq    position in the log, from 1, without gaps
 * @param micros monotonic time since the run started, in microseconds
 * @param pid    operating-system PID of the process concerned (0 for the hub or the supervisor)
 * @param ppid   its real parent's PID (0 when unknown)
 * @param proc   the process's name, as multiprocessing names it ("MainProcess", "Process-1")
 * @param kind   what happened; see docs/event-log.md
 * @param obj    the primitive concerned ("Lock#3"), or null
 * @param data   details of this kind of event
 */
public record Event(long seq, long micros, long pid, long ppid, String proc, EventKind kind, String obj,
                    Map<String, Object> data) {

    /** Details with a null value are left out: in the log, absent and null mean the same. */
    public Event {
        // A plain loop: this runs for every event, and the hub appends hundreds of thousands.
        Map<String, Object> copy = new LinkedHashMap<>(data == null ? 2 : data.size() * 2);
        if (data != null) {
            for (Map.Entry<String, Object> e : data.entrySet()) {
                if (e.getValue() != null) {
                    copy.put(e.getKey(), e.getValue());
                }
            }
        }
        data = java.util.Collections.unmodifiableMap(copy);
    }

    public Object get(String key) {
        return data.get(key);
    }

    public String text(String key) {
        return get(key) instanceof String s ? s : null;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("t", micros);
        m.put("pid", pid);
        m.put("ppid", ppid);
        m.put("proc", proc);
        m.put("kind", kind.wireName());
        if (obj != null) {
            m.put("obj", obj);
        }
        // Details never overwrite the header: a reader must get back the seq and pid the log gave.
        data.forEach(m::putIfAbsent);
        return m;
    }

    public String toJsonLine() {
        return Json.write(toJson());
    }

    /** The fields every line has; details may not use these names. */
    public static final java.util.Set<String> HEADER =
            java.util.Set.of("seq", "t", "pid", "ppid", "proc", "kind", "obj");

    private static EventKind kind(String wireName) {
        try {
            return EventKind.of(wireName);
        } catch (IllegalArgumentException e) {
            throw new dev.procession.protocol.JsonException(e.getMessage() + " (see docs/event-log.md)");
        }
    }

    /** Reads back one line written by {@link #toJsonLine()}. */
    public static Event fromJsonLine(String line) {
        Map<String, Object> m = Json.parseObject(line);
        Map<String, Object> data = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (!HEADER.contains(k)) {
                data.put(k, v);
            }
        });
        return new Event(Messages.integer(m, "seq"), Messages.integer(m, "t"), Messages.optInteger(m, "pid", 0),
                Messages.optInteger(m, "ppid", 0), Messages.optString(m, "proc", null), kind(Messages.string(m, "kind")),
                Messages.optString(m, "obj", null), data);
    }
}
