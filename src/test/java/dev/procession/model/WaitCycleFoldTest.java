package dev.procession.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The run model's deadlock and wait-for graph, folded from a log written by hand: two processes,
 * two locks in opposite orders. The cycle stands through a kill (a dead holder keeps its lock)
 * and falls at the force-release.
 */
class WaitCycleFoldTest {
    private final List<Event> log = new ArrayList<>();

    private RunState add(long pid, String proc, EventKind kind, String obj, Map<String, Object> data) {
        log.add(new Event(log.size() + 1, log.size() * 1000L, pid, 1, proc, kind, obj, data));
        return RunState.of(log);
    }

    @Test
    void theCycleStandsThroughAKillAndFallsAtTheForceRelease() {
        add(10, "a", EventKind.SPAWN, null, Map.of("parent", "MainProcess", "target", "worker", "daemon", false));
        add(11, "b", EventKind.SPAWN, null, Map.of("parent", "MainProcess", "target", "worker", "daemon", false));
        add(1, "MainProcess", EventKind.NEW, "Lock#1", Map.of("type", "Lock", "name", "lock1", "state", Map.of()));
        add(1, "MainProcess", EventKind.NEW, "Lock#2", Map.of("type", "Lock", "name", "lock2", "state", Map.of()));
        add(10, "a", EventKind.ACQUIRED, "Lock#1", Map.of("outcome", "at-once"));
        add(11, "b", EventKind.ACQUIRED, "Lock#2", Map.of("outcome", "at-once"));
        add(10, "a", EventKind.ACQUIRE_WAIT, "Lock#2", Map.of("holder", 11L));
        RunState closing = add(11, "b", EventKind.ACQUIRE_WAIT, "Lock#1", Map.of("holder", 10L));
        assertThat(closing.deadlock()).as("none until the hub reports it").isNull();
        assertThat(closing.waitForGraph().edges()).containsExactlyInAnyOrder(
                new WaitForGraph.Edge(WaitForGraph.EdgeKind.WAITS_FOR, 11, "Lock#1"),
                new WaitForGraph.Edge(WaitForGraph.EdgeKind.HELD_BY, 10, "Lock#1"),
                new WaitForGraph.Edge(WaitForGraph.EdgeKind.WAITS_FOR, 10, "Lock#2"),
                new WaitForGraph.Edge(WaitForGraph.EdgeKind.HELD_BY, 11, "Lock#2"));

        RunState deadlocked = add(0, null, EventKind.DEADLOCK, "Lock#1",
                Map.of("cycle", List.of(11L, "Lock#1", 10L, "Lock#2"), "names", List.of("b", "lock1", "a", "lock2"),
                        "closedBy", 11L));
        WaitCycle cycle = deadlocked.deadlock();
        assertThat(cycle.pids()).containsExactly(11L, 10L);
        assertThat(cycle.describe(deadlocked)).isEqualTo("b → lock1 → a → lock2 → b");
        assertThat(deadlocked.waitForGraph().edges()).allMatch(cycle::hasEdge);

        RunState killed = add(10, "a", EventKind.EXIT, null, Map.of("exitcode", -9L, "how", "reaped by parent"));
        assertThat(killed.deadlock()).as("a kept lock1: b still waits forever").isEqualTo(cycle);
        RunState abandoned = add(10, "a", EventKind.ABANDONED, "Lock#1", Map.of("holder", 10L));
        assertThat(abandoned.deadlock()).isEqualTo(cycle);

        RunState freed = add(0, null, EventKind.FORCE_RELEASE, "Lock#1",
                Map.of("holder", 10L, "holderAlive", false, "by", "supervisor"));
        assertThat(freed.deadlock()).isNull();
        RunState after = add(11, "b", EventKind.ACQUIRED, "Lock#1", Map.of("outcome", "woke"));
        assertThat(after.deadlock()).isNull();
        assertThat(after.waitForGraph().edges()).contains(
                new WaitForGraph.Edge(WaitForGraph.EdgeKind.HELD_BY, 11, "Lock#1"));
    }
}
