package dev.procession.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.events.JsonLinesReader;
import dev.procession.supervisor.Signal;
import dev.procession.supervisor.Signals;
import dev.procession.testing.CliProcess;
import dev.procession.testing.OsProcesses;
import dev.procession.testing.RealRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-locks deadlock from the command line: it prints the cycle in words as soon as it forms,
 * its --json carries the event, and the run then hangs, as Python would, until Ctrl-C stops it.
 */
@EnabledOnOs(OS.LINUX)
class CliDeadlockTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void theCliPrintsTheCycleAndCtrlCEndsTheHungRun() throws Exception {
        try (CliProcess cli = CliProcess.start(work, false, "run", "two-locks")) {
            RealRun.await(WAIT, () -> cli.stdout().contains("deadlock: "), "the deadlock line");
            String line = cli.stdout().lines().filter(l -> l.contains("deadlock: ")).findFirst().orElseThrow();
            assertThat(line).matches(" *\\d+\\.\\d{3}s  hub +deadlock: (a → lock2 → b → lock1 → a|b → lock1 → a → lock2 → b)");
            Set<Long> run = cli.descendants();
            assertThat(cli.process().isAlive()).as("the deadlocked run hangs").isTrue();
            Signals.send(cli.pid(), Signal.INT);
            assertThat(cli.awaitExit(Duration.ofSeconds(20))).as(cli.output()).isEqualTo(128 + 2);
            OsProcesses.awaitGone(run, Duration.ofSeconds(5), "the run's processes after Ctrl-C");
        }
    }

    @Test
    void jsonCarriesTheDeadlockEvent() throws Exception {
        try (CliProcess cli = CliProcess.start(work, false, "run", "two-locks", "--json")) {
            RealRun.await(WAIT, () -> cli.stdout().contains("\"kind\":\"deadlock\""), "the deadlock event");
            Set<Long> run = cli.descendants();
            Signals.send(cli.pid(), Signal.INT);
            cli.awaitExit(Duration.ofSeconds(20));
            OsProcesses.awaitGone(run, Duration.ofSeconds(5), "the run's processes after Ctrl-C");
            Path lines = Files.writeString(work.resolve("out.jsonl"), cli.stdout());
            List<Event> deadlocks = JsonLinesReader.read(lines).stream()
                    .filter(e -> e.kind() == EventKind.DEADLOCK).toList();
            assertThat(deadlocks).singleElement().satisfies(e -> {
                assertThat(e.get("names")).asList().containsExactlyInAnyOrder("a", "b", "lock1", "lock2");
                assertThat(e.get("cycle")).asList().hasSize(4);
            });
        }
    }
}
