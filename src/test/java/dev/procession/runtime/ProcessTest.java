package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import dev.procession.testing.RealRun.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CPython's _TestProcess and _TestSubclassingProcess, ported: each case runs in real child processes. */
class ProcessTest {
    private static final String PROGRAM = "test-process";

    @Test
    void test_current() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "current");
        assertParentAndChildAgree(r, "Process-1");
    }

    @Test
    void test_process() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "process");
        assertParentAndChildAgree(r, "Process-1");
        Event spawn = only(r, "spawn", "Process-1");
        assertThat(spawn.get("daemon")).isEqualTo(true);
    }

    @Test
    void test_terminate() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "terminate");
        assertThat(only(r, "exit", "Process-1").get("exitcode")).isEqualTo(-15L);
        assertThat(only(r, "signal", "Process-1").get("signal")).isEqualTo("SIGTERM");
    }

    @Test
    void test_kill() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "kill");
        assertThat(only(r, "exit", "Process-1").get("exitcode")).isEqualTo(-9L);
        assertThat(only(r, "signal", "Process-1").get("signal")).isEqualTo("SIGKILL");
    }

    /** From CPython's _kill_process: a join with a timeout returns before the child ends. */
    @Test
    void test_join_timeout() throws Exception {
        RealRun.runCase(PROGRAM, "join-timeout");
    }

    @Test
    void test_sys_exit() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "sys-exit");
        assertThat(r.of("exit").stream().filter(e -> !"MainProcess".equals(e.proc())).map(e -> e.get("exitcode")))
                .containsExactlyInAnyOrder(0L, 8L, 1L, 0L);
        assertThat(r.of("error")).singleElement()
                .satisfies(e -> assertThat(e.text("traceback")).contains("raised on purpose"));
    }

    @Test
    void test_daemon_argument() throws Exception {
        RealRun.runCase(PROGRAM, "daemon");
    }

    /** Python's atexit handler terminates daemonic children when the main code ends. */
    @Test
    void daemonicChildIsTerminatedWhenMainEnds() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "daemon-terminated-at-exit");
        assertThat(only(r, "exit", "Process-1").get("exitcode")).isEqualTo(-15L);
    }

    @Test
    void test_parent_process() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "parent-process");
        long main = only(r, "start", "MainProcess").pid();
        long child = only(r, "start", "Process-1").pid();
        Event grandchild = only(r, "start", "Process-1:1");
        assertThat(only(r, "start", "Process-1").ppid()).isEqualTo(main);
        assertThat(grandchild.ppid()).as("a grandchild's parent is its parent process").isEqualTo(child);
        assertThat(r.prints()).contains("parent " + child + " not alive");
    }

    @Test
    void test_subclassing() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "subclass");
        Event start = only(r, "start", "Greeter-1");
        assertThat(start.get("target")).isEqualTo("greeter");
        assertThat(r.prints()).contains("alex runs in " + start.pid() + " parent " + start.ppid());
    }

    @Test
    void startingTwiceRaises() throws Exception {
        RealRun.runCase(PROGRAM, "start-twice");
    }

    /** The pid the parent sees is the pid the child has, and the child's name is Python's default. */
    private static void assertParentAndChildAgree(Result r, String name) {
        Event start = only(r, "start", name);
        assertThat(r.prints()).contains("child " + name + " " + start.pid(), "me " + name + " " + start.pid());
        assertThat(start.ppid()).isEqualTo(only(r, "start", "MainProcess").pid());
    }

    private static Event only(Result r, String kind, String proc) {
        List<Event> found = r.of(kind).stream().filter(e -> proc.equals(e.proc())).toList();
        assertThat(found).as("%s events of %s in\n%s", kind, proc, r.transcript()).hasSize(1);
        return found.getFirst();
    }
}
