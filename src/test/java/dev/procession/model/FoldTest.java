package dev.procession.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fold's rules, each on a short log written as the hub writes it. */
class FoldTest {
    private final List<Event> log = new ArrayList<>();

    private void add(long pid, String proc, EventKind kind, String obj, Object... details) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < details.length; i += 2) {
            data.put((String) details[i], details[i + 1]);
        }
        log.add(new Event(log.size() + 1, log.size() * 1000L, pid, pid == 10 ? 1 : 10, proc, kind, obj, data));
    }

    private RunState state() {
        return RunState.of(log);
    }

    private void startMainAndChildren() {
        add(10, "MainProcess", EventKind.SPAWN, null, "parent", "supervisor");
        add(10, "MainProcess", EventKind.START, null, "target", "main");
        add(11, "buyer0", EventKind.SPAWN, null, "parent", "MainProcess", "target", "get_ticket", "parentPid", 10L,
                "parentLine", 30L);
        add(11, "buyer0", EventKind.START, null, "target", "get_ticket", "parent", "MainProcess");
        add(12, "buyer1", EventKind.SPAWN, null, "parent", "MainProcess", "target", "get_ticket", "daemon", true);
        add(12, "buyer1", EventKind.START, null, "target", "get_ticket", "parent", "MainProcess", "daemon", true);
    }

    @Test
    void heldCallsAreListedOldestFirstAndGoWhenLetGoOrWhenTheirProcessEnds() {
        startMainAndChildren();
        add(0, null, EventKind.STEP_MODE, null, "on", true);
        add(12, "buyer1", EventKind.STEP_WAIT, null, "op", "file-read", "turn", 0L, "line", 8L);
        add(10, "MainProcess", EventKind.STEP_WAIT, "buyer0", "op", "proc.join", "turn", 0L, "line", 37L);
        add(11, "buyer0", EventKind.ACQUIRE_WAIT, "Lock#1");
        RunState s = state();
        assertThat(s.steps().pending()).as("equal turns: the process that appeared first goes first")
                .extracting(PendingStep::proc).containsExactly("MainProcess", "buyer1");
        assertThat(s.process(12).status()).isEqualTo(ProcStatus.HELD);
        assertThat(s.process(12).line()).as("the cursor on the held call").isEqualTo(8);
        assertThat(s.awaitsStep()).as("every live process is held or waits for another").isTrue();

        add(10, "MainProcess", EventKind.STEP, "buyer0", "op", "proc.join", "by", "supervisor", "choice", "oldest",
                "line", 37L);
        s = state();
        assertThat(s.steps().oldest().proc()).isEqualTo("buyer1");
        assertThat(s.process(10).status()).isEqualTo(ProcStatus.RUNNING);
        assertThat(s.awaitsStep()).as("main runs to its next call").isFalse();

        add(12, "buyer1", EventKind.EXIT, null, "exitcode", -9L, "how", "killed by stop");
        assertThat(state().steps().pending()).isEmpty();
        assertThat(state().steps().on()).isTrue();
    }

    @Test
    void theHeaderNamesTheRunAndItsListing() {
        add(0, null, EventKind.RUN, null, "scenario", "ktv", "params", Map.of("seats", 4L), "speed", 2.0,
                "version", "0.1.0", "listing", Map.of("file", "03_ktv_semaphore.py", "lines", List.of("a", "b")));
        RunState s = state();
        assertThat(s.header().scenario()).isEqualTo("ktv");
        assertThat(s.header().listing()).containsExactly("a", "b");
        assertThat(s.speed()).isEqualTo(2.0);
    }

    @Test
    void aPythonProgramsLineCountsOnlyInItsScriptNotInItsOtherModules() {
        add(0, null, EventKind.RUN, null, "scenario", "python", "listing",
                Map.of("file", "app.py", "path", "/home/u/app.py", "lines", List.of("a", "b", "c")));
        startMainAndChildren();
        add(11, "buyer0", EventKind.PRINT, null, "text", "hi", "line", 2L, "file", "/home/u/app.py");
        assertThat(state().header().listingPath()).isEqualTo("/home/u/app.py");
        assertThat(state().process(11).line()).as("a line of the script").isEqualTo(2);
        add(11, "buyer0", EventKind.PRINT, null, "text", "ho", "line", 7L, "file", "/home/u/helpers.py");
        assertThat(state().process(11).line()).as("a line of another module: none of the listing's").isZero();
        add(13, "buyer2", EventKind.SPAWN, null, "parent", "MainProcess", "target", "get_ticket", "parentPid", 10L,
                "parentLine", 4L, "parentFile", "/home/u/helpers.py");
        assertThat(state().process(10).line()).as("main's p.start() in another module moves no cursor").isEqualTo(30);
    }

    @Test
    void processesAppearWithTheirRolesParentsAndTheCallersLine() {
        startMainAndChildren();
        RunState s = state();
        assertThat(s.main().pid()).isEqualTo(10);
        assertThat(s.process(11).role()).isEqualTo("get_ticket");
        assertThat(s.process(11).ppid()).isEqualTo(10);
        assertThat(s.process(12).daemon()).isTrue();
        assertThat(s.process(10).line()).as("main's cursor on p.start()").isEqualTo(30);
        assertThat(s.processes().values()).extracting(ProcState::index).containsExactly(0, 1, 2);
        assertThat(s.process(11).status()).isEqualTo(ProcStatus.RUNNING);
    }

    @Test
    void aLockHandsOnInOrderAndAnExitDropsAWaiter() {
        startMainAndChildren();
        add(10, "MainProcess", EventKind.NEW, "Lock#1", "type", "Lock", "name", "lock", "state", Map.of());
        add(11, "buyer0", EventKind.ACQUIRED, "Lock#1", "outcome", "at-once", "line", 12L);
        add(12, "buyer1", EventKind.ACQUIRE_WAIT, "Lock#1", "holder", 11L, "line", 12L);
        add(10, "MainProcess", EventKind.ACQUIRE_WAIT, "Lock#1", "holder", 11L);
        RunState s = state();
        assertThat(s.primitive("Lock#1")).isEqualTo(new LockState("Lock#1", "Lock", "lock", 11L, 1, List.of(12L, 10L),
                null));
        assertThat(s.process(12).status()).isEqualTo(ProcStatus.BLOCKED);
        assertThat(s.process(12).blockedOn()).isEqualTo("Lock#1");
        assertThat(s.process(12).line()).isEqualTo(12);

        add(12, "buyer1", EventKind.EXIT, null, "exitcode", -9L);
        add(11, "buyer0", EventKind.RELEASED, "Lock#1");
        add(10, "MainProcess", EventKind.ACQUIRED, "Lock#1", "outcome", "woke");
        s = state();
        LockState lock = (LockState) s.primitive("Lock#1");
        assertThat(lock.holder()).isEqualTo(10L);
        assertThat(lock.waiters()).isEmpty();
        assertThat(s.process(10).status()).isEqualTo(ProcStatus.RUNNING);
        assertThat(s.process(12).status()).isEqualTo(ProcStatus.EXITED);
        assertThat(s.process(12).exitCode()).isEqualTo(-9L);
    }

    @Test
    void aDeadHoldersLockIsAbandonedUntilForceReleased() {
        startMainAndChildren();
        add(10, "MainProcess", EventKind.NEW, "Lock#1", "type", "Lock", "state", Map.of());
        add(11, "buyer0", EventKind.ACQUIRED, "Lock#1", "outcome", "at-once");
        add(11, "buyer0", EventKind.EXIT, null, "exitcode", -9L);
        add(11, "buyer0", EventKind.ABANDONED, "Lock#1", "holder", 11L);
        assertThat(((LockState) state().primitive("Lock#1")).abandonedBy()).isEqualTo(11L);
        add(0, null, EventKind.FORCE_RELEASE, "Lock#1", "holder", 11L);
        assertThat(((LockState) state().primitive("Lock#1")).locked()).isFalse();
    }

    @Test
    void aSemaphoreCountsItsSeats() {
        startMainAndChildren();
        add(10, "MainProcess", EventKind.NEW, "Semaphore#1", "type", "Semaphore", "state",
                Map.of("value", 1L, "initial", 1L));
        add(11, "buyer0", EventKind.ACQUIRED, "Semaphore#1", "value", 0L, "outcome", "at-once");
        add(12, "buyer1", EventKind.ACQUIRE_WAIT, "Semaphore#1", "value", 0L);
        SemaphoreState s = (SemaphoreState) state().primitive("Semaphore#1");
        assertThat(s.holders()).containsExactly(11L);
        assertThat(s.waiters()).containsExactly(12L);
        add(11, "buyer0", EventKind.RELEASED, "Semaphore#1", "value", 1L);
        add(12, "buyer1", EventKind.ACQUIRED, "Semaphore#1", "value", 0L, "outcome", "woke");
        s = (SemaphoreState) state().primitive("Semaphore#1");
        assertThat(s.holders()).containsExactly(12L);
        assertThat(s.value()).isZero();
    }

    @Test
    void anEventWakesItsWaitersAndAWaitOnASetFlagNeverBlocks() {
        startMainAndChildren();
        add(10, "MainProcess", EventKind.NEW, "Event#1", "type", "Event", "state", Map.of("set", false));
        add(11, "buyer0", EventKind.WAIT, "Event#1");
        assertThat(state().process(11).status()).isEqualTo(ProcStatus.BLOCKED);
        add(10, "MainProcess", EventKind.SET, "Event#1", "woken", List.of(11L));
        add(11, "buyer0", EventKind.WOKE, "Event#1", "outcome", "woke");
        add(12, "buyer1", EventKind.WOKE, "Event#1", "outcome", "at-once");
        RunState s = state();
        assertThat(((FlagState) s.primitive("Event#1")).set()).isTrue();
        assertThat(s.process(11).status()).isEqualTo(ProcStatus.RUNNING);
        assertThat(s.process(12).status()).isEqualTo(ProcStatus.RUNNING);
    }

    @Test
    void sleepsJoinsPausesAndSamples() {
        startMainAndChildren();
        add(11, "buyer0", EventKind.SLEEP, null, "seconds", 1.0);
        add(10, "MainProcess", EventKind.JOIN, "buyer0", "child", 11L, "timeout", 2.0);
        assertThat(state().process(11).status()).isEqualTo(ProcStatus.SLEEPING);
        assertThat(state().process(10).blockedOn()).isEqualTo("buyer0");
        add(10, "MainProcess", EventKind.JOIN_END, "buyer0", "child", 11L, "outcome", "timeout");
        add(11, "buyer0", EventKind.SIGNAL, null, "signal", "SIGSTOP", "by", "supervisor");
        add(0, null, EventKind.SAMPLE, null, "procs", List.of(Map.of("pid", 11L, "cpu", 0.5, "rss", 40L << 20,
                "pss", 20L << 20, "uss", 10L << 20, "state", "T")));
        RunState s = state();
        assertThat(s.process(10).status()).isEqualTo(ProcStatus.RUNNING);
        assertThat(s.process(11).status()).isEqualTo(ProcStatus.PAUSED);
        assertThat(s.process(11).usage().pssBytes()).isEqualTo(20L << 20);
        add(11, "buyer0", EventKind.SIGNAL, null, "signal", "SIGCONT", "by", "supervisor");
        assertThat(state().process(11).status()).isEqualTo(ProcStatus.SLEEPING);
    }

    @Test
    void queuesAndPipesCarryTheirItems() {
        startMainAndChildren();
        add(10, "MainProcess", EventKind.NEW, "Queue#1", "type", "Queue", "state", Map.of("maxsize", 2L));
        add(11, "buyer0", EventKind.PUT, "Queue#1", "item", "'a'", "size", 1L);
        add(11, "buyer0", EventKind.PUT, "Queue#1", "item", "'b'", "size", 2L);
        add(12, "buyer1", EventKind.PUT_WAIT, "Queue#1", "item", "'c'");
        add(10, "MainProcess", EventKind.GOT, "Queue#1", "item", "'a'", "size", 1L);
        QueueState q = (QueueState) state().primitive("Queue#1");
        assertThat(q.items().toList()).containsExactly("'b'");
        assertThat(q.putters()).containsExactly(12L);
        add(10, "MainProcess", EventKind.NEW, "Connection#2", "type", "Connection", "state", Map.of("peer",
                "Connection#3"));
        add(10, "MainProcess", EventKind.NEW, "Connection#3", "type", "Connection", "state", Map.of("peer",
                "Connection#2"));
        add(10, "MainProcess", EventKind.SEND, "Connection#2", "to", "Connection#3", "item", "'hello'");
        assertThat(((PipeEndState) state().primitive("Connection#3")).inbox().toList()).containsExactly("'hello'");
        add(11, "buyer0", EventKind.RECV, "Connection#3", "item", "'hello'");
        assertThat(((PipeEndState) state().primitive("Connection#3")).inbox().isEmpty()).isTrue();
    }

    @Test
    void aManagersDictFollowsItsWrites() {
        startMainAndChildren();
        add(10, "MainProcess", EventKind.NEW, "DictProxy#2", "type", "DictProxy", "state", Map.of("manager",
                "Manager#1"), "value", Map.of());
        add(11, "buyer0", EventKind.PROXY_SET, "DictProxy#2", "op", "setitem", "key", "count", "value", 100L);
        add(12, "buyer1", EventKind.PROXY_SET, "DictProxy#2", "op", "setitem", "key", "count", "value", 99L);
        assertThat(((SharedObjectState) state().primitive("DictProxy#2")).contents()).isEqualTo(Map.of("count", 99L));
    }

    @Test
    void aSharedValueAndArrayHoldWhatTheirWritesStored() {
        startMainAndChildren();
        add(10, "MainProcess", EventKind.NEW, "Value#1", "type", "Value", "name", "counter", "state",
                Map.of("typecode", "i", "lock", "RLock#2", "value", 0L));
        add(11, "buyer0", EventKind.READ, "Value#1", "value", 0L);
        add(12, "buyer1", EventKind.READ, "Value#1", "value", 0L);
        add(11, "buyer0", EventKind.WRITE, "Value#1", "value", 1L);
        add(12, "buyer1", EventKind.WRITE, "Value#1", "value", 1L);
        SharedCtypeState v = (SharedCtypeState) state().primitive("Value#1");
        assertThat(v.value()).as("the lost update, as the log shows it").isEqualTo(1L);
        assertThat(v.reads()).isEqualTo(2);
        assertThat(v.writes()).isEqualTo(2);
        assertThat(v.lock()).isEqualTo("RLock#2");

        add(10, "MainProcess", EventKind.NEW, "Array#3", "type", "Array", "state",
                Map.of("typecode", "d", "value", List.of(0.0, 0.0, 0.0)));
        add(11, "buyer0", EventKind.WRITE, "Array#3", "index", 2L, "value", 2.5);
        add(12, "buyer1", EventKind.WRITE, "Array#3", "start", 0L, "stop", 2L, "value", List.of(7.0, 8.0));
        SharedCtypeState a = (SharedCtypeState) state().primitive("Array#3");
        assertThat(a.value()).isEqualTo(List.of(7.0, 8.0, 2.5));
        assertThat(a.lock()).as("made with lock=False").isNull();
        assertThat(a.array()).isTrue();
    }

    @Test
    void aPoolTracksItsInboxWorkersAndResults() {
        startMainAndChildren();
        add(10, "MainProcess", EventKind.NEW, "Pool#1", "type", "Pool", "state", Map.of("processes", 2L));
        add(10, "MainProcess", EventKind.SUBMIT, "Pool#1", "job", 1L, "tasks", 3L);
        add(11, "buyer0", EventKind.TASK, "Pool#1", "job", 1L, "task", 0L, "target", "f", "args", List.of(1L),
                "worker", 11L);
        PoolState p = (PoolState) state().primitive("Pool#1");
        assertThat(p.queued()).isEqualTo(2);
        assertThat(p.running()).containsEntry(11L, "f(1)");
        add(11, "buyer0", EventKind.TASK_DONE, "Pool#1", "job", 1L, "task", 0L, "result", "1");
        p = (PoolState) state().primitive("Pool#1");
        assertThat(p.running()).isEmpty();
        assertThat(p.results()).containsExactly("1/0 = 1");
    }

    @Test
    void theTicketFileAndTheMainExitCodeAreTheRunsOutcome() {
        startMainAndChildren();
        add(11, "buyer0", EventKind.FILE_WRITE, null, "path", "db.json", "count", 0L);
        add(10, "MainProcess", EventKind.EXIT, null, "exitcode", 0L);
        RunState s = state();
        assertThat(s.tickets()).isZero();
        assertThat(s.exitCode()).isZero();
        assertThat(s.finished()).isTrue();
    }

    @Test
    void statesShareWhatAnEventDidNotTouch() {
        startMainAndChildren();
        RunState before = state();
        RunState after = before.apply(new Event(99, 1, 11, 10, "buyer0", EventKind.PRINT, null, Map.of("text", "x")));
        assertThat(after.process(12)).isSameAs(before.process(12));
        assertThat(after.primitives()).isSameAs(before.primitives());
    }
}
