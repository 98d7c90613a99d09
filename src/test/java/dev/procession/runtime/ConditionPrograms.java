package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases mirroring CPython's _TestCondition (Lib/test/_test_multiprocessing.py), run in real
 * processes: CPython's threads become processes too, and a Semaphore serves as the shared counter
 * where CPython uses a Value.
 */
public final class ConditionPrograms extends CaseProgram {
    static final double TIMEOUT = 0.1;
    static final double DELTA = 0.1;
    static final int NOTIFY_ALL_WAITERS = 2;

    @Override
    public String id() {
        return "test-condition";
    }

    @Override
    protected void define() {
        // CPython's f: hold the condition, say so, wait (maybe with a timeout), count the wake-up.
        target("f", (mp, a) -> {
            Condition cond = a.get(0, Condition.class);
            Semaphore sleeping = a.get(1, Semaphore.class);
            Semaphore woken = a.get(2, Semaphore.class);
            Double timeout = a.size() > 3 ? a.number(3) : null;
            cond.acquire();
            sleeping.release();
            cond.await(timeout);
            woken.release();
            cond.release();
            return null;
        });

        // _TestCondition.test_notify
        test("notify", (mp, a) -> {
            Condition cond = mp.condition("cond", null);
            Semaphore sleeping = mp.semaphore("sleeping", 0);
            Semaphore woken = mp.semaphore("woken", 0);
            List<Process> ps = start(mp, 2, cond, sleeping, woken);
            sleeping.acquire();
            sleeping.acquire();
            mp.sleep(DELTA);
            Check.equal(woken.value(), 0L, "no process woke before a notify");
            for (long expected = 1; expected <= 2; expected++) {
                cond.acquire();
                cond.signal();
                cond.release();
                reaches(mp, woken, expected);
            }
            joinAll(ps);
            return null;
        });

        // A waiter notified before its timeout, whose notifier keeps the lock past that timeout:
        // its wait is over (it returns True once it has the lock), the timeout must not fire.
        test("notified-then-timeout-passes", (mp, a) -> {
            Condition cond = mp.condition("cond", null);
            Semaphore waiting = mp.semaphore("waiting", 0);
            Process p = mp.process("wait-once", cond, waiting).start();
            waiting.acquire();
            cond.acquire();
            cond.signal();
            mp.sleep(1.0);
            cond.release();
            p.join();
            Check.equal(p.exitCode(), 0L, "the waiter's exit code (it checks that wait returned True)");
            return null;
        });
        target("wait-once", (mp, a) -> {
            Condition cond = a.get(0, Condition.class);
            Semaphore waiting = a.get(1, Semaphore.class);
            cond.acquire();
            waiting.release();
            Check.equal(cond.await(0.3), true, "wait(0.3), notified in time, returns True");
            cond.release();
            return null;
        });

        // _TestCondition.test_notify_all (CPython: 3 processes and 3 threads per round; here 2 processes)
        test("notify-all", (mp, a) -> {
            Condition cond = mp.condition("cond", null);
            Semaphore sleeping = mp.semaphore("sleeping", 0);
            Semaphore woken = mp.semaphore("woken", 0);
            List<Process> timed = start(mp, NOTIFY_ALL_WAITERS, cond, sleeping, woken, TIMEOUT);
            for (int i = 0; i < NOTIFY_ALL_WAITERS; i++) {
                sleeping.acquire();
            }
            for (int i = 0; i < NOTIFY_ALL_WAITERS; i++) {
                Check.equal(woken.acquire(true, 30.0), true, "timed waiter " + i + " timed out and counted");
            }
            Check.equal(woken.value(), 0L, "every timed-out waiter counted once");
            joinAll(timed);

            List<Process> ps = start(mp, NOTIFY_ALL_WAITERS, cond, sleeping, woken);
            for (int i = 0; i < NOTIFY_ALL_WAITERS; i++) {
                sleeping.acquire();
            }
            mp.sleep(DELTA);
            Check.equal(woken.value(), 0L, "no process woke before notify_all");
            cond.acquire();
            cond.signalAll();
            cond.release();
            reaches(mp, woken, NOTIFY_ALL_WAITERS);
            joinAll(ps);
            return null;
        });

        // _TestCondition.test_notify_n (CPython: 6 waiters, notify(2) then notify(4); here 3 waiters,
        // notify(2) then notify(4), which still asks for more than are left)
        test("notify-n", (mp, a) -> {
            Condition cond = mp.condition("cond", null);
            Semaphore sleeping = mp.semaphore("sleeping", 0);
            Semaphore woken = mp.semaphore("woken", 0);
            List<Process> ps = start(mp, 3, cond, sleeping, woken);
            for (int i = 0; i < 3; i++) {
                sleeping.acquire();
            }
            mp.sleep(DELTA);
            Check.equal(woken.value(), 0L, "no process woke before a notify");
            notify(cond, 2);
            reaches(mp, woken, 2);
            notify(cond, 4);
            reaches(mp, woken, 3);
            notify(cond, 3);
            mp.sleep(DELTA);
            Check.equal(woken.value(), 3L, "a notify with nobody waiting wakes nobody");
            joinAll(ps);
            return null;
        });

        // _TestCondition.test_timeout
        test("timeout", (mp, a) -> {
            Condition cond = mp.condition();
            cond.acquire();
            long t0 = System.nanoTime();
            boolean result = cond.await(TIMEOUT);
            double took = since(t0);
            cond.release();
            Check.equal(result, false, "wait(TIMEOUT1) with nobody to notify");
            Check.within(took, TIMEOUT - 0.01, 2.0, "wait(TIMEOUT1) waits its timeout");
            return null;
        });

        // _TestCondition.test_waitfor
        test("waitfor", (mp, a) -> {
            Condition cond = mp.condition("cond", null);
            Semaphore started = mp.semaphore("started", 0);
            Semaphore state = mp.semaphore("state", 0);
            Process p = mp.process("waitfor-f", cond, started, state).daemon(true).start();
            try (Held held = cond.hold()) {
                Check.equal(cond.waitFor(() -> started.value() == 1), true, "wait_for the child to start");
            }
            for (int i = 0; i < 4; i++) {
                mp.sleep(0.01);
                try (Held held = cond.hold()) {
                    state.release();
                    cond.signal();
                }
            }
            p.join();
            Check.equal(p.exitCode(), 0L, "the child saw state reach 4");
            return null;
        });
        target("waitfor-f", (mp, a) -> {
            Condition cond = a.get(0, Condition.class);
            Semaphore started = a.get(1, Semaphore.class);
            Semaphore state = a.get(2, Semaphore.class);
            try (Held held = cond.hold()) {
                started.release();
                cond.signal();
                Check.equal(cond.waitFor(() -> state.value() == 4), true, "wait_for(state == 4)");
                Check.equal(state.value(), 4L, "state once wait_for returns");
            }
            return null;
        });

        // _TestCondition.test_waitfor_timeout
        test("waitfor-timeout", (mp, a) -> {
            Condition cond = mp.condition("cond", null);
            Semaphore state = mp.semaphore("state", 0);
            Semaphore started = mp.semaphore("started", 0);
            Process p = mp.process("waitfor-timeout-f", cond, state, started).daemon(true).start();
            Check.equal(started.acquire(true, 30.0), true, "the child started");
            // Only three increments: state never reaches 4.
            for (int i = 0; i < 3; i++) {
                mp.sleep(0.01);
                try (Held held = cond.hold()) {
                    state.release();
                    cond.signal();
                }
            }
            p.join();
            Check.equal(p.exitCode(), 0L, "the child's wait_for timed out");
            return null;
        });
        target("waitfor-timeout-f", (mp, a) -> {
            Condition cond = a.get(0, Condition.class);
            Semaphore state = a.get(1, Semaphore.class);
            a.get(2, Semaphore.class).release();
            try (Held held = cond.hold()) {
                double expected = 0.1;
                long t0 = System.nanoTime();
                boolean result = cond.waitFor(() -> state.value() == 4, expected);
                Check.equal(result, false, "wait_for(state == 4, timeout) gives up");
                Check.within(since(t0), expected - 0.01, 5.0, "wait_for waited out its timeout");
            }
            return null;
        });

        // _TestCondition.test_wait_result (without its SIGINT part: see docs/cpython-tests.md)
        test("wait-result", (mp, a) -> {
            Condition c = mp.condition("c", null);
            try (Held held = c.hold()) {
                Check.equal(c.await(0.0), false, "wait(0)");
                Check.equal(c.await(0.1), false, "wait(0.1)");
                Process p = mp.process("notify-once", c).start();
                Check.equal(c.await(60.0), true, "wait(60) notified by the child");
                p.join();
                Check.equal(p.exitCode(), 0L, "child exit code");
            }
            return null;
        });
        target("notify-once", (mp, a) -> {
            Condition c = a.get(0, Condition.class);
            try (Held held = c.hold()) {
                c.signal();
            }
            return null;
        });

        // Without the lock, wait and notify raise AssertionError, as multiprocessing's do.
        test("wait-and-notify-need-the-lock", (mp, a) -> {
            Condition cond = mp.condition();
            MpException e = Check.raises(MpException.class, () -> cond.await(0.1), "wait without the lock");
            Check.equal(e.pythonType(), "AssertionError", "wait's exception");
            e = Check.raises(MpException.class, cond::signal, "notify without the lock");
            Check.equal(e.pythonType(), "AssertionError", "notify's exception");
            e = Check.raises(MpException.class, cond::signalAll, "notify_all without the lock");
            Check.equal(e.pythonType(), "AssertionError", "notify_all's exception");
            return null;
        });

        // wait gives up every level of an RLock and restores them: three releases, then a fourth fails.
        test("rlock-count-restored", (mp, a) -> {
            RLock lock = mp.rlock("lock");
            Condition cond = mp.condition("cond", lock);
            lock.acquire();
            lock.acquire();
            cond.acquire();
            Check.equal(cond.await(0.05), false, "wait(0.05)");
            lock.release();
            lock.release();
            cond.release();
            Check.raises(MpException.class, lock::release, "a fourth release of the RLock");
            return null;
        });

        // A notified waiter wakes only once it has the lock again, behind the notifier.
        test("woken-waiter-retakes-lock", (mp, a) -> {
            Lock lock = mp.lock("lock");
            Condition cond = mp.condition("cond", lock);
            Semaphore sleeping = mp.semaphore("sleeping", 0);
            Process p = mp.process("wait-and-time-it", cond, sleeping).daemon(true).start();
            sleeping.acquire();
            cond.acquire();
            cond.signal();
            mp.sleep(0.3);
            cond.release();
            p.join();
            Check.equal(p.exitCode(), 0L, "child's checks");
            return null;
        });
        target("wait-and-time-it", (mp, a) -> {
            Condition cond = a.get(0, Condition.class);
            cond.acquire();
            a.get(1, Semaphore.class).release();
            long t0 = System.nanoTime();
            Check.equal(cond.await(30.0), true, "notified");
            Check.within(since(t0), 0.25, 10.0, "wait returned only after the notifier let go of the lock");
            Check.equal(cond.acquire(false, null), false, "the Lock is held again: acquire(False) fails");
            cond.release();
            return null;
        });
    }

    private static List<Process> start(Mp mp, int n, Object... args) {
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ps.add(mp.process("f", args).daemon(true).start());
        }
        return ps;
    }

    private static void joinAll(List<Process> ps) {
        for (Process p : ps) {
            p.join();
            Check.equal(p.exitCode(), 0L, p.name() + " exit code");
        }
    }

    private static void notify(Condition cond, int n) {
        cond.acquire();
        cond.signal(n);
        cond.release();
    }

    /** CPython's assertReachesEventually: the counter gets to {@code value}, then stays there. */
    private static void reaches(Mp mp, Semaphore counter, long value) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (counter.value() != value && System.nanoTime() < deadline) {
            mp.sleep(0.02);
        }
        mp.sleep(DELTA);
        Check.equal(counter.value(), value, "the woken count");
    }
}
