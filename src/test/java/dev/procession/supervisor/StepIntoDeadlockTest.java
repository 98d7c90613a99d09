package dev.procession.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.events.EventLog;
import dev.procession.model.RunState;
import dev.procession.model.WaitCycle;
import dev.procession.scenario.Scenarios;
import dev.procession.testing.DeadlockChecks;
import dev.procession.testing.RealRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Step mode makes the deadlock certain: letting the oldest held call go each time walks every
 * philosopher to their left fork before any reaches for the right one. The same choices take the
 * fixed table to its end.
 */
@EnabledOnOs(OS.LINUX)
class StepIntoDeadlockTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final int MOST_STEPS = 200;

    @Test
    void theOldestFirstWalksTheNaiveTableIntoADeadlockThatIsReportedAtOnce() throws Exception {
        EventLog log = new EventLog();
        try (Run run = Run.startInStepMode("philosophers", params("none"), 1, log)) {
            RunState end = stepOldestToTheEnd(run, log);
            assertThat(end.deadlock()).as("a deadlock stands").isNotNull();
            List<Event> events = log.snapshot();
            Event deadlock = events.stream().filter(e -> e.kind() == EventKind.DEADLOCK).findFirst().orElseThrow();
            DeadlockChecks.detectedAtOnce(events, deadlock);
            assertThat(WaitCycle.of(deadlock).pids()).as("every philosopher in the cycle").hasSize(3);
        }
    }

    @Test
    void theSameChoicesTakeTheOrderedTableToItsEnd() throws Exception {
        EventLog log = new EventLog();
        try (Run run = Run.startInStepMode("philosophers", params("ordered"), 1, log)) {
            RunState end = stepOldestToTheEnd(run, log);
            assertThat(end.deadlock()).isNull();
            assertThat(run.finished().get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isZero();
            assertThat(log.snapshot()).noneMatch(e -> e.kind() == EventKind.DEADLOCK)
                    .filteredOn(e -> e.kind() == EventKind.PRINT).extracting(e -> e.text("text"))
                    .contains("philosopher 0 is full", "philosopher 1 is full", "philosopher 2 is full");
        }
    }

    private static Map<String, Object> params(String fix) {
        return Scenarios.resolve(Scenarios.byId("philosophers"), Map.of("count", "3", "fix", fix));
    }

    /** Lets the oldest held call go whenever the run waits for a choice, until it ends or deadlocks. */
    private static RunState stepOldestToTheEnd(Run run, EventLog log) {
        for (int steps = 0; steps < MOST_STEPS; steps++) {
            RunState[] s = {RunState.EMPTY};
            RealRun.await(LIMIT, () -> {
                s[0] = RunState.of(log.snapshot());
                return s[0].awaitsStep() || s[0].finished() || s[0].deadlock() != null;
            }, "a choice to make, an end or a deadlock");
            if (s[0].finished() || s[0].deadlock() != null) {
                return s[0];
            }
            run.step();
        }
        return fail("neither an end nor a deadlock after " + MOST_STEPS + " steps");
    }
}
