package dev.procession.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventLog;
import dev.procession.events.JsonLinesReader;
import dev.procession.events.JsonLinesWriter;
import dev.procession.events.LogFollower;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run saved as JSON Lines and read back folds to the same state, event by event, as live. */
class ReplayTest {
    @TempDir
    Path dir;

    @Test
    void aSavedLogReplaysToTheStatesTheLiveRunShowed() throws Exception {
        Path file = dir.resolve("run.jsonl");
        EventLog log = new EventLog();
        try (JsonLinesWriter writer = JsonLinesWriter.toFile(file);
             LogFollower follower = LogFollower.start(log, writer, "test-writer");
             Run run = Run.start("tickets", Scenarios.resolve(Scenarios.byId("tickets"),
                     Map.of("buyers", "4", "stock", "2")), 4.0, log)) {
            assertThat(run.finished().get(60, TimeUnit.SECONDS)).isZero();
        }
        List<Event> live = log.snapshot();
        List<Event> replayed = JsonLinesReader.read(file);
        assertThat(replayed).hasSameSizeAs(live);
        RunState a = RunState.EMPTY;
        RunState b = RunState.EMPTY;
        for (int i = 0; i < live.size(); i++) {
            a = a.apply(live.get(i));
            b = b.apply(replayed.get(i));
            assertThat(b).as("state after seq %d", i + 1).isEqualTo(a);
        }
        assertThat(b.tickets()).as("tickets left in the database").isZero();
        assertThat(b.exitCode()).isZero();
        assertThat(b.processes().values()).filteredOn(p -> p.role() != null && p.role().equals("get_ticket"))
                .isNotEmpty().allSatisfy(p -> assertThat(p.exitCode()).isZero());
    }
}
