package dev.procession.hub;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the cycle of waits a process closes when it blocks on a Lock or RLock: it waits for the
 * lock, the lock's holder waits for another lock, and so on back to the process. Only Lock and
 * RLock count: each has one holder, the one process whose {@code release} the waiter needs (a
 * Lock may be released by any process in Python, but a process blocked in the cycle cannot, and
 * the cycle stands for the holders). A Semaphore is left out: any process may release it, so a
 * wait on one is never certainly a deadlock; so is a wait with a timeout, which ends by itself.
 * Hub thread only.
 */
final class WaitCycles {
    private WaitCycles() {
    }

    /**
     * The cycle through {@code waiter}, as process, lock, process, lock... starting with
     * {@code waiter} (each process waits for the lock after it, held by the process after that);
     * empty when its wait closes none. {@code lockOf} gives the lock a blocked process waits
     * for, or null when it waits for something else.
     */
    static List<Object> closedBy(ProcRecord waiter, Function<ProcRecord, LockPrimitive> lockOf) {
        List<Object> cycle = new ArrayList<>();
        Set<ProcRecord> seen = new HashSet<>();
        ProcRecord p = waiter;
        while (seen.add(p)) {
            boolean forever = !p.exited && p.blockingCall != null && p.blockingCall.timeout() == null;
            LockPrimitive lock = forever ? lockOf.apply(p) : null;
            ProcRecord holder = lock == null ? null : lock.holder();
            if (holder == null || holder.exited) {
                return List.of();
            }
            cycle.add(p);
            cycle.add(lock);
            if (holder == waiter) {
                return cycle;
            }
            p = holder;
        }
        // It waits behind a cycle that was there before it: that one was reported when it closed.
        return List.of();
    }
}
