package dev.procession.scenario;

import static dev.procession.scenario.ScenarioRun.exitOf;
import static dev.procession.scenario.ScenarioRun.printOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.RealRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JoinScenarioTest {
    private static final double SPEED = 5;

    @Test
    void joinWaitsForTheEndAndJoinWithATimeoutGivesUp() throws Exception {
        RealRun.Result r = ScenarioRun.run("join", Map.of(), SPEED);
        long allDone = printOf(r, "MainProcess", "all children done").seq();
        for (String child : new String[] {"Process-1", "Process-2", "Process-3"}) {
            assertThat(exitOf(r, child).seq()).as("%s ended before main went on", child).isLessThan(allDone);
            assertThat(exitOf(r, child).get("exitcode")).isEqualTo(0L);
        }

        // join(2) on a child that sleeps 5 returns with the child still running...
        var gaveUp = printOf(r, "MainProcess", "after join(2), alive: True");
        var longStarted = ScenarioRun.spawnOf(r, "Process-4");
        double waited = (gaveUp.micros() - longStarted.micros()) / 1e6 * SPEED;
        assertThat(waited).as("scenario seconds join(2) waited").isBetween(1.8, 2 + 20.0);
        assertThat(exitOf(r, "Process-4").seq()).isGreaterThan(gaveUp.seq());
        // ...and join() waits for its end.
        var joined = printOf(r, "MainProcess", "after join(), alive: False exitcode: 0");
        assertThat(exitOf(r, "Process-4").seq()).isLessThan(joined.seq());
        assertThat(printOf(r, "Process-4", "long child done").seq()).isLessThan(joined.seq());
    }
}
