package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;
import java.util.List;
import java.util.Map;

/** Cases mirroring CPython's _TestQueue (Lib/test/_test_multiprocessing.py), run in real processes. */
public final class QueuePrograms extends CaseProgram {
    // CPython's TIMEOUT1..3, shorter: the whole class must stay quick on a loaded machine.
    static final double TIMEOUT1 = 0.3;
    static final double TIMEOUT2 = 0.2;
    static final double TIMEOUT3 = 0.4;
    /** Slack above a timeout, and the bound of "took about 0", on a heavily loaded machine. */
    static final double SLACK = 2.0;

    @Override
    public String id() {
        return "test-queue";
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void define() {
        aheadOfGets();
        pythonValuesCrossProcesses();
        test("put", (mp, a) -> {
            int maxsize = 6;
            Queue queue = mp.queue("queue", maxsize);
            Event childCanStart = mp.event();
            Event parentCanContinue = mp.event();
            Process proc = mp.process("get-six", queue, childCanStart, parentCanContinue).daemon(true).start();
            Check.equal(queue.empty(), true, "empty at first");
            Check.equal(queue.full(), false, "not full at first");
            queue.put(1);
            queue.put(2, true, null);
            queue.put(3, true, null);
            queue.put(4, false, null);
            queue.put(5, false, null);
            queue.putNowait(6);
            Check.equal(queue.empty(), false, "not empty after six puts");
            Check.equal(queue.full(), true, "full after six puts");
            timed(() -> queue.put(7, false, null), MpException.Full.class, 0, "put(7, False)");
            timed(() -> queue.putNowait(7), MpException.Full.class, 0, "put_nowait(7)");
            timed(() -> queue.put(7, true, TIMEOUT1), MpException.Full.class, TIMEOUT1, "put(7, True, TIMEOUT1)");
            timed(() -> queue.put(7, false, TIMEOUT2), MpException.Full.class, 0, "put(7, False, TIMEOUT2)");
            timed(() -> queue.put(7, true, TIMEOUT3), MpException.Full.class, TIMEOUT3, "put(7, timeout=TIMEOUT3)");
            childCanStart.set();
            parentCanContinue.await();
            Check.equal(queue.empty(), true, "empty after the child got six");
            Check.equal(queue.full(), false, "not full after the child got six");
            proc.join();
            Check.equal(proc.exitCode(), 0L, "child exit code");
            return null;
        });
        target("get-six", (mp, a) -> {
            Queue queue = a.get(0, Queue.class);
            a.get(1, Event.class).await();
            for (int i = 0; i < 6; i++) {
                queue.get();
            }
            a.get(2, Event.class).set();
            return null;
        });

        test("get", (mp, a) -> {
            Queue queue = mp.queue("queue", 0);
            Event childCanStart = mp.event();
            Event parentCanContinue = mp.event();
            Process proc = mp.process("put-four", queue, childCanStart, parentCanContinue).daemon(true).start();
            Check.equal(queue.empty(), true, "empty before the child puts");
            childCanStart.set();
            parentCanContinue.await();
            Check.equal(queue.empty(), false, "not empty after the child's puts");
            Check.equal(queue.get(true, null), 2L, "get(True, None)");
            Check.equal(queue.get(), 3L, "get(True)");
            Check.equal(queue.get(1.0), 4L, "get(timeout=1)");
            Check.equal(queue.getNowait(), 5L, "get_nowait()");
            Check.equal(queue.empty(), true, "empty after four gets");
            timed(() -> queue.get(false, null), MpException.Empty.class, 0, "get(False)");
            timed(queue::getNowait, MpException.Empty.class, 0, "get_nowait()");
            timed(() -> queue.get(true, TIMEOUT1), MpException.Empty.class, TIMEOUT1, "get(True, TIMEOUT1)");
            timed(() -> queue.get(false, TIMEOUT2), MpException.Empty.class, 0, "get(False, TIMEOUT2)");
            timed(() -> queue.get(TIMEOUT3), MpException.Empty.class, TIMEOUT3, "get(timeout=TIMEOUT3)");
            proc.join();
            return null;
        });
        target("put-four", (mp, a) -> {
            Queue queue = a.get(0, Queue.class);
            a.get(1, Event.class).await();
            for (long i = 2; i <= 5; i++) {
                queue.put(i);
            }
            // The puts are one-way messages, but the hub handles them before this set.
            a.get(2, Event.class).set();
            return null;
        });

        test("fork", (mp, a) -> {
            Queue queue = mp.queue("queue", 0);
            for (long i = 0; i < 10; i++) {
                queue.put(i);
            }
            Process p = mp.process("put-ten-to-nineteen", queue).daemon(true).start();
            for (long i = 0; i < 20; i++) {
                Check.equal(queue.get(), i, "item " + i);
            }
            Check.raises(MpException.Empty.class, () -> queue.get(false, null), "get(False) of an empty queue");
            p.join();
            return null;
        });
        target("put-ten-to-nineteen", (mp, a) -> {
            Queue queue = a.get(0, Queue.class);
            for (long i = 10; i < 20; i++) {
                queue.put(i);
            }
            return null;
        });

        test("qsize", (mp, a) -> {
            Queue q = mp.queue();
            Check.equal(q.qsize(), 0L, "qsize of a new queue");
            q.put(1);
            Check.equal(q.qsize(), 1L, "after one put");
            q.put(5);
            Check.equal(q.qsize(), 2L, "after two puts");
            q.get();
            Check.equal(q.qsize(), 1L, "after one get");
            q.get();
            Check.equal(q.qsize(), 0L, "after two gets");
            return null;
        });

        test("task_done", (mp, a) -> {
            JoinableQueue queue = mp.joinableQueue("tasks", 0);
            List<Process> workers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                workers.add(mp.process("work-until-none", queue).daemon(true).start());
            }
            for (long i = 0; i < 10; i++) {
                queue.put(i);
            }
            queue.join();
            for (int i = 0; i < workers.size(); i++) {
                queue.put(null);
            }
            for (Process p : workers) {
                p.join();
                Check.equal(p.exitCode(), 0L, "worker exit code");
            }
            // Ours: the four Nones are never marked done; a fresh queue has nothing to mark.
            JoinableQueue fresh = mp.joinableQueue();
            fresh.put("x");
            fresh.get();
            fresh.taskDone();
            MpException tooMany = Check.raises(MpException.class, fresh::taskDone, "task_done() once too many");
            Check.equal(tooMany.pythonType(), "ValueError", "task_done's exception");
            return null;
        });
        target("work-until-none", (mp, a) -> {
            JoinableQueue queue = a.get(0, JoinableQueue.class);
            while (queue.get() != null) {
                mp.sleep(0.05);
                queue.taskDone();
            }
            return null;
        });

        test("timeout", (mp, a) -> {
            Queue q = mp.queue();
            long t0 = System.nanoTime();
            Check.raises(MpException.Empty.class, () -> q.get(true, 0.2), "get(True, 0.2)");
            Check.that(since(t0) >= 0.1, "waited at least 0.1 s, took " + since(t0));
            return null;
        });

        test("closed_queue_put_get_exceptions", (mp, a) -> {
            for (Queue q : List.of(mp.queue(), mp.joinableQueue())) {
                q.close();
                MpException put = Check.raises(MpException.class, () -> q.put("foo"), "put to a closed queue");
                Check.equal(put.pythonType(), "ValueError", "put's exception");
                Check.that(put.getMessage().contains("is closed"), "put's message: " + put.getMessage());
                MpException get = Check.raises(MpException.class, q::get, "get from a closed queue");
                Check.that(get.getMessage().contains("is closed"), "get's message: " + get.getMessage());
            }
            return null;
        });

        // test_queue_feeder_donot_stop_onexc: an item that cannot travel is refused at once, in
        // the caller (Python's feeder thread only logs it), and the queue goes on working.
        test("queue_feeder_donot_stop_onexc", (mp, a) -> {
            for (Queue q : List.of(mp.queue(), mp.queue(1))) {
                MpException refused = Check.raises(MpException.class, () -> q.put(new Object()),
                        "put of an object that cannot travel");
                Check.equal(refused.pythonType(), "TypeError", "put's exception");
                q.put(true);
                Check.equal(q.qsize(), 1L, "only the good item is in the queue");
                Check.equal(q.get(10.0), true, "the good item");
                Check.equal(q.empty(), true, "empty at the end");
            }
            return null;
        });

        // Ours: blocked putters and getters are served in arrival order, across processes.
        test("fifo-waiters", (mp, a) -> {
            Queue q = mp.queue("bounded", 1);
            Queue done = mp.queue("done", 0);
            q.put("first");
            Process p1 = mp.process("put-then-report", q, done, "p1").start();
            Check.equal(done.get(), "p1 waiting", "p1 is about to block");
            // Its blocking put follows at once on the same connection; give it time to arrive.
            mp.sleep(0.3);
            Process p2 = mp.process("put-then-report", q, done, "p2").start();
            Check.equal(done.get(), "p2 waiting", "p2 is about to block");
            mp.sleep(0.3);
            Check.equal(q.get(), "first", "the item put first");
            Check.equal(q.get(), "p1", "p1's item comes before p2's");
            Check.equal(q.get(), "p2", "then p2's");
            p1.join();
            p2.join();
            return null;
        });
        target("put-then-report", (mp, a) -> {
            Queue q = a.get(0, Queue.class);
            Queue done = a.get(1, Queue.class);
            done.put(a.string(2) + " waiting");
            q.put(a.string(2));
            return null;
        });

        // Ours: items are plain values, and handles of primitives travel inside them.
        test("items-carry-handles", (mp, a) -> {
            Queue q = mp.queue("q", 0);
            Event e = mp.event("e");
            q.put(Map.of("event", e, "n", 1, "list", List.of("a", 2.5, true)));
            Process p = mp.process("set-event-from-item", q).start();
            Check.equal(e.await(10.0), true, "the child set the event it got in an item");
            p.join();
            Check.equal(p.exitCode(), 0L, "child exit code");
            return null;
        });
        target("set-event-from-item", (mp, a) -> {
            Map<?, ?> item = (Map<?, ?>) a.get(0, Queue.class).get();
            Check.equal(item.get("n"), 1L, "n");
            Check.equal(item.get("list"), List.of("a", 2.5, true), "list");
            ((Event) item.get("event")).set();
            return null;
        });
    }

