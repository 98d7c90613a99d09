package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;

/** Cases mirroring CPython's _TestEvent (Lib/test/_test_multiprocessing.py), run in real processes. */
public final class EventPrograms extends CaseProgram {
    static final double TIMEOUT = 0.1;
    static final int WAITERS = 2;

    @Override
    public String id() {
        return "test-event";
    }

    @Override
    protected void define() {
        // _TestEvent.test_event
        test("event", (mp, a) -> {
            Event event = mp.event("event");
            Check.equal(event.isSet(), false, "a new event is clear");
            long t0 = System.nanoTime();
            Check.equal(event.await(0.0), false, "wait(0.0) on a clear event");
            Check.within(since(t0), 0, 1.5, "wait(0.0) returns at once");
            t0 = System.nanoTime();
            Check.equal(event.await(TIMEOUT), false, "wait(TIMEOUT1) on a clear event");
            Check.within(since(t0), TIMEOUT - 0.01, 2.0, "wait(TIMEOUT1) waits its timeout");

            event.set();
            Check.equal(event.isSet(), true, "is_set after set");
            t0 = System.nanoTime();
            Check.equal(event.await(), true, "wait() on a set event");
            Check.within(since(t0), 0, 1.5, "wait() on a set event returns at once");
            t0 = System.nanoTime();
            Check.equal(event.await(TIMEOUT), true, "wait(TIMEOUT1) on a set event");
            Check.within(since(t0), 0, 1.5, "wait(TIMEOUT1) on a set event returns at once");

            event.clear();
            Check.equal(event.isSet(), false, "is_set after clear");
            Process p = mp.process("sleep-then-set", event).daemon(true).start();
            Check.equal(event.await(), true, "wait() until the child sets it");
            p.join();
            Check.equal(p.exitCode(), 0L, "child exit code");
            return null;
        });
        target("sleep-then-set", (mp, a) -> {
            mp.sleep(TIMEOUT);
            a.get(0, Event.class).set();
            return null;
        });

        // One set() wakes every process waiting on the event.
        test("set-wakes-every-waiter", (mp, a) -> {
            Event event = mp.event("event");
            Semaphore waiting = mp.semaphore("waiting", 0);
            Process[] ps = new Process[WAITERS];
            for (int i = 0; i < WAITERS; i++) {
                ps[i] = mp.process("wait-for-event", event, waiting).daemon(true).start();
            }
            for (int i = 0; i < WAITERS; i++) {
                Check.equal(waiting.acquire(true, 30.0), true, "waiter " + i + " is about to wait");
            }
            mp.sleep(TIMEOUT);
            event.set();
            for (Process p : ps) {
                p.join();
                Check.equal(p.exitCode(), 0L, p.name() + " saw the event set");
            }
            return null;
        });
        target("wait-for-event", (mp, a) -> {
            Event event = a.get(0, Event.class);
            a.get(1, Semaphore.class).release();
            Check.equal(event.await(30.0), true, "wait(30) returns True once set");
            return null;
        });
    }
}
