package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;

/** Cases mirroring CPython's _TestLock (Lib/test/_test_multiprocessing.py), run in real processes. */
public final class LockPrograms extends CaseProgram {
    @Override
    public String id() {
        return "test-lock";
    }

    private static Object lockedIn2Processes(Mp mp, Lock lock) {
        Event event = mp.event("event");
        Process p = mp.process("acquire-and-look", lock, event).start();
        event.await();
        Check.equal(lock.locked(), true, "locked() in the other process");
        p.join();
        Check.equal(p.exitCode(), 0L, "child's checks");
        return null;
    }

    private static Object oppositeOrders(Mp mp, Acquirable one, Acquirable two, Double timeout) {
        Barrier both = mp.barrier(2);
        Process a = mp.process("take-both", one, two, both, timeout).start();
        Process b = mp.process("take-both", two, one, both, timeout).start();
        a.join();
        b.join();
        Check.equal(a.exitCode(), 0L, "a's exit code");
        Check.equal(b.exitCode(), 0L, "b's exit code");
        return null;
    }

    @Override
    protected void define() {
        // _TestLock.test_lock
        test("lock", (mp, a) -> {
            Lock lock = mp.lock();
            Check.equal(lock.acquire(), true, "first acquire");
            Check.equal(lock.locked(), true, "locked() while held");
            Check.equal(lock.acquire(false, null), false, "acquire(False) of a held lock");
            lock.release();
            Check.equal(lock.locked(), false, "locked() once released");
            Check.raises(MpException.class, lock::release, "release of an unlocked lock");
            return null;
        });
        // _TestLock.test_rlock
        test("rlock", (mp, a) -> {
            RLock lock = mp.rlock();
            Check.equal(lock.acquire(), true, "acquire 1");
            Check.equal(lock.locked(), true, "locked() while held");
            Check.equal(lock.acquire(), true, "acquire 2");
            Check.equal(lock.acquire(), true, "acquire 3");
            lock.release();
            Check.equal(lock.locked(), true, "locked() while still held twice");
            lock.release();
            lock.release();
            Check.equal(lock.locked(), false, "locked() once released three times");
            Check.raises(MpException.class, lock::release, "release of an unowned RLock");
            return null;
        });
        // _TestLock.test_lock_context and test_rlock_context: `with lock:` is try-with-resources on hold().
        test("lock-context", (mp, a) -> {
            Lock lock = mp.lock();
            try (Held held = lock.hold()) {
                Check.equal(lock.acquire(false, null), false, "held inside the block");
            }
            Check.equal(lock.acquire(false, null), true, "released when the block ends");
            return null;
        });
        test("rlock-context", (mp, a) -> {
            RLock lock = mp.rlock();
            try (Held held = lock.hold()) {
                Check.equal(lock.locked(), true, "held inside the block");
            }
            Check.equal(lock.locked(), false, "released when the block ends");
            return null;
        });
        // _TestLock.test_lock_locked_2processes and test_rlock_locked_2processes: a lock held by a
        // child is locked() for both processes.
        test("lock-locked-2processes", (mp, a) -> lockedIn2Processes(mp, mp.lock("lock")));
        test("rlock-locked-2processes", (mp, a) -> lockedIn2Processes(mp, mp.rlock("rlock")));
        target("acquire-and-look", (mp, a) -> {
            Lock lock = a.get(0, Lock.class);
            lock.acquire();
            Check.equal(lock.locked(), true, "locked() in the holder");
            a.get(1, Event.class).set();
            return null;
        });
        // A lock acquired by a child blocks the parent until the child releases it.
        test("lock-across-processes", (mp, a) -> {
            Lock lock = mp.lock("lock");
            Event held = mp.event("held");
            lock.acquire();
            Process p = mp.process("hold-then-release", lock, held).start();
            Check.equal(lock.acquire(true, 0.2), false, "parent times out while it still holds it");
            lock.release();
            held.await();
            long t0 = System.nanoTime();
            Check.equal(lock.acquire(true, 5.0), true, "acquire after the child releases");
            Check.within(since(t0), 0.1, 3.0, "waited for the child's release");
            p.join();
            Check.equal(p.exitCode(), 0L, "child exit code");
            return null;
        });
        target("hold-then-release", (mp, a) -> {
            Lock lock = a.get(0, Lock.class);
            Event held = a.get(1, Event.class);
            lock.acquire();
            held.set();
            mp.sleep(0.3);
            lock.release();
            return null;
        });
        // Two children take two locks in opposite orders, both holding their first before either asks
        // for its second (a Barrier sees to it): a cycle of waits every time. With a timeout it ends by
        // itself, so it is no deadlock; Semaphores are never reported; RLocks without a timeout are.
        test("opposite-orders-timeout", (mp, a) -> oppositeOrders(mp, mp.lock("lock1"), mp.lock("lock2"), 1.0));
        test("opposite-orders-semaphores", (mp, a) -> oppositeOrders(mp, mp.semaphore("sem1", 1),
                mp.semaphore("sem2", 1), null));
        test("opposite-orders-rlocks", (mp, a) -> oppositeOrders(mp, mp.rlock("rlock1"), mp.rlock("rlock2"), null));
        target("take-both", (mp, a) -> {
            Acquirable first = a.get(0, Acquirable.class);
            Acquirable second = a.get(1, Acquirable.class);
            first.acquire();
            a.get(2, Barrier.class).await();
            Double timeout = a.get(3) instanceof Double t ? t : null;
            if (second.acquire(true, timeout)) {
                second.release();
            }
            first.release();
            return null;
        });
    }
}
