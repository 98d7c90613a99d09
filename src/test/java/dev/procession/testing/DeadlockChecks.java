package dev.procession.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.RunState;
import dev.procession.model.WaitCycle;
import java.util.List;

/** What every test of a deadlock checks of the log: it was reported as soon as its cycle closed. */
public final class DeadlockChecks {
    private DeadlockChecks() {
    }

    /**
     * The deadlock event comes right after the acquire-wait that closed the cycle, and names it:
     * no event of a process comes between (the hub's own bookkeeping may: the scenario clock
     * starting again when that wait was the process's first).
     */
    public static void detectedAtOnce(List<Event> events, Event deadlock) {
        Event before = events.subList(0, (int) deadlock.seq() - 1).reversed().stream()
                .filter(e -> e.pid() != 0).findFirst().orElseThrow();
        assertThat(before.kind()).as("the last event of a process before the deadlock").isEqualTo(EventKind.ACQUIRE_WAIT);
        assertThat(before.pid()).isEqualTo(deadlock.get("closedBy"));
        assertThat(before.obj()).isEqualTo(deadlock.obj());
        assertThat(events.subList((int) before.seq(), (int) deadlock.seq() - 1)).as("between the wait and the deadlock")
                .allMatch(e -> e.kind() == EventKind.CLOCK);
        assertThat(WaitCycle.of(deadlock).pids().getFirst()).isEqualTo(before.pid());
        // Before that wait no cycle stood: the model had none, and the hub reported none.
        RunState justBefore = RealRun.fold(events.subList(0, (int) before.seq() - 1));
        assertThat(justBefore.deadlock()).isNull();
        assertThat(events.subList(0, (int) deadlock.seq() - 1)).noneMatch(e -> e.kind() == EventKind.DEADLOCK);
    }
}
