package dev.procession.runtime;

/** multiprocessing.Semaphore and BoundedSemaphore. */
public final class Semaphore extends Acquirable {
    Semaphore(Mp mp, long id, String type) {
        super(mp, id, type);
    }

    /** A Semaphore's release never fails; a BoundedSemaphore's only past its initial value. */
    @Override
    protected boolean releaseCannotFail() {
        return "Semaphore".equals(type()) || super.releaseCannotFail();
    }

    /** get_value() */
    public long value() {
        return ((Number) call("value")).longValue();
    }
}
