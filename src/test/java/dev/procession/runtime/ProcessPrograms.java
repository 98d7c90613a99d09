package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;
import java.util.List;
import java.util.Map;

/** Cases mirroring CPython's _TestProcess and _TestSubclassingProcess, run in real processes. */
public final class ProcessPrograms extends CaseProgram {
    /** A module-level global: each process has its own copy, as with Python's spawn start method. */
    static int counter = 100;

    @Override
    public String id() {
        return "test-process";
    }

    @Override
    protected void define() {
        // _TestProcess.test_current
        // _TestProcess.test_current, test_parent_process's None in main, test_active_children, test_cpu_count
        test("current", (mp, a) -> {
            Process me = mp.currentProcess();
            Check.equal(me.name(), "MainProcess", "current_process().name");
            Check.equal(me.pid(), ProcessHandle.current().pid(), "current_process().pid");
            Check.equal(me.daemon(), false, "current_process().daemon");
            Check.equal(me.isAlive(), true, "current_process().is_alive()");
            Check.equal(me.exitCode(), null, "current_process().exitcode");
            Check.equal(mp.parentProcess(), null, "parent_process() in the main process");
            Check.that(mp.cpuCount() >= 1, "cpu_count() >= 1");
            Check.equal(mp.activeChildren(), List.of(), "active_children() before any start");
            Process p = mp.process("report-current", "Process-1").start();
            Check.equal(mp.activeChildren(), List.of(p), "active_children() while the child runs");
            mp.print("child", p.name(), p.pid());
            p.join();
            Check.equal(p.exitCode(), 0L, "exit code of the child");
            Check.equal(mp.activeChildren(), List.of(), "active_children() after join");
            return null;
        });
        target("report-current", (mp, a) -> {
            Process me = mp.currentProcess();
            Check.equal(me.name(), a.string(0), "the child's current_process().name");
            Check.equal(me.pid(), ProcessHandle.current().pid(), "the child's pid");
            Check.equal(me.daemon(), false, "the child's daemon flag");
            Check.equal(mp.parentProcess().name(), "MainProcess", "parent_process().name");
            Check.equal(mp.parentProcess().pid(), mp.ppid(), "parent_process().pid");
            Check.equal(mp.parentProcess().isAlive(), true, "parent_process().is_alive()");
            mp.print("me", me.name(), me.pid());
            return null;
        });

        // _TestProcess.test_process
        test("process", (mp, a) -> {
            Event ready = mp.event("ready");
            Event go = mp.event("go");
            Process p = mp.process("check-args", ready, go, 1L, 2L, "three", List.of(4L, 5L),
                    Map.of("hello", 23L, "bye", 2.54));
            p.daemon(true);
            Check.equal(p.name(), "Process-1", "default name before start");
            Check.equal(p.isAlive(), false, "is_alive() before start");
            Check.equal(p.daemon(), true, "daemon");
            Check.equal(p.exitCode(), null, "exitcode before start");
            p.start();
            Check.equal(p.exitCode(), null, "exitcode after start");
            Check.equal(p.isAlive(), true, "is_alive() after start");
            Check.equal(p.name(), "Process-1", "name after start");
            Check.that(p.pid() > 0 && p.pid() != mp.pid(), "a pid of its own");
            ready.await();
            mp.print("child", p.name(), p.pid());
            go.set();
            p.join();
            Check.equal(p.exitCode(), 0L, "exitcode after join");
            Check.equal(p.isAlive(), false, "is_alive() after join");
            return null;
        });
        target("check-args", (mp, a) -> {
            Check.equal(a.size(), 7, "number of arguments");
            Check.equal(a.asList().subList(2, 7), List.of(1L, 2L, "three", List.of(4L, 5L),
                    Map.of("hello", 23L, "bye", 2.54)), "arguments");
            Check.equal(mp.daemon(), true, "daemon flag in the child");
            mp.print("me", mp.name(), mp.pid());
            a.get(0, Event.class).set();
            a.get(1, Event.class).await();
            return null;
        });

        // _TestProcess._kill_process with test_terminate and test_kill
        test("terminate", (mp, a) -> killCase(mp, false));
        test("kill", (mp, a) -> killCase(mp, true));
        target("sleep-some-event", (mp, a) -> {
            a.get(0, Event.class).set();
            mp.sleep(100);
            return null;
        });

        // join(timeout) returns when the timeout passes, with the child still running.
        test("join-timeout", (mp, a) -> {
            Event go = mp.event("go");
            Process p = mp.process("wait-for", go).start();
            long t0 = System.nanoTime();
            Check.equal(p.join(0.5), false, "join(0.5) of a running child");
            Check.within(since(t0), 0.4, 5.0, "join(0.5)");
            Check.equal(p.isAlive(), true, "still alive after join(0.5)");
            Check.equal(p.exitCode(), null, "exitcode after a timed-out join");
            go.set();
            t0 = System.nanoTime();
            Check.equal(p.join(30.0), true, "join(30) once the child can end");
            Check.within(since(t0), 0.0, 10.0, "join(30) returns when the child ends, not at the timeout");
            Check.equal(p.exitCode(), 0L, "exit code");
            return null;
        });
        target("wait-for", (mp, a) -> a.get(0, Event.class).await());

        // _TestSubclassingProcess.test_sys_exit (sys.exit(n), an uncaught exception, a normal end)
        test("sys-exit", (mp, a) -> {
            Process ok = mp.process("exit-with", 0L).start();
            Process eight = mp.process("exit-with", 8L).start();
            Process raised = mp.process("raise").start();
            Process returned = mp.process("return").start();
            for (Process p : List.of(ok, eight, raised, returned)) {
                p.join();
            }
            Check.equal(ok.exitCode(), 0L, "sys.exit(0)");
            Check.equal(eight.exitCode(), 8L, "sys.exit(8)");
            Check.equal(raised.exitCode(), 1L, "an uncaught exception");
            Check.equal(returned.exitCode(), 0L, "a target that returns");
            return null;
        });
        target("exit-with", (mp, a) -> {
            mp.exit(a.intValue(0));
            return null;
        });
        target("raise", (mp, a) -> {
            throw new IllegalStateException("raised on purpose");
        });
        target("return", (mp, a) -> null);

        // _TestProcess.test_daemon_argument, and Python's rule that a daemon has no children
        test("daemon", (mp, a) -> {
            Process p = mp.process("daemon-child");
            Check.equal(p.daemon(), false, "default daemon flag in a non-daemonic process");
            p.daemon(true).start();
            Check.raises(MpException.class, () -> p.daemon(false), "daemon after start");
            p.join();
            Check.equal(p.exitCode(), 0L, "exit code of the daemonic child's checks");
            Process q = mp.process("non-daemon-child").start();
            q.join();
            Check.equal(q.exitCode(), 0L, "exit code of the non-daemonic child's checks");
            return null;
        });
        target("daemon-child", (mp, a) -> {
            Check.equal(mp.daemon(), true, "current_process().daemon in a daemonic child");
            Process grandchild = mp.process("return");
            Check.equal(grandchild.daemon(), true, "default daemon flag is the creator's");
            MpException e = Check.raises(MpException.class, grandchild::start, "start() in a daemonic process");
            Check.equal(e.pythonType(), "AssertionError", "error type");
            Check.that(e.getMessage().contains("daemonic processes are not allowed to have children"), e.getMessage());
            return null;
        });
        target("non-daemon-child", (mp, a) -> {
            Check.equal(mp.process("return").daemon(), false, "default daemon flag is the creator's");
            return null;
        });
        // A daemonic child is terminated when its parent's code ends.
        test("daemon-terminated-at-exit", (mp, a) -> {
            Event started = mp.event("started");
            mp.process("sleep-some-event", started).daemon(true).start();
            started.await();
            return null;
        });

        // _TestProcess.test_parent_process_attributes and test_parent_process
        test("parent-process", (mp, a) -> {
            Event reported = mp.event("reported");
            Event parentGone = mp.event("parent-gone");
            Process child = mp.process("start-grandchild", mp.pid(), reported, parentGone).start();
            reported.await();
            Check.equal(child.isAlive(), true, "the child waits while its child reports");
            child.terminate();
            child.join();
            Check.equal(child.exitCode(), -15L, "the child was terminated");
            reported.clear();
            parentGone.set();
            // The grandchild, now an orphan, says whether it saw its parent die.
            Check.equal(reported.await(30.0), true, "the grandchild reports after its parent's death");
            return null;
        });
        target("start-grandchild", (mp, a) -> {
            Check.equal(mp.ppid(), a.integer(0), "a child's OS parent is the main process");
            Process g = mp.process("report-parent", mp.pid(), a.get(1), a.get(2)).start();
            mp.print("grandchild", g.name(), g.pid());
            mp.sleep(300);
            return null;
        });
        target("report-parent", (mp, a) -> {
            long parent = a.integer(0);
            Check.equal(mp.name(), "Process-1:1", "a grandchild's name");
            Check.equal(mp.ppid(), parent, "a grandchild's OS parent is its parent process, not the main one");
            ParentProcess parentProcess = mp.parentProcess();
            Check.equal(parentProcess.name(), "Process-1", "parent_process().name");
            Check.equal(parentProcess.pid(), parent, "parent_process().pid");
            Check.that(parentProcess.isAlive(), "parent_process().is_alive() while it runs");
            Event reported = a.get(1, Event.class);
            reported.set();
            a.get(2, Event.class).await();
            Check.that(!parentProcess.isAlive(), "parent_process().is_alive() after it was terminated");
            mp.print("parent", parent, "not alive");
            reported.set();
            return null;
        });

        // _TestSubclassingProcess.test_subclassing, and the data isolation of the seed's lesson
        processClass("greeter", (mp, a) -> new Greeter(mp, a.string(0)));
        test("subclass", (mp, a) -> {
            Greeter g = new Greeter(mp, "alex");
            Check.equal(g.name(), "Greeter-1", "a subclass's default name is its class name");
            counter = 5;
            g.start();
            g.join();
            Check.equal(g.exitCode(), 0L, "exit code of the subclass's run()");
            Check.equal(counter, 5, "the child's assignment does not reach the parent's global");
            return null;
        });

        // Starting a process twice raises, as in Python.
        test("start-twice", (mp, a) -> {
            Process p = mp.process("return").start();
            MpException e = Check.raises(MpException.class, p::start, "second start()");
            Check.equal(e.pythonType(), "AssertionError", "error type");
            p.join();
            Check.raises(MpException.class, p::start, "start() after the end");
            Process never = mp.process("return");
            Check.raises(MpException.class, never::join, "join() of a process never started");
            return null;
        });
    }

