package dev.procession.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.RunState;
import dev.procession.supervisor.Run;
import dev.procession.testing.DeadlockChecks;
import dev.procession.testing.RealRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Only certain deadlocks are reported: a cycle of waits that a timeout will end is none, and a
 * cycle through Semaphores is never certain (any process may release one); RLocks count as Locks.
 * In each case both children hold their first lock before either asks for the second.
 */
class DeadlockDetectionTest {
    private static final String PROGRAM = "test-lock";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aCycleOfWaitsWithTimeoutsEndsByItselfAndIsNoDeadlock() throws Exception {
        RealRun.Result r = RealRun.runCase(PROGRAM, "opposite-orders-timeout");
        assertThat(r.of("timeout")).as("both second acquires time out").hasSize(2);
        assertThat(r.of("deadlock")).isEmpty();
    }

    @Test
    void aCycleThroughSemaphoresIsNotReported() throws Exception {
        RealRun.with(PROGRAM, Map.of("case", "opposite-orders-semaphores"), 1.0, run -> {
            RealRun.await(WAIT, () -> waiting(run) == 2, "both children waiting for their second semaphore");
            assertThat(run.log().snapshot()).noneMatch(e -> e.kind() == EventKind.DEADLOCK);
            return null;
        });
    }

    @Test
    void aCycleOfRLocksIsADeadlock() throws Exception {
        RealRun.with(PROGRAM, Map.of("case", "opposite-orders-rlocks"), 1.0, run -> {
            RealRun.await(WAIT, () -> run.log().snapshot().stream().anyMatch(e -> e.kind() == EventKind.DEADLOCK),
                    "the deadlock event");
            List<Event> events = run.log().snapshot();
            Event deadlock = events.stream().filter(e -> e.kind() == EventKind.DEADLOCK).findFirst().orElseThrow();
            DeadlockChecks.detectedAtOnce(events, deadlock);
            assertThat(deadlock.get("names")).asList().contains("rlock1", "rlock2");
            assertThat(RealRun.fold(events).deadlock()).isNotNull();
            return null;
        });
    }

    private static long waiting(Run run) {
        RunState s = RealRun.fold(run.log().snapshot());
        return s.processes().values().stream().filter(p -> p.blockedOn() != null && p.blockedOn().startsWith("Semaphore"))
                .count();
    }
}
