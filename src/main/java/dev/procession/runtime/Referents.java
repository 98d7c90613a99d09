package dev.procession.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a manager's server holds, by the id of their proxy, and the operations on them.
 * Values are Python values ({@link Values}): a tuple key stays a tuple, a proxy stored inside a
 * dict travels back as a proxy.
 */
final class Referents {
    private final Map<Long, Object> objects = new HashMap<>();

    /** The one value a ValueProxy refers to. */
    private static final class Box {
        Object value;
    }

    Object apply(long ref, String op, Map<String, Object> request) {
        if (op.equals("create")) {
            objects.put(ref, create(String.valueOf(request.get("kind")), request.get("initial")));
            return null;
        }
        Object referent = objects.get(ref);
        if (referent == null) {
            throw new MpException("KeyError", "no shared object for proxy #" + ref);
        }
        return switch (referent) {
            case Box box -> value(box, op, request);
            case ArrayList<?> list -> list(cast(list), op, request);
            case LinkedHashMap<?, ?> dict -> dict(cast(dict), op, request);
            default -> throw new MpException("TypeError", "unknown shared object " + referent.getClass());
        };
    }

    private static Object create(String kind, Object initial) {
        return switch (kind) {
            case "dict" -> {
                Map<Object, Object> dict = new LinkedHashMap<>();
                putPairs(dict, initial);
                yield dict;
            }
            case "list" -> new ArrayList<>(initial instanceof List<?> l ? l : List.of());
            case "value" -> {
                Box box = new Box();
                box.value = initial;
                yield box;
            }
            default -> throw new MpException("ValueError", "a manager makes dict, list or value, not " + kind);
        };
    }

    private static Object value(Box box, String op, Map<String, Object> r) {
        return switch (op) {
            case "get" -> box.value;
            case "set" -> {
                box.value = r.get("value");
                yield null;
            }
            default -> throw noOp("ValueProxy", op);
        };
    }

    private static Object dict(Map<Object, Object> d, String op, Map<String, Object> r) {
        Object key = r.get("key");
        if (r.containsKey("key")) {
            requireHashable(key);
        }
        return switch (op) {
            case "getitem" -> {
                requirePresent(d, key);
                yield d.get(key);
            }
            case "get" -> d.containsKey(key) ? d.get(key) : r.get("default");
            case "setitem" -> {
                d.put(key, r.get("value"));
                yield null;
            }
            case "delitem" -> {
                requirePresent(d, key);
                d.remove(key);
                yield null;
            }
            case "len" -> (long) d.size();
            case "contains" -> d.containsKey(key);
            case "keys" -> new ArrayList<>(d.keySet());
            case "values" -> new ArrayList<>(d.values());
            case "items" -> {
                List<Object> pairs = new ArrayList<>();
                d.forEach((k, v) -> pairs.add(Tuple.of(k, v)));
                yield pairs;
            }
            case "copy" -> new LinkedHashMap<>(d);
            case "update" -> {
                putPairs(d, r.get("items"));
                yield null;
            }
            case "pop" -> {
                if (d.containsKey(key)) {
                    yield d.remove(key);
                }
                if (r.containsKey("default")) {
                    yield r.get("default");
                }
                throw new MpException("KeyError", Values.repr(key));
            }
            case "setdefault" -> {
                d.putIfAbsent(key, r.get("default"));
                yield d.get(key);
            }
            case "clear" -> {
                d.clear();
                yield null;
            }
            default -> throw noOp("DictProxy", op);
        };
    }

    private static Object list(List<Object> l, String op, Map<String, Object> r) {
        return switch (op) {
            case "getitem" -> l.get(index(l, r, "list index out of range"));
            case "setitem" -> {
                l.set(index(l, r, "list assignment index out of range"), r.get("value"));
                yield null;
            }
            case "delitem" -> {
                l.remove(index(l, r, "list assignment index out of range"));
                yield null;
            }
            case "append" -> {
                l.add(r.get("value"));
                yield null;
            }
            case "extend" -> {
                if (r.get("items") instanceof List<?> items) {
                    l.addAll(items);
                }
                yield null;
            }
            case "insert" -> {
                long i = ((Number) r.get("index")).longValue();
                int at = (int) Math.max(0, Math.min(l.size(), i < 0 ? i + l.size() : i));
                l.add(at, r.get("value"));
                yield null;
            }
            case "pop" -> {
                if (l.isEmpty()) {
                    throw new MpException("IndexError", "pop from empty list");
                }
                yield l.remove(r.containsKey("index") ? index(l, r, "pop index out of range") : l.size() - 1);
            }
            case "remove" -> {
                if (!l.remove(r.get("value"))) {
                    throw new MpException("ValueError", "list.remove(x): x not in list");
                }
                yield null;
            }
            case "index" -> {
                int i = l.indexOf(r.get("value"));
                if (i < 0) {
                    throw new MpException("ValueError", Values.repr(r.get("value")) + " is not in list");
                }
                yield (long) i;
            }
            case "count" -> l.stream().filter(v -> java.util.Objects.equals(v, r.get("value"))).count();
            case "len" -> (long) l.size();
            case "contains" -> l.contains(r.get("value"));
            case "copy" -> new ArrayList<>(l);
            default -> throw noOp("ListProxy", op);
        };
    }

    private static int index(List<Object> l, Map<String, Object> r, String outOfRange) {
        if (!(r.get("index") instanceof Long i)) {
            throw new MpException("TypeError", "list indices must be integers");
        }
        long at = i < 0 ? i + l.size() : i;
        if (at < 0 || at >= l.size()) {
            throw new MpException("IndexError", outOfRange);
        }
        return (int) at;
    }

    private static void putPairs(Map<Object, Object> d, Object pairs) {
        if (!(pairs instanceof List<?> list)) {
            return;
        }
        for (Object pair : list) {
            List<?> kv = pair instanceof Tuple t ? t.items() : pair instanceof List<?> l ? l : null;
            if (kv == null || kv.size() != 2) {
                throw new MpException("ValueError", "dictionary update sequence element has wrong length");
            }
            requireHashable(kv.get(0));
            d.put(kv.get(0), kv.get(1));
        }
    }

    /** As Python's hash(): dicts and lists cannot be keys, nor tuples holding them. */
    private static void requireHashable(Object key) {
        switch (key) {
            case Map<?, ?> m -> throw new MpException("TypeError", "unhashable type: 'dict'");
            case List<?> l -> throw new MpException("TypeError", "unhashable type: 'list'");
            case Tuple t -> t.items().forEach(Referents::requireHashable);
            case null, default -> { }
        }
    }

    private static void requirePresent(Map<Object, Object> d, Object key) {
        if (!d.containsKey(key)) {
            throw new MpException("KeyError", Values.repr(key));
        }
    }

    private static MpException noOp(String type, String op) {
        return new MpException("AttributeError", "'" + type + "' object has no attribute '" + op + "'");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
