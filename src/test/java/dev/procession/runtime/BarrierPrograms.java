package dev.procession.runtime;

import dev.procession.runtime.MpException.BrokenBarrierError;
import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases mirroring CPython's _TestBarrier (Lib/test/_test_multiprocessing.py), run in real
 * processes: N parties, N-1 child processes plus the main one, as CPython's Bunch does. N is 3
 * rather than CPython's 5, to keep the number of JVMs down; N//2 is still a middle arrival.
 * Semaphores serve as the shared counters where CPython uses its DummyList.
 */
public final class BarrierPrograms extends CaseProgram {
    static final int N = 3;
    static final double DEFAULT_TIMEOUT = 30.0;

    @Override
    public String id() {
        return "test-barrier";
    }

    @Override
    protected void define() {
        target("multipass", BarrierPrograms::multipass);
        // _TestBarrier.test_barrier and test_barrier_10
        test("barrier", (mp, a) -> {
            Barrier barrier = mp.barrier("barrier", N, DEFAULT_TIMEOUT);
            runAll(mp, "multipass", barrier, mp.semaphore("results0", 0), mp.semaphore("results1", 0), 1L);
            return null;
        });
        test("barrier-10", (mp, a) -> {
            Barrier barrier = mp.barrier("barrier", N, DEFAULT_TIMEOUT);
            runAll(mp, "multipass", barrier, mp.semaphore("results0", 0), mp.semaphore("results1", 0), 10L);
            return null;
        });

        // _TestBarrier.test_wait_return: exactly one process is told index 0.
        target("wait-return-f", (mp, a) -> {
            int index = a.get(0, Barrier.class).await();
            mp.print("index", index);
            if (index == 0) {
                a.get(1, Semaphore.class).release();
            }
            return null;
        });
        test("wait-return", (mp, a) -> {
            Semaphore zeros = mp.semaphore("zeros", 0);
            runAll(mp, "wait-return-f", mp.barrier("barrier", N, DEFAULT_TIMEOUT), zeros);
            Check.equal(zeros.value(), 1L, "processes told index 0");
            return null;
        });

        // _TestBarrier.test_action: the action runs once, before anyone passes.
        target("append-true", (mp, a) -> {
            a.get(0, Semaphore.class).release();
            return null;
        });
        target("action-f", (mp, a) -> {
            a.get(0, Barrier.class).await();
            Check.equal(a.get(1, Semaphore.class).value(), 1L, "the action ran before this process passed");
            return null;
        });
        test("action", (mp, a) -> {
            Semaphore results = mp.semaphore("results", 0);
            Barrier barrier = mp.barrier("barrier", N, null, "append-true", results);
            runAll(mp, "action-f", barrier, results);
            Check.equal(results.value(), 1L, "the action ran once");
            return null;
        });

        // _TestBarrier.test_abort
        target("abort-f", (mp, a) -> {
            Barrier barrier = a.get(0, Barrier.class);
            try {
                int i = barrier.await();
                if (i == N / 2) {
                    // CPython raises RuntimeError here and aborts in its handler.
                    barrier.abort();
                    return null;
                }
                barrier.await();
                a.get(1, Semaphore.class).release();
            } catch (BrokenBarrierError e) {
                a.get(2, Semaphore.class).release();
            }
            return null;
        });
        test("abort", (mp, a) -> {
            Barrier barrier = mp.barrier("barrier", N, DEFAULT_TIMEOUT);
            Semaphore results1 = mp.semaphore("results1", 0);
            Semaphore results2 = mp.semaphore("results2", 0);
            runAll(mp, "abort-f", barrier, results1, results2);
            Check.equal(results1.value(), 0L, "processes that passed the second wait");
            Check.equal(results2.value(), (long) N - 1, "processes that got BrokenBarrierError");
            Check.equal(barrier.broken(), true, "broken after abort");
            return null;
        });

        // _TestBarrier.test_reset
        target("reset-f", (mp, a) -> {
            Barrier barrier = a.get(0, Barrier.class);
            int i = barrier.await();
            if (i == N / 2) {
                while (barrier.nWaiting() < N - 1) {
                    mp.sleep(0.01);
                }
                barrier.reset();
            } else {
                try {
                    barrier.await();
                    a.get(1, Semaphore.class).release();
                } catch (BrokenBarrierError e) {
                    a.get(2, Semaphore.class).release();
                }
            }
            // Now pass the barrier again.
            barrier.await();
            a.get(3, Semaphore.class).release();
            return null;
        });
        test("reset", (mp, a) -> {
            Barrier barrier = mp.barrier("barrier", N, DEFAULT_TIMEOUT);
            Semaphore results1 = mp.semaphore("results1", 0);
            Semaphore results2 = mp.semaphore("results2", 0);
            Semaphore results3 = mp.semaphore("results3", 0);
            runAll(mp, "reset-f", barrier, results1, results2, results3);
            Check.equal(results1.value(), 0L, "processes that passed the reset wait");
            Check.equal(results2.value(), (long) N - 1, "processes that got BrokenBarrierError");
            Check.equal(results3.value(), (long) N, "processes that passed the barrier after the reset");
            return null;
        });

        // _TestBarrier.test_abort_and_reset
        target("abort-and-reset-f", (mp, a) -> {
            Barrier barrier = a.get(0, Barrier.class);
            Barrier barrier2 = a.get(1, Barrier.class);
            try {
                int i = barrier.await();
                if (i == N / 2) {
                    barrier.abort();
                } else {
                    barrier.await();
                    a.get(2, Semaphore.class).release();
                }
            } catch (BrokenBarrierError e) {
                a.get(3, Semaphore.class).release();
            }
            // Everyone has left the broken barrier before the reset, and nobody enters it before.
            if (barrier2.await() == N / 2) {
                barrier.reset();
            }
            barrier2.await();
            barrier.await();
            a.get(4, Semaphore.class).release();
            return null;
        });
        test("abort-and-reset", (mp, a) -> {
            Barrier barrier = mp.barrier("barrier", N, DEFAULT_TIMEOUT);
            Semaphore results1 = mp.semaphore("results1", 0);
            Semaphore results2 = mp.semaphore("results2", 0);
            Semaphore results3 = mp.semaphore("results3", 0);
            runAll(mp, "abort-and-reset-f", barrier, mp.barrier("barrier2", N, null), results1, results2, results3);
            Check.equal(results1.value(), 0L, "processes that passed the aborted wait");
            Check.equal(results2.value(), (long) N - 1, "processes that got BrokenBarrierError");
            Check.equal(results3.value(), (long) N, "processes that passed the reset barrier");
            return null;
        });

        // _TestBarrier.test_timeout: one process is late, a wait(0.5) times out and breaks it for all.
        target("timeout-f", (mp, a) -> {
            Barrier barrier = a.get(0, Barrier.class);
            if (barrier.await() == N / 2) {
                mp.sleep(1.0);
            }
            try {
                barrier.await(0.5);
            } catch (BrokenBarrierError e) {
                a.get(1, Semaphore.class).release();
            }
            return null;
        });
        test("timeout", (mp, a) -> {
            Barrier barrier = mp.barrier("barrier", N, DEFAULT_TIMEOUT);
            Semaphore results = mp.semaphore("results", 0);
            runAll(mp, "timeout-f", barrier, results);
            Check.equal(results.value(), (long) barrier.parties(), "processes that got BrokenBarrierError");
            return null;
        });

        // _TestBarrier.test_default_timeout: the same with the barrier's own timeout of 0.5.
        target("default-timeout-f", (mp, a) -> {
            Barrier barrier = a.get(0, Barrier.class);
            if (barrier.await(DEFAULT_TIMEOUT) == N / 2) {
                mp.sleep(1.0);
            }
            try {
                barrier.await();
            } catch (BrokenBarrierError e) {
                a.get(1, Semaphore.class).release();
            }
            return null;
        });
        test("default-timeout", (mp, a) -> {
            Barrier barrier = mp.barrier("barrier", N, 0.5);
            Semaphore results = mp.semaphore("results", 0);
            runAll(mp, "default-timeout-f", barrier, results);
            Check.equal(results.value(), (long) barrier.parties(), "processes that got BrokenBarrierError");
            return null;
        });

        // _TestBarrier.test_single_thread
        test("single-thread", (mp, a) -> {
            Barrier b = mp.barrier(1);
            Check.equal(b.await(), 0, "first wait");
            Check.equal(b.await(), 0, "second wait");
            return null;
        });

        // A failing action breaks the barrier; its runner gets the action's own error.
        target("failing-action", (mp, a) -> {
            throw new MpException("RuntimeError", "the action failed");
        });
        test("failing-action", (mp, a) -> {
            Barrier b = mp.barrier("barrier", 1, null, "failing-action");
            MpException e = Check.raises(MpException.class, b::await, "wait that runs a failing action");
            Check.equal(e.pythonType(), "RuntimeError", "the action's exception");
            Check.equal(b.broken(), true, "broken after the action failed");
            Check.raises(BrokenBarrierError.class, b::await, "a wait on the broken barrier");
            b.reset();
            Check.equal(b.broken(), false, "whole again after reset");
            return null;
        });
    }