    /** CPython's _kill_process: join(0) and join(-1) return at once; the signal ends the child. */
    private static Object killCase(Mp mp, boolean kill) {
        Event started = mp.event("started");
        Process p = mp.process("sleep-some-event", started);
        p.daemon(true).start();
        Check.equal(p.isAlive(), true, "is_alive() after start");
        Check.equal(p.exitCode(), null, "exitcode after start");
        long t0 = System.nanoTime();
        Check.equal(p.join(0), false, "join(0)");
        Check.within(since(t0), 0, 1.0, "join(0) returns at once");
        t0 = System.nanoTime();
        Check.equal(p.join(-1), false, "join(-1)");
        Check.within(since(t0), 0, 1.0, "join(-1) returns at once");
        Check.equal(p.isAlive(), true, "is_alive() after join(0)");
        Check.equal(started.await(30.0), true, "the child started");
        if (kill) {
            p.kill();
        } else {
            p.terminate();
        }
        // Not gone yet when terminate() returns: Python's is_alive() may still say True here.
        mp.print("alive right after the signal:", p.isAlive());
        t0 = System.nanoTime();
        p.join();
        Check.within(since(t0), 0, 5.0, "join() after the signal");
        Check.equal(p.isAlive(), false, "is_alive() after join");
        Check.equal(p.exitCode(), kill ? -9L : -15L, "exitcode");
        return null;
    }

    /** The seed's MyProcess: state passed in the constructor, code in run(). */
    static final class Greeter extends Process {
        private final Mp mp;
        private final String person;

        Greeter(Mp mp, String person) {
            super(mp, "greeter", person);
            this.mp = mp;
            this.person = person;
        }

        @Override
        public void run() {
            Check.equal(counter, 100, "a child starts with the program's own global, not the parent's");
            counter = 0;
            Check.equal(name(), "Greeter-1", "self.name in run()");
            Check.equal(pid(), ProcessHandle.current().pid(), "self.pid in run()");
            Check.equal(isAlive(), true, "self.is_alive() in run()");
            Check.equal(person, "alex", "state passed to the constructor");
            Check.raises(MpException.class, this::start, "self.start() in run()");
            mp.print(person, "runs in", pid(), "parent", mp.ppid());
        }
    }
}
