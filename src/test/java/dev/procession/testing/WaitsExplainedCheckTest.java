package dev.procession.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault suites' checker, on short logs written as the hub writes them, whole and broken. */
class WaitsExplainedCheckTest {
    private static final long MAIN = 10;
    private static final long A = 11;
    private static final long B = 12;

    private final List<Event> log = new ArrayList<>();

    private void add(long pid, EventKind kind, String obj, Object... details) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < details.length; i += 2) {
            data.put((String) details[i], details[i + 1]);
        }
        String name = pid == MAIN ? "MainProcess" : "child" + pid;
        log.add(new Event(log.size() + 1, log.size() * 1000L, pid, pid == MAIN ? 1 : MAIN, name, kind, obj, data));
    }

    @BeforeEach
    void mainAndTwoChildren() {
        add(MAIN, EventKind.SPAWN, null, "parent", "supervisor");
        add(MAIN, EventKind.START, null, "target", "main");
        for (long child : List.of(A, B)) {
            add(child, EventKind.SPAWN, null, "parent", "MainProcess", "target", "work", "parentPid", MAIN);
            add(child, EventKind.START, null, "target", "work", "parent", "MainProcess");
        }
    }

    @Test
    void aWaiterBehindAHolderIsExplainedEvenWhenTheHolderDied() {
        add(MAIN, EventKind.NEW, "Lock#1", "type", "Lock");
        add(A, EventKind.ACQUIRED, "Lock#1", "outcome", "at-once");
        add(B, EventKind.ACQUIRE_WAIT, "Lock#1", "holder", A);
        add(MAIN, EventKind.JOIN, "child11", "child", A);
        assertThat(WaitsExplainedCheck.breaches(log)).isEmpty();

        add(A, EventKind.EXIT, null, "exitcode", -9L);
        add(A, EventKind.ABANDONED, "Lock#1", "holder", A);
        add(MAIN, EventKind.JOIN_END, "child11", "child", A, "outcome", "woke");
        WaitsExplainedCheck.check(log);
    }

    @Test
    void aReleaseThatHandsTheLockToNobodyIsCaught() {
        add(MAIN, EventKind.NEW, "Lock#1", "type", "Lock");
        add(A, EventKind.ACQUIRED, "Lock#1", "outcome", "at-once");
        add(B, EventKind.ACQUIRE_WAIT, "Lock#1", "holder", A);
        add(A, EventKind.RELEASED, "Lock#1");
        assertThat(WaitsExplainedCheck.breaches(log)).containsExactly("child12 (pid 12) blocked on Lock#1: the lock is free");
        assertThatThrownBy(() -> WaitsExplainedCheck.check(log)).hasMessageContaining("the lock is free")
                .hasMessageContaining("\"kind\":\"released\"");
    }

    @Test
    void aHolderThatExitsWithoutTheLockMarkedAbandonedIsCaught() {
        add(MAIN, EventKind.NEW, "Lock#1", "type", "Lock");
        add(A, EventKind.ACQUIRED, "Lock#1", "outcome", "at-once");
        add(A, EventKind.EXIT, null, "exitcode", -9L);
        assertThat(WaitsExplainedCheck.breaches(log))
                .containsExactly("Lock#1 held by child11, which exited, but not marked abandoned");
    }

    @Test
    void anEventSetWithoutWakingItsWaiterIsCaught() {
        add(MAIN, EventKind.NEW, "Event#1", "type", "Event", "state", Map.of("set", false));
        add(A, EventKind.WAIT, "Event#1", "waiters", 1L);
        assertThat(WaitsExplainedCheck.breaches(log)).isEmpty();
        add(B, EventKind.SET, "Event#1", "woken", List.of());
        assertThat(WaitsExplainedCheck.breaches(log)).containsExactly(
                "child11 (pid 11) blocked on Event#1: not among its waiters");
    }

    @Test
    void aSemaphoreWithUnitsLeftAndAWaiterIsCaught() {
        add(MAIN, EventKind.NEW, "Semaphore#1", "type", "Semaphore", "state", Map.of("value", 1L));
        add(A, EventKind.ACQUIRED, "Semaphore#1", "value", 0L, "outcome", "at-once");
        add(B, EventKind.ACQUIRE_WAIT, "Semaphore#1", "value", 0L);
        assertThat(WaitsExplainedCheck.breaches(log)).isEmpty();
        add(A, EventKind.RELEASED, "Semaphore#1", "value", 1L);
        assertThat(WaitsExplainedCheck.breaches(log)).containsExactly(
                "child12 (pid 12) blocked on Semaphore#1: the semaphore's value is 1");
    }

    @Test
    void aGetterLeftWaitingBesideAnItemIsCaught() {
        add(MAIN, EventKind.NEW, "Queue#1", "type", "Queue", "state", Map.of("maxsize", 0L));
        add(A, EventKind.GET_WAIT, "Queue#1", "size", 0L);
        assertThat(WaitsExplainedCheck.breaches(log)).isEmpty();
        add(B, EventKind.PUT, "Queue#1", "size", 1L, "item", "'x'", "outcome", "at-once");
        assertThat(WaitsExplainedCheck.breaches(log)).containsExactly(
                "child11 (pid 11) blocked on Queue#1: the queue holds 1 items");
    }

    @Test
    void aJoinOnAChildThatExitedIsCaught() {
        add(MAIN, EventKind.JOIN, "child11", "child", A);
        assertThat(WaitsExplainedCheck.breaches(log)).isEmpty();
        add(A, EventKind.EXIT, null, "exitcode", 0L);
        assertThat(WaitsExplainedCheck.breaches(log)).containsExactly(
                "MainProcess (pid 10) blocked on child11: joins a child that is not alive");
    }

    @Test
    void aPoolResultWaitIsExplainedUntilEveryTaskOfItsJobIsDone() {
        add(MAIN, EventKind.NEW, "Pool#1", "type", "Pool", "state", Map.of("processes", 1L));
        add(MAIN, EventKind.SUBMIT, "Pool#1", "job", 1L, "target", "square", "tasks", 1L);
        add(MAIN, EventKind.WAIT, "Pool#1", "job", 1L);
        add(A, EventKind.TASK, "Pool#1", "job", 1L, "task", 0L, "worker", A, "outcome", "at-once");
        assertThat(WaitsExplainedCheck.breaches(log)).isEmpty();
        add(A, EventKind.TASK_DONE, "Pool#1", "job", 1L, "task", 0L, "result", "4");
        assertThat(WaitsExplainedCheck.breaches(log)).containsExactly(
                "MainProcess (pid 10) blocked on Pool#1: its job's 1 tasks are all done");
    }
}
