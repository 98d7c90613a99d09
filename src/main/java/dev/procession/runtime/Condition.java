package dev.procession.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * multiprocessing.Condition: a lock (an RLock unless the program gave one) and a wait for a
 * notification. Python's {@code wait} is {@link #await}, and {@code notify}/{@code notify_all}
 * are {@link #signal}/{@link #signalAll}, as in java.util.concurrent, because Java's Object
 * already owns wait, notify and notifyAll.
 */
public final class Condition extends Acquirable {
    Condition(Mp mp, long id) {
        super(mp, id, "Condition");
    }

    /** Its wait() releases and takes back the lock in the hub, out of this count's sight: always ask. */
    @Override
    protected boolean releaseCannotFail() {
        return false;
    }

    /** wait(): releases the lock until notified, then takes it back; returns true. */
    public boolean await() {
        return await(null);
    }

    /**
     * wait(timeout): false if the timeout (scenario seconds, null = none) passed first. Either
     * way the lock is held again, with its RLock count restored, when this returns.
     */
    public boolean await(Double timeout) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (timeout != null) {
            // As in Python, a negative timeout is an immediate one.
            m.put("timeout", Math.max(0.0, timeout));
        }
        return Boolean.TRUE.equals(call("wait", m));
    }

    /** wait_for(predicate): waits until the predicate holds; it is checked with the lock held. */
    public boolean waitFor(BooleanSupplier predicate) {
        return waitFor(predicate, null);
    }

    /** wait_for(predicate, timeout): the predicate's last value once it holds or time runs out. */
    public boolean waitFor(BooleanSupplier predicate, Double timeout) {
        boolean result = predicate.getAsBoolean();
        long deadline = timeout == null ? 0 : System.nanoTime() + (long) (timeout / mp.speed() * 1e9);
        while (!result) {
            Double left = null;
            if (timeout != null) {
                left = (deadline - System.nanoTime()) / 1e9 * mp.speed();
                if (left <= 0) {
                    break;
                }
            }
            await(left);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /** notify(): wakes the longest waiting process, if any. The caller must hold the lock. */
    public void signal() {
        signal(1);
    }

    /** notify(n): wakes up to n waiting processes, longest waiting first. */
    public void signal(int n) {
        call("notify", Map.of("n", (long) n));
    }

    /** notify_all() */
    public void signalAll() {
        call("notify_all");
    }
}
