package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;

/** Cases mirroring CPython's _TestLock (Lib/test/_test_multiprocessing.py), run in real processes. */
public final class LockPrograms extends CaseProgram {
    @Override
    public String id() {
        return "test-lock";
    }

    @Override
    protected void define() {
        // _TestLock.test_lock
        test("lock", (mp, a) -> {
            Lock lock = mp.lock();
            Check.equal(lock.acquire(), true, "first acquire");
            Check.equal(lock.acquire(false, null), false, "acquire(False) of a held lock");
            lock.release();
            Check.raises(MpException.class, lock::release, "release of an unlocked lock");
            return null;
        });
        // _TestLock.test_rlock
        test("rlock", (mp, a) -> {
            RLock lock = mp.rlock();
            Check.equal(lock.acquire(), true, "acquire 1");
            Check.equal(lock.acquire(), true, "acquire 2");
            Check.equal(lock.acquire(), true, "acquire 3");
            lock.release();
            lock.release();
            lock.release();
            Check.raises(MpException.class, lock::release, "release of an unowned RLock");
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
    }
}
