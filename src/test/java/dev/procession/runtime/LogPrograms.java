package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;

/**
 * Cases whose event logs must be complete: every wait ends with an outcome, every exit handled,
 * every line in its place. Each case marks listing lines of its own (there is no listing: the
 * numbers only have to come back in the events).
 */
public final class LogPrograms extends CaseProgram {
    static final int START_LINE = 10;
    static final int JOIN_LINE = 11;
    static final int AFTER_JOIN_LINE = 12;
    static final int TERMINATE_LINE = 13;
    static final int LAST_LINE = 14;

    @Override
    public String id() {
        return "test-log";
    }

    @Override
    protected void define() {
        // A join whose timeout expires ends with join-end (timeout); the parent then runs on.
        test("join-timeout", (mp, a) -> {
            Event go = mp.event("go");
            mp.line(START_LINE);
            Process p = mp.process("await", go).start();
            mp.line(JOIN_LINE);
            Check.equal(p.join(0.3), false, "join(0.3) of a child that waits");
            mp.line(AFTER_JOIN_LINE);
            mp.print("after the timed join");
            go.set();
            p.join();
            return null;
        });
        target("await", (mp, a) -> a.get(0, Event.class).await());

        // join() of a child that has already ended returns at once.
        test("join-ended", (mp, a) -> {
            Process p = mp.process("return").start();
            p.join();
            mp.line(JOIN_LINE);
            p.join();
            Check.equal(p.join(5.0), true, "join(5) of an ended child");
            return null;
        });
        target("return", (mp, a) -> null);

        // wait() on an Event already set returns at once, and says so.
        test("event-set", (mp, a) -> {
            Event e = mp.event("e");
            e.set();
            mp.line(JOIN_LINE);
            Check.equal(e.await(), true, "wait() on a set event");
            return null;
        });

        test("sleeps", (mp, a) -> {
            mp.sleep(0.05);
            mp.sleep(0);
            Process p = mp.process("sleep-a-little").start();
            p.join();
            return null;
        });
        target("sleep-a-little", (mp, a) -> {
            mp.sleep(0.02);
            return null;
        });

        // p.start() and p.terminate() have their lines; at exit a daemon is terminated and a child joined.
        test("exit-handling", (mp, a) -> {
            Event never = mp.event("never");
            mp.line(START_LINE);
            Process daemon = mp.process("await", never).daemon(true).start();
            Process victim = mp.process("await", never).start();
            Process sleeper = mp.process("sleep-a-little").start();
            mp.line(TERMINATE_LINE);
            victim.terminate();
            victim.join();
            // The code ends here: the daemon is still waiting, the sleeper may still sleep.
            mp.line(LAST_LINE);
            return null;
        });

        // Children that wait until the run is stopped.
        test("hang", (mp, a) -> {
            Event never = mp.event("never");
            mp.process("await", never).start();
            mp.process("await", never).start();
            never.await();
            return null;
        });
    }
}
