package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;
import dev.procession.testing.SubCases;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/** Cases mirroring CPython's _TestPool and _TestPoolWorkerErrors, with real worker processes. */
public final class PoolPrograms extends CaseProgram {
    @Override
    public String id() {
        return "test-pool";
    }

    private static List<Object> squares(int n) {
        return new ArrayList<>(LongStream.range(0, n).map(i -> i * i).boxed().toList());
    }

    private static List<Object> range(int n) {
        return new ArrayList<>(LongStream.range(0, n).boxed().toList());
    }

    @Override
    protected void define() {
        // sqr(x, wait=0.0), mul(x, y) and raising() as in CPython's test module.
        target("sqr", (mp, a) -> {
            if (a.size() > 1) {
                mp.sleep(a.number(1));
            }
            return a.integer(0) * a.integer(0);
        });
        target("nap", (mp, a) -> {
            mp.sleep(a.number(0));
            return null;
        });
        target("mul", (mp, a) -> a.integer(0) * a.integer(1));
        target("raising", (mp, a) -> {
            throw new MpException("KeyError", "'key'");
        });
        target("wrapped", (mp, a) -> {
            throw new MpException("RuntimeError", "foo");
        });
        target("divide", (mp, a) -> a.integer(0) / a.integer(1));
        target("unsendable", (mp, a) -> new Object());
        target("die", (mp, a) -> {
            Runtime.getRuntime().halt(3);
            return null;
        });
        // The seed's 08_pool.py task: (i, i*i, os.getpid()) after half a second.
        target("seed-task", (mp, a) -> {
            mp.sleep(0.5);
            long i = a.integer(0);
            return List.of(i, i * i, mp.pid());
        });

        // CPython's _TestPool shares one pool (setUpClass) across its cases; so do these.
        test("shared", (mp, a) -> {
            Pool pool = mp.pool(2);
            new SubCases()
                .add("apply", () -> {
                    Check.equal(pool.apply("sqr", 5), 25L, "apply(sqr, (5,))");
                    Check.equal(pool.apply("sqr", 3), 9L, "apply(sqr, (3,))");
                })
                .add("map", () -> {
                    Check.equal(pool.map("sqr", range(10)), squares(10), "map(sqr, range(10))");
                    Check.equal(pool.map("sqr", range(40)), squares(40), "map(sqr, range(40))");
                })
                .add("starmap", () -> {
                    List<List<Object>> pairs = new ArrayList<>();
                    List<Object> expected = new ArrayList<>();
                    for (long i = 0; i < 10; i++) {
                        pairs.add(List.of(i, 9 - i));
                        expected.add(i * (9 - i));
                    }
                    Check.equal(pool.starmap("mul", pairs), expected, "starmap(mul, zip(range(10), range(9, -1, -1)))");
                })
                .add("map_async", () -> {
                    Check.equal(pool.mapAsync("sqr", range(10)).get(), squares(10), "map_async(sqr, range(10)).get()");
                })
                .add("async", () -> {
                    AsyncResult res = pool.applyAsync("sqr", 7, 0.5);
                    long t0 = System.nanoTime();
                    Check.equal(res.get(), 49L, "get()");
                    Check.within(since(t0), 0.2, 5.0, "get() waited about the task's 0.5 s");
                    Check.equal(res.ready(), true, "ready() after get()");
                    Check.equal(res.successful(), true, "successful()");
                })
                .add("imap", () -> {
                    List<Object> all = new ArrayList<>();
                    pool.imap("sqr", range(10)).forEach(all::add);
                    Check.equal(all, squares(10), "list(imap(sqr, range(10)))");
                    Iterator<Object> it = pool.imap("sqr", range(10)).iterator();
                    for (long i = 0; i < 10; i++) {
                        Check.equal(it.next(), i * i, "next(it)");
                    }
                    Check.raises(NoSuchElementException.class, it::next, "StopIteration");
                })
                .add("async_error", () -> {
                    AsyncResult res = pool.applyAsync("raising");
                    MpException e = Check.raises(MpException.class, res::get, "get() of a task that raised KeyError");
                    Check.equal(e.pythonType(), "KeyError", "type");
                    Check.equal(e.pythonMessage(), "'key'", "message");
                    Check.equal(res.successful(), false, "successful()");
                })
                .add("unpickleable_result", () -> {
                    for (int i = 0; i < 5; i++) {
                        MpException e = Check.raises(MpException.class, () -> pool.apply("unsendable"),
                                "unsendable result");
                        Check.equal(e.pythonType(), "MaybeEncodingError", "type");
                    }
                    Check.equal(pool.apply("sqr", 4), 16L, "the workers survive unsendable results");
                })
                .add("wrapped_exception", () -> {
                    MpException e = Check.raises(MpException.class, () -> pool.apply("wrapped"),
                            "apply(raise RuntimeError)");
                    Check.equal(e.pythonType(), "RuntimeError", "type");
                    Check.equal(e.pythonMessage(), "foo", "message");
                    MpException z = Check.raises(MpException.class,
                            () -> pool.starmap("divide", List.of(List.of(1, 1), List.of(1, 0), List.of(2, 1))),
                            "map with a failing task");
                    Check.equal(z.pythonType(), "ZeroDivisionError", "a Java ArithmeticException has its Python name");
                })
                .add("async_timeout", () -> {
                    AsyncResult res = pool.applyAsync("sqr", 6, 3.0);
                    long t0 = System.nanoTime();
                    Check.raises(MpException.TimeoutError.class, () -> res.get(0.3), "get(timeout=0.3)");
                    Check.within(since(t0), 0.25, 3.0, "get(timeout) waited about 0.3 s");
                    Check.equal(res.ready(), false, "ready() before the task ends");
                    MpException e = Check.raises(MpException.class, res::successful, "successful() before ready");
                    Check.equal(e.pythonType(), "ValueError", "successful() before ready raises ValueError");
                    res.await(0.1);
                    Check.equal(res.ready(), false, "wait(0.1) returns before the task ends");
                })
                .add("terminate", () -> {
                    List<Object> naps = new ArrayList<>();
                    for (int i = 0; i < 1000; i++) {
                        naps.add(0.1);
                    }
                    AsyncResult result = pool.mapAsync("nap", naps);
                    pool.terminate();
                    long t0 = System.nanoTime();
                    pool.join();
                    Check.within(since(t0), 0, 2.0, "join() after terminate() did not wait for the tasks");
                    Check.equal(result.ready(), false, "the map never finished");
                    Check.equal(Check.raises(MpException.class, result::get, "get() after terminate").pythonType(),
                            "ValueError", "get() after terminate raises (Python would wait forever)");
                })
                .run(mp);
            return null;
        });
        // Cases that make their own pools, run one after another in one main process.
        test("own-pools", (mp, a) -> {
            new SubCases()
                .add("make_pool", () -> {
                    for (int n : new int[] {-1, 0}) {
                        MpException e = Check.raises(MpException.class, () -> mp.pool(n), "Pool(" + n + ")");
                        Check.equal(e.pythonType(), "ValueError", "Pool(" + n + ") raises ValueError");
                    }
                    Pool pool = mp.pool(3);
                    try {
                        Check.equal(pool.workers().size(), 3, "len(p._pool)");
                        for (int i = 0; i < 3; i++) {
                            Process w = pool.workers().get(i);
                            Check.equal(w.name(), "SpawnPoolWorker-" + (i + 1), "worker name");
                            Check.equal(w.daemon(), true, "workers are daemonic");
                        }
                    } finally {
                        pool.close();
                        pool.join();
                    }
                    for (Process w : pool.workers()) {
                        Check.equal(w.exitCode(), 0L, "a closed pool's worker exits cleanly");
                    }
                })
                .add("empty_iterable", () -> {
                    Pool pool = mp.pool(1);
                    Check.equal(pool.map("sqr", List.of()), List.of(), "map(sqr, [])");
                    Check.equal(pool.imap("sqr", List.of()).iterator().hasNext(), false, "list(imap(sqr, []))");
                    Check.equal(pool.mapAsync("sqr", List.of()).get(), List.of(), "map_async(sqr, []).get()");
                    pool.close();
                    pool.join();
                })
                .add("context", () -> {
                    Pool p = mp.pool(2);
                    try (Held with = p.with()) {
                        Check.equal(p.mapAsync("sqr", range(10)).get(), squares(10), "r.get() inside with");
                    }
                    MpException e = Check.raises(MpException.class, () -> p.mapAsync("sqr", range(10)),
                            "map_async after the with block");
                    Check.equal(e.pythonType(), "ValueError", "a terminated pool refuses tasks");
                    for (Process w : p.workers()) {
                        Check.equal(w.isAlive(), false, "the with block terminated the workers");
                    }
                })
                .add("callbacks", () -> {
                    Pool pool = mp.pool(2);
                    BlockingQueue<Object> got = new LinkedBlockingQueue<>();
                    pool.applyAsync("sqr", List.of(7L), got::add, e -> got.add("error " + e.pythonType()));
                    Check.equal(take(got), 49L, "apply_async's callback gets the result");
                    pool.applyAsync("raising", List.of(), got::add, e -> got.add("error " + e.pythonType()));
                    Check.equal(take(got), "error KeyError", "error_callback gets the exception");
                    pool.mapAsync("sqr", range(4), got::add, null);
                    Check.equal(take(got), squares(4), "map_async's callback gets the whole list");
                    pool.close();
                    pool.join();
                })
                .add("close-join-waits", () -> {
                    Pool pool = mp.pool(2);
                    AsyncResult r = pool.mapAsync("nap", List.of(0.3, 0.3, 0.3, 0.3));
                    pool.close();
                    MpException e = Check.raises(MpException.class, () -> pool.apply("sqr", 2), "apply after close");
                    Check.equal(e.pythonType(), "ValueError", "a closed pool refuses tasks");
                    pool.join();
                    Check.equal(r.ready(), true, "close(); join() waits for the queued tasks");
                    Check.equal(r.successful(), true, "and they all ran");
                })
                .add("replaces-a-dead-worker", () -> {
                    Pool pool = mp.pool(1);
                    Process first = pool.workers().getFirst();
                    first.kill();
                    first.join();
                    // The only worker is gone: only its successor can run this.
                    Check.equal(pool.apply("sqr", 6), 36L, "a task after the worker was killed");
                    Process second = pool.workers().getFirst();
                    Check.that(second.pid() != first.pid(), "a new worker: " + second.name());
                    Check.that(second.name().startsWith("SpawnPoolWorker-") && !second.name().equals(first.name()),
                            "named as Python names it: " + second.name() + " after " + first.name());
                    pool.close();
                    pool.join();
                })
                .add("worker-dies", () -> {
                    Pool pool = mp.pool(2);
                    MpException e = Check.raises(MpException.class, () -> pool.apply("die"),
                            "a worker dies in its task");
                    Check.equal(e.pythonType(), "RuntimeError", "type");
                    Check.equal(pool.apply("sqr", 3), 9L, "the other worker goes on");
                })
                .run(mp);
            return null;
        });
        test("seed", (mp, a) -> {
            Pool pool = mp.pool(4);
            try (Held with = pool.with()) {
                AsyncResult async = pool.applyAsync("seed-task", 100);
                List<Long> workerPids = pool.workers().stream().map(Process::pid).toList();
                List<Object> results = pool.map("seed-task", range(10));
                for (int i = 0; i < 10; i++) {
                    List<?> r = (List<?>) results.get(i);
                    Check.equal(r.get(0), (long) i, "results come in order");
                    Check.equal(r.get(1), (long) i * i, "square");
                    Check.that(workerPids.contains((Long) r.get(2)), "ran in a worker: " + r);
                    mp.print("task", i, "->", r.get(1), "in worker", r.get(2));
                }
                List<?> r = (List<?>) async.get();
                Check.equal(r.get(1), 10000L, "apply_async");
            }
            return null;
        });
    }

    /** The next callback's value; a callback that never comes fails the case instead of hanging it. */
    private static Object take(BlockingQueue<Object> got) {
        try {
            Object v = got.poll(30, TimeUnit.SECONDS);
            Check.that(v != null, "a callback ran within 30 s");
            return v;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