    /** CPython's multipass: N processes pass the barrier n times in lockstep. */
    private static Object multipass(Mp mp, Args a) {
        Barrier barrier = a.get(0, Barrier.class);
        Semaphore results0 = a.get(1, Semaphore.class);
        Semaphore results1 = a.get(2, Semaphore.class);
        long n = a.integer(3);
        int m = barrier.parties();
        Check.equal(m, N, "parties");
        for (int i = 0; i < n; i++) {
            results0.release();
            Check.equal(results1.value(), (long) i * m, "results1 before pass " + i);
            barrier.await();
            results1.release();
            Check.equal(results0.value(), (long) (i + 1) * m, "results0 after pass " + i);
            barrier.await();
        }
        Check.equal(barrier.nWaiting(), 0, "n_waiting at the end");
        Check.equal(barrier.broken(), false, "broken at the end");
        return null;
    }

    /** CPython's run_threads: N-1 daemonic children and this process run {@code target}; all must succeed. */
    private static void runAll(Mp mp, String target, Object... args) throws Exception {
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < N - 1; i++) {
            children.add(mp.process(target, args).daemon(true).start());
        }
        List<Object> own = new ArrayList<>(List.of(args));
        mp.targets().target(target).run(mp, new Args(own));
        for (Process p : children) {
            p.join();
            Check.equal(p.exitCode(), 0L, p.name() + " exit code");
        }
    }
}
