package dev.procession.runtime;

/** multiprocessing.Lock: any process may release it, as in Python. */
public class Lock extends RemoteObject {
    Lock(Mp mp, long id) {
        this(mp, id, "Lock");
    }

    Lock(Mp mp, long id, String type) {
        super(mp, id, type);
    }

    public boolean acquire() {
        return acquire(true, null);
    }

    /** acquire(block, timeout): timeout in scenario seconds, null for none. */
    public boolean acquire(boolean block, Double timeout) {
        return Boolean.TRUE.equals(call("acquire", blocking(block, timeout)));
    }

    public void release() {
        call("release");
    }

    /** locked(): whether any process holds it. */
    public boolean locked() {
        return Boolean.TRUE.equals(call("locked"));
    }

    /** {@code with lock:} as {@code try (var held = lock.hold()) { ... }}. */
    public Held hold() {
        acquire();
        return this::release;
    }
}
