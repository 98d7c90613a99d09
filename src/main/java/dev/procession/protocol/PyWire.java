package dev.procession.protocol;

import java.util.Map;

/**
 * The tags that carry Python values JSON has no form for (docs/protocol.md, "Values"): a JSON
 * object with exactly one of these keys stands for a tuple, a big int, bytes, a float JSON cannot
 * write, or a dict whose keys are not all plain strings. A handle of a primitive is the object
 * {@code {"$obj": id, "$type": type}}.
 */
public final class PyWire {
    public static final String TUPLE = "$tuple";
    public static final String INT = "$int";
    public static final String BYTES = "$bytes";
    public static final String FLOAT = "$float";
    public static final String DICT = "$dict";
    public static final String OBJ = "$obj";
    public static final String TYPE = "$type";

    private PyWire() {
    }

    /** The tag of a tagged value ({@link #TUPLE}, {@link #OBJ}...), or null for a plain dict. */
    public static String tag(Map<?, ?> map) {
        if (map.size() == 1) {
            Object key = map.keySet().iterator().next();
            if (key instanceof String s && (s.equals(TUPLE) || s.equals(INT) || s.equals(BYTES) || s.equals(FLOAT)
                    || s.equals(DICT))) {
                return s;
            }
        }
        if (map.size() == 2 && map.get(OBJ) instanceof Long && map.get(TYPE) instanceof String) {
            return OBJ;
        }
        return null;
    }

    /** A dict travels as a plain JSON object only when that cannot be read as a tag or a handle. */
    public static boolean plainKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String s) || s.startsWith("$")) {
                return false;
            }
        }
        return true;
    }
}
