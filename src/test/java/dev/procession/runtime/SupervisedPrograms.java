package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;

/** Programs the supervisor tests act on from outside: pause, kill, daemonize, force-release. */
public final class SupervisedPrograms extends CaseProgram {
    @Override
    public String id() {
        return "test-supervised";
    }

    @Override
    protected void define() {
        // MainProcess -> Process-1 -> Process-1:1, all waiting until the test acts or closes the run.
        test("tree", (mp, a) -> {
            mp.process("parent").start().join();
            return null;
        });
        target("parent", (mp, a) -> {
            mp.process("sleeper").start();
            mp.sleep(300);
            return null;
        });
        target("sleeper", (mp, a) -> {
            mp.sleep(300);
            return null;
        });

        // A long sleep in a child and a long join(timeout) in main: the test changes the speed meanwhile.
        test("speed", (mp, a) -> {
            Process p = mp.process("long-sleep").start();
            Check.equal(p.join(60.0), true, "join(60) returns when the child ends");
            mp.print("joined");
            return null;
        });
        target("long-sleep", (mp, a) -> {
            mp.sleep(40);
            mp.print("woke");
            return null;
        });

        // Main blocks in q.get() while a child ends: the child's exit report must not make main look
        // running (the report comes from main's reaper thread while main still waits).
        test("blocked-while-child-exits", (mp, a) -> {
            Queue q = mp.queue("q", 0);
            mp.process("brief").start();
            q.get();
            return null;
        });
        target("brief", (mp, a) -> {
            mp.sleep(0.5);
            return null;
        });

        // Two parents starting children as fast as they can: a stop lands while some are starting.
        test("spawn-storm", (mp, a) -> {
            mp.process("spawner").start();
            mp.process("spawner").start();
            mp.sleep(300);
            return null;
        });
        target("spawner", (mp, a) -> {
            for (int i = 0; i < 6; i++) {
                mp.process("sleeper").start();
            }
            mp.sleep(300);
            return null;
        });

        // The same tree, ending by itself: every process joins its children.
        test("tree-that-ends", (mp, a) -> {
            mp.process("short-parent").start().join();
            return null;
        });
        target("short-parent", (mp, a) -> {
            mp.process("short").start();
            mp.sleep(0.2);
            return null;
        });
        target("short", (mp, a) -> {
            mp.sleep(0.5);
            return null;
        });

        // Main ends once the app has made its running child daemonic; Python's exit handler then
        // terminates the child.
        test("daemon-later", (mp, a) -> {
            Process child = mp.process("sleeper").start();
            while (!child.daemonNow()) {
                mp.sleep(0.05);
            }
            return null;
        });

        // Process-1 holds the lock and is killed; Process-2 waits for it until it is force-released.
        test("abandoned-lock", (mp, a) -> {
            Lock lock = mp.lock("lock");
            Event held = mp.event("held");
            Process holder = mp.process("hold-forever", lock, held).start();
            held.await();
            Process waiter = mp.process("acquire-once", lock).start();
            holder.join();
            waiter.join();
            Check.equal(holder.exitCode(), -9L, "the holder was killed");
            Check.equal(waiter.exitCode(), 0L, "the waiter got the lock after the force-release");
            return null;
        });
        target("hold-forever", (mp, a) -> {
            a.get(0, Lock.class).acquire();
            a.get(1, Event.class).set();
            mp.sleep(300);
            return null;
        });
        target("acquire-once", (mp, a) -> {
            Lock lock = a.get(0, Lock.class);
            lock.acquire();
            mp.print("the waiter has the lock");
            lock.release();
            return null;
        });
    }
}
