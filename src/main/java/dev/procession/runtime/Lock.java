package dev.procession.runtime;

/** multiprocessing.Lock: any process may release it, as in Python. */
public class Lock extends Acquirable {
    Lock(Mp mp, long id) {
        this(mp, id, "Lock");
    }

    Lock(Mp mp, long id, String type) {
        super(mp, id, type);
    }

    /** locked(): whether any process holds it. */
    public boolean locked() {
        return Boolean.TRUE.equals(call("locked"));
    }
}
