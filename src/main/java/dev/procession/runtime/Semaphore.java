package dev.procession.runtime;

/** multiprocessing.Semaphore and BoundedSemaphore. */
public final class Semaphore extends RemoteObject {
    Semaphore(Mp mp, long id, String type) {
        super(mp, id, type);
    }

    public boolean acquire() {
        return acquire(true, null);
    }

    public boolean acquire(boolean block, Double timeout) {
        return Boolean.TRUE.equals(call("acquire", blocking(block, timeout)));
    }

    public void release() {
        call("release");
    }

    /** get_value() */
    public long value() {
        return ((Number) call("value")).longValue();
    }

    public Held hold() {
        acquire();
        return this::release;
    }
}
