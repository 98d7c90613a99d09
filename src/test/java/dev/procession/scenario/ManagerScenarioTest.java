package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagerScenarioTest {
    @Test
    void withoutTheLockUpdatesAreLostAndWithItNone() throws Exception {
        // 6 processes x 60 decrements from 360: enough overlap for lost updates, quick on 2 cores.
        RealRun.Result r = ScenarioRun.run("manager",
                Map.of("processes", "6", "decrements", "60", "count", "360"), 1);
        long without = finalCount(r, "without lock");
        long with = finalCount(r, "with lock");
        assertThat(with).as("with the lock every decrement counts").isZero();
        assertThat(without).as("without the lock some decrements are lost").isPositive().isLessThanOrEqualTo(360);
    }

    @Test
    void eachRoundHasItsOwnRealManagerServerProcess() throws Exception {
        RealRun.Result r = ScenarioRun.run("manager", Map.of("processes", "2", "decrements", "3", "count", "6"), 1);
        List<Event> servers = r.of("spawn").stream().filter(e -> e.proc().startsWith("SyncManager-")).toList();
        assertThat(servers).as("one manager server per round").hasSize(2);
        long mainPid = ScenarioRun.pidOf(r, "MainProcess");
        assertThat(servers).allSatisfy(e -> assertThat(e.ppid()).as("server's parent").isEqualTo(mainPid));
        assertThat(finalCount(r, "without lock")).as("lost updates, if any, only raise the count").isBetween(0L, 6L);
        assertThat(finalCount(r, "with lock")).isZero();
    }

    @Test
    void oneRoundAloneRunsWhenTheOtherIsLeftOut() throws Exception {
        RealRun.Result r = ScenarioRun.run("manager",
                Map.of("processes", "2", "decrements", "3", "count", "6", "unlocked", "false"), 1);
        assertThat(r.prints()).as("only the round under the lock, as a comparison's left side").containsExactly("with lock 0");
        assertThat(r.of("spawn").stream().filter(e -> e.proc().startsWith("SyncManager-"))).hasSize(1);
    }

    @Test
    void leavingOutBothRoundsIsRefusedInBothLanguages() {
        assertThatThrownBy(() -> Scenarios.resolve(Scenarios.byId("manager"),
                Map.of("unlocked", "false", "locked", "off")))
                .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.texts()).containsOnlyKeys("en", "zh-Hans"))
                .hasMessage("parameters 'unlocked' and 'locked' are both false: at least one round must run");
    }

    private static long finalCount(RealRun.Result r, String round) {
        String line = r.prints().stream().filter(p -> p.startsWith(round + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + round + "' print in " + r.prints()));
        return Long.parseLong(line.substring(round.length() + 1).trim());
    }
}
