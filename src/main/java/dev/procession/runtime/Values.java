package dev.procession.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain values that cross between processes: null, booleans, numbers, strings, lists, maps and
 * handles of primitives. Anything else is refused before it leaves the process.
 */
public final class Values {
    private Values() {
    }

    /** Turns handles received from the hub back into objects bound to this process. */
    public static Object decode(Object value, Mp mp) {
        if (value instanceof Map<?, ?> map) {
            if (map.get("$obj") instanceof Long id && map.get("$type") instanceof String type) {
                return RemoteObjects.bind(mp, type, id);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), decode(v, mp)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(decode(v, mp)));
            return out;
        }
        return value;
    }

    /** Checks that a value can be sent, with a clear error naming what cannot. */
    public static Object encode(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Integer i -> i.longValue();
            case Long l -> l;
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case RemoteObject r -> r;
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), encode(v)));
                yield out;
            }
            case Iterable<?> items -> {
                List<Object> out = new ArrayList<>();
                items.forEach(v -> out.add(encode(v)));
                yield out;
            }
            case Object[] items -> encode(Arrays.asList(items));
            default -> throw new MpException("TypeError", "cannot send a " + value.getClass().getSimpleName()
                    + " to another process: only plain values and primitives travel");
        };
    }

    /** Python's str() of a value, for print. */
    public static String str(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case String s -> s;
            default -> repr(value);
        };
    }

    /** Python's repr() of a value: {1: 1}, ['a', 'b'], 'text'. */
    public static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case String s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
            case Map<?, ?> map -> {
                StringBuilder sb = new StringBuilder("{");
                map.forEach((k, v) -> {
                    if (sb.length() > 1) {
                        sb.append(", ");
                    }
                    sb.append(k instanceof String s && isInteger(s) ? s : repr(k)).append(": ").append(repr(v));
                });
                yield sb.append('}').toString();
            }
            case List<?> list -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(repr(list.get(i)));
                }
                yield sb.append(']').toString();
            }
            default -> String.valueOf(value);
        };
    }

    private static boolean isInteger(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-');
    }
}
