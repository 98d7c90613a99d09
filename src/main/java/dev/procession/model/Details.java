package dev.procession.model;

import dev.procession.events.Event;
import java.util.List;
import java.util.Map;

/** Typed reads of an event's details, forgiving where an older log lacks a field. */
final class Details {
    private Details() {
    }

    static long number(Map<String, Object> m, String key, long otherwise) {
        return m.get(key) instanceof Number n ? n.longValue() : otherwise;
    }

    static long number(Event e, String key, long otherwise) {
        return number(e.data(), key, otherwise);
    }

    static Long optNumber(Event e, String key) {
        return e.get(key) instanceof Number n ? n.longValue() : null;
    }

    static double decimal(Map<String, Object> m, String key, double otherwise) {
        return m.get(key) instanceof Number n ? n.doubleValue() : otherwise;
    }

    static String text(Map<String, Object> m, String key) {
        return m.get(key) instanceof String s ? s : null;
    }

    static boolean flag(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object o) {
        return o instanceof List<?> l ? List.copyOf(l) : List.of();
    }

    static List<Long> pids(Object o) {
        return list(o).stream().filter(Number.class::isInstance).map(x -> ((Number) x).longValue()).toList();
    }
}
