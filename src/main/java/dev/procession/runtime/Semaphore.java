package dev.procession.runtime;

/** multiprocessing.Semaphore and BoundedSemaphore. */
public final class Semaphore extends Acquirable {
    Semaphore(Mp mp, long id, String type) {
        super(mp, id, type);
    }

    /** get_value() */
    public long value() {
        return ((Number) call("value")).longValue();
    }
}
