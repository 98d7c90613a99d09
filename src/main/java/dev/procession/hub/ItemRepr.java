package dev.procession.hub;

import java.util.List;
import java.util.Map;

/**
 * A short Python-style repr of an item in a queue or pipe, for events and the inspector: the
 * animation shows it on the item. It stops building once past the limit, so a big item costs
 * no more than a small one.
 */
final class ItemRepr {
    static final int LIMIT = 60;

    private ItemRepr() {
    }

    static String of(Object value) {
        if (value instanceof Long n) {
            return n.toString();
        }
        StringBuilder sb = new StringBuilder(16);
        append(value, sb);
        if (sb.length() > LIMIT) {
            sb.setLength(LIMIT - 3);
            sb.append("...");
        }
        return sb.toString();
    }

    private static void append(Object value, StringBuilder sb) {
        if (sb.length() > LIMIT) {
            return;
        }
        switch (value) {
            case null -> sb.append("None");
            case Boolean b -> sb.append(b ? "True" : "False");
            case Long n -> sb.append(n.longValue());
            case String s -> string(s, sb);
            case Map<?, ?> map -> map(map, sb);
            case List<?> list -> {
                sb.append('[');
                for (int i = 0; i < list.size() && sb.length() <= LIMIT; i++) {
                    sb.append(i == 0 ? "" : ", ");
                    append(list.get(i), sb);
                }
                sb.append(']');
            }
            default -> sb.append(value);
        }
    }

    private static void map(Map<?, ?> map, StringBuilder sb) {
        // A handle of a primitive travels as {"$obj": id, "$type": type}: show it as Python would.
        if (map.get("$obj") instanceof Long id && map.get("$type") instanceof String type) {
            sb.append('<').append(type).append('#').append(id.longValue()).append('>');
            return;
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (sb.length() > LIMIT) {
                break;
            }
            sb.append(first ? "" : ", ");
            first = false;
            String key = String.valueOf(e.getKey());
            // Keys are strings on the wire; {1: 1} from a program came from an integer key.
            if (isInteger(key)) {
                sb.append(key);
            } else {
                string(key, sb);
            }
            sb.append(": ");
            append(e.getValue(), sb);
        }
        sb.append('}');
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('\'');
        int end = Math.min(s.length(), LIMIT + 1);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        sb.append('\'');
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty() || s.length() > 19) {
            return false;
        }
        for (int i = s.charAt(0) == '-' && s.length() > 1 ? 1 : 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
