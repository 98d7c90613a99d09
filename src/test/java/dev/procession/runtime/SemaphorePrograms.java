package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;

/** Cases mirroring CPython's _TestSemaphore (Lib/test/_test_multiprocessing.py), run in real processes. */
public final class SemaphorePrograms extends CaseProgram {
    static final double TIMEOUT = 0.1;

    @Override
    public String id() {
        return "test-semaphore";
    }

    @Override
    protected void define() {
        // _TestSemaphore.test_semaphore: a plain Semaphore may be released above its start value.
        test("semaphore", (mp, a) -> {
            Semaphore sem = mp.semaphore(2);
            takeTwoAndGiveBack(sem);
            sem.release();
            Check.equal(sem.value(), 3L, "value after a release above the start value");
            sem.release();
            Check.equal(sem.value(), 4L, "value after another");
            return null;
        });
        // _TestSemaphore.test_bounded_semaphore, with the check CPython leaves commented out.
        test("bounded-semaphore", (mp, a) -> {
            Semaphore sem = mp.boundedSemaphore(2);
            takeTwoAndGiveBack(sem);
            MpException e = Check.raises(MpException.class, sem::release, "release above the bound");
            Check.equal(e.pythonType(), "ValueError", "exception type");
            Check.equal(sem.value(), 2L, "value unchanged by the refused release");
            return null;
        });
        // _TestSemaphore.test_timeout: a non-blocking acquire ignores its timeout.
        test("timeout", (mp, a) -> {
            Semaphore sem = mp.semaphore(0);
            long t0 = System.nanoTime();
            Check.equal(sem.acquire(false, null), false, "acquire(False)");
            Check.within(since(t0), 0, 1.5, "acquire(False) returns at once");
            t0 = System.nanoTime();
            Check.equal(sem.acquire(false, TIMEOUT), false, "acquire(False, TIMEOUT1)");
            Check.within(since(t0), 0, 1.5, "acquire(False, TIMEOUT1) returns at once");
            t0 = System.nanoTime();
            Check.equal(sem.acquire(true, TIMEOUT), false, "acquire(True, TIMEOUT2)");
            Check.within(since(t0), TIMEOUT - 0.01, 2.0, "acquire(True, TIMEOUT2) waits its timeout");
            t0 = System.nanoTime();
            Check.equal(sem.acquire(true, TIMEOUT), false, "acquire(timeout=TIMEOUT3)");
            Check.within(since(t0), TIMEOUT - 0.01, 2.0, "acquire(timeout=TIMEOUT3) waits its timeout");
            return null;
        });
    }

    /** CPython's _test_semaphore: value 2, two acquires, a refused one, two releases. */
    private static void takeTwoAndGiveBack(Semaphore sem) {
        Check.equal(sem.value(), 2L, "start value");
        Check.equal(sem.acquire(), true, "acquire 1");
        Check.equal(sem.value(), 1L, "value after 1");
        Check.equal(sem.acquire(), true, "acquire 2");
        Check.equal(sem.value(), 0L, "value after 2");
        Check.equal(sem.acquire(false, null), false, "acquire(False) at 0");
        Check.equal(sem.value(), 0L, "value after the refused acquire");
        sem.release();
        Check.equal(sem.value(), 1L, "value after release 1");
        sem.release();
        Check.equal(sem.value(), 2L, "value after release 2");
    }
}
