package dev.procession.runtime;

import dev.procession.protocol.PyRepr;
import dev.procession.protocol.PyWire;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python values that cross between processes, and their wire form (docs/protocol.md,
 * "Values"). In a program: null is None, Boolean, Long (BigInteger beyond 64 bits) is int, Double
 * is float, String is str, {@link Bytes}, {@link Tuple}, a List is a list, a Map is a dict (keys of
 * any hashable type), and handles of primitives. Anything else is refused before it leaves the
 * process.
 */
public final class Values {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Values() {
    }

    /** Rebuilds the Python values of a wire value; handles become objects bound to this process. */
    public static Object decode(Object value, Mp mp) {
        if (value instanceof Map<?, ?> map) {
            String tag = PyWire.tag(map);
            if (tag == null) {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, decode(v, mp)));
                return out;
            }
            Object content = map.get(tag);
            return switch (tag) {
                case PyWire.OBJ -> RemoteObjects.bind(mp, (String) map.get(PyWire.TYPE), (Long) content);
                case PyWire.TUPLE -> new Tuple(decodeAll(content, mp));
                case PyWire.INT -> integer(new BigInteger(String.valueOf(content)));
                case PyWire.BYTES -> new Bytes(Base64.getDecoder().decode(String.valueOf(content)));
                case PyWire.FLOAT -> nonFinite(String.valueOf(content));
                default -> dict(decodeAll(content, mp));
            };
        }
        if (value instanceof List<?> list) {
            return decodeAll(list, mp);
        }
        return value;
    }

    private static List<Object> decodeAll(Object items, Mp mp) {
        List<?> list = items instanceof List<?> l ? l : List.of();
        List<Object> out = new ArrayList<>(list.size());
        list.forEach(v -> out.add(decode(v, mp)));
        return out;
    }

    private static Map<Object, Object> dict(List<Object> pairs) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object pair : pairs) {
            List<?> kv = (List<?>) pair;
            out.put(kv.get(0), kv.get(1));
        }
        return out;
    }

    private static double nonFinite(String repr) {
        return switch (repr) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    /** Python has one int type: a value that fits in 64 bits is a Long wherever it came from. */
    private static Object integer(BigInteger n) {
        return n.compareTo(LONG_MIN) >= 0 && n.compareTo(LONG_MAX) <= 0 ? (Object) n.longValue() : n;
    }

    /** The wire form of a value, with a clear error naming what cannot be sent. */
    public static Object encode(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Character c -> c.toString();
            case Boolean b -> b;
            case Integer i -> i.longValue();
            case Long l -> l;
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger n -> integer(n) instanceof Long l ? l : Map.of(PyWire.INT, n.toString());
            case Double d -> floating(d);
            case Float f -> floating(f.doubleValue());
            case Tuple t -> Map.of(PyWire.TUPLE, encode(t.items()));
            case Bytes b -> Map.of(PyWire.BYTES, Base64.getEncoder().encodeToString(b.toArray()));
            case byte[] b -> encode(new Bytes(b));
            case RemoteObject r -> r;
            case Map<?, ?> map -> {
                if (PyWire.plainKeys(map)) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    map.forEach((k, v) -> out.put((String) k, encode(v)));
                    yield out;
                }
                List<Object> pairs = new ArrayList<>(map.size());
                map.forEach((k, v) -> pairs.add(Arrays.asList(encode(k), encode(v))));
                yield Map.of(PyWire.DICT, pairs);
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

    /** JSON has no inf or nan: those travel tagged. */
    private static Object floating(double d) {
        return Double.isFinite(d) ? d : Map.of(PyWire.FLOAT, PyRepr.ofFloat(d));
    }

    /** Python's str() of a value, for print. */
    public static String str(Object value) {
        return value instanceof String s ? s : repr(value);
    }

    /** Python's repr() of a value: {1: 1}, ['a', (1, 2)], 'text', 1e+16. */
    public static String repr(Object value) {
        Object wire;
        try {
            wire = encode(value);
        } catch (MpException notAValue) {
            // Printing a Process or another object of the program: as Java names it.
            return String.valueOf(value);
        }
        return PyRepr.of(wire);
    }
}