    /**
     * One of each Python type a student sees, as Python prints the list of them; the case sends
     * them to a child as arguments, which puts them on a queue, and checks each comes back equal.
     */
    static final String PYTHON_VALUES_PRINTED = "[(1, 'a'), (), (5,), {9: 387420489, (1, 2): 'pair', '$x': None}, "
            + "205891132094649000000000000000000000000000000, -2361183241434822606848, b'it\\'s \"q\"\\n\\x00\\xff', "
            + "None, True, False, 0.1, 1e+16, 1e-05, 2.0, 123456789.125, inf, -0.0, nan, \"it's\", [1, []]]";

    static List<Object> pythonValues() {
        Map<Object, Object> dict = new java.util.LinkedHashMap<>();
        dict.put(9L, 387420489L);
        dict.put(Tuple.of(1L, 2L), "pair");
        dict.put("$x", null);
        return java.util.Arrays.asList(Tuple.of(1L, "a"), Tuple.of(), Tuple.of(5L), dict,
                java.math.BigInteger.valueOf(30).pow(30), java.math.BigInteger.valueOf(-2).pow(71),
                new Bytes(new byte[] {'i', 't', '\'', 's', ' ', '"', 'q', '"', '\n', 0, (byte) 0xff}),
                null, true, false, 0.1, 1e16, 1e-5, 2.0, 123456789.125, Double.POSITIVE_INFINITY, -0.0, Double.NaN,
                "it's", List.of(1L, List.of()));
    }

