package dev.procession.protocol;

import java.util.List;
import java.util.Map;

/** Typed reads of fields of a decoded message, with errors that name the field. */
public final class Messages {
    private Messages() {
    }

    public static String string(Map<String, Object> m, String field) {
        if (m.get(field) instanceof String s) {
            return s;
        }
        throw missing(m, field, "a string");
    }

    public static String optString(Map<String, Object> m, String field, String fallback) {
        return m.get(field) instanceof String s ? s : fallback;
    }

    public static long integer(Map<String, Object> m, String field) {
        if (m.get(field) instanceof Long n) {
            return n;
        }
        throw missing(m, field, "an integer");
    }

    public static long optInteger(Map<String, Object> m, String field, long fallback) {
        return m.get(field) instanceof Long n ? n : fallback;
    }

    public static boolean optBoolean(Map<String, Object> m, String field, boolean fallback) {
        return m.get(field) instanceof Boolean b ? b : fallback;
    }

    /** A number of seconds, or null when absent or JSON null (meaning "no timeout"). */
    public static Double optSeconds(Map<String, Object> m, String field) {
        Object v = m.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw missing(m, field, "a number of seconds");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> m, String field) {
        if (m.get(field) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw missing(m, field, "an object");
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> m, String field) {
        if (m.get(field) instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw missing(m, field, "an array");
    }

    private static FrameException missing(Map<String, Object> m, String field, String what) {
        Object v = m.get(field);
        String got = m.containsKey(field) ? Json.describe(v) : "nothing";
        return new FrameException("field '" + field + "' must be " + what + ", got " + got);
    }
}
