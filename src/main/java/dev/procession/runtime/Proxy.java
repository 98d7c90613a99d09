package dev.procession.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/** A manager proxy: each operation is answered by the manager's server process. */
abstract class Proxy extends RemoteObject {
    Proxy(Mp mp, long id, String type) {
        super(mp, id, type);
    }

    /** Sends {@code op} with {@code fields} (name, value, name, value...) and decodes the answer. */
    final Object op(String op, Object... fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            m.put((String) fields[i], Values.encode(fields[i + 1]));
        }
        return Values.decode(call(op, m), mp);
    }

    static int toInt(Object value) {
        return Math.toIntExact((Long) value);
    }
}