    private void pythonValuesCrossProcesses() {
        test("python-values", (mp, a) -> {
            Queue q = mp.queue("q", 0);
            List<Object> sent = pythonValues();
            Process p = mp.process("put-each", q, sent).start();
            for (Object value : sent) {
                Check.equal(q.get(), value, "a " + (value == null ? "None" : value.getClass().getSimpleName())
                        + " back from the child");
            }
            p.join();
            Check.equal(p.exitCode(), 0L, "child exit code");
            return null;
        });
        target("put-each", (mp, a) -> {
            Queue q = a.get(0, Queue.class);
            List<Object> received = a.list(1);
            Check.equal(received, pythonValues(), "the values as the child's argument");
            mp.print(received);
            received.forEach(q::put);
            return null;
        });
    }

    /** Items handed ahead to the first getter come back when a second appears: none lost, none twice. */
    private void aheadOfGets() {
        test("second-getter", (mp, a) -> {
            Queue q = mp.queue("q", 0);
            Queue results = mp.queue("results", 0);
            for (long i = 0; i < 200; i++) {
                q.put(i);
            }
            Check.equal(q.get(), 0L, "first item");
            Check.equal(q.qsize(), 199L, "qsize counts the items handed ahead");
            Check.equal(q.get(), 1L, "second item, taken here");
            Process p = mp.process("get-n", q, results, 100L).start();
            List<Object> theirs = (List<Object>) results.get();
            p.join();
            List<Object> mine = new java.util.ArrayList<>(List.of(0L, 1L));
            while (!q.empty()) {
                mine.add(q.getNowait());
            }
            Check.equal(mine.size() + theirs.size(), 200, "every item got once: " + mine + theirs);
            java.util.Set<Object> all = new java.util.HashSet<>(mine);
            all.addAll(theirs);
            Check.equal(all.size(), 200, "no item got twice");
            Check.that(increasing(mine) && increasing(theirs), "each getter got items in order");
            return null;
        });
        target("get-n", (mp, a) -> {
            Queue q = a.get(0, Queue.class);
            List<Object> got = new java.util.ArrayList<>();
            for (long i = 0; i < a.integer(2); i++) {
                got.add(q.get(10.0));
            }
            a.get(1, Queue.class).put(got);
            return null;
        });

        test("getter-dies", (mp, a) -> {
            Queue q = mp.queue("q", 0);
            for (long i = 0; i < 50; i++) {
                q.put(i);
            }
            Process p = mp.process("get-n", q, mp.queue(), 1L).start();
            p.join();
            for (long i = 1; i < 50; i++) {
                Check.equal(q.get(10.0), i, "item " + i + ", back from the getter that exited");
            }
            Check.equal(q.empty(), true, "empty at the end");
            return null;
        });
    }

    private static boolean increasing(List<Object> values) {
        for (int i = 1; i < values.size(); i++) {
            if ((Long) values.get(i) <= (Long) values.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    private static void timed(Check.ThrowingRunnable body, Class<? extends Throwable> raised, double expected,
                              String what) {
        long t0 = System.nanoTime();
        Check.raises(raised, body, what);
        double took = since(t0);
        Check.within(took, expected == 0 ? 0 : expected - 0.05, expected + SLACK, what);
    }
}
