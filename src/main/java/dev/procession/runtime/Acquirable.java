package dev.procession.runtime;

/** What Lock, RLock, Semaphore and Condition share: acquire, release, and {@code with}. */
public abstract class Acquirable extends RemoteObject {
    protected Acquirable(Mp mp, long id, String type) {
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

    /** {@code with x:} as {@code try (var held = x.hold()) { ... }}. */
    public Held hold() {
        acquire();
        return this::release;
    }
}
