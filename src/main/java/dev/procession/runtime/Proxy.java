package dev.procession.runtime;

/** A manager proxy: each operation is answered by the manager's server process. */
abstract class Proxy extends RemoteObject {
    Proxy(Mp mp, long id, String type) {
        super(mp, id, type);
    }

    static int toInt(Object value) {
        return Math.toIntExact((Long) value);
    }
}
