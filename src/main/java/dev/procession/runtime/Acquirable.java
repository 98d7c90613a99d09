package dev.procession.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/** What Lock, RLock, Semaphore and Condition share: acquire, release, and {@code with}. */
public abstract class Acquirable extends RemoteObject {
    /** Acquisitions this process made and has not released yet. */
    private final AtomicInteger heldHere = new AtomicInteger();

    protected Acquirable(Mp mp, long id, String type) {
        super(mp, id, type);
    }

    public boolean acquire() {
        return acquire(true, null);
    }

    /** acquire(block, timeout): timeout in scenario seconds, null for none. */
    public boolean acquire(boolean block, Double timeout) {
        boolean got = Boolean.TRUE.equals(call("acquire", blocking(block, timeout)));
        if (got) {
            heldHere.incrementAndGet();
        }
        return got;
    }

    /**
     * release(). A release that cannot fail is sent without waiting for the hub's reply: half
     * the round trips of an acquire-release pair. The hub still handles it before anything this
     * process sends next, so the log's order is the same. A release that could fail (of a lock
     * this process does not hold) waits for the answer, so that Python's ValueError is raised here.
     */
    public void release() {
        if (releaseCannotFail()) {
            heldHere.updateAndGet(n -> Math.max(0, n - 1));
            post("release");
        } else {
            call("release");
            heldHere.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    /** Whether this release is sure to succeed: by default, while this process holds it. */
    protected boolean releaseCannotFail() {
        return heldHere.get() > 0;
    }

    /** {@code with x:} as {@code try (var held = x.hold()) { ... }}. */
    public Held hold() {
        acquire();
        return this::release;
    }
}
