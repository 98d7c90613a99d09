package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procession.testing.RealRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python is the yardstick for the deadlock listings too: under python3 the naive ones hang (they
 * would end in half a second otherwise), and the fixed ones end and print what Procession prints.
 * Python's output is left buffered, so each process writes its lines at once when it ends and two
 * processes' lines never interleave. Skipped when there is no {@code python3}.
 */
class DeadlockPythonTest {
    /** Twice what a naive listing takes at most when it does not deadlock (every philosopher in turn). */
    private static final long HANG_SECONDS = 10;

    @TempDir
    Path work;

    @Test
    void theNaiveListingsHangUnderPython() throws Exception {
        assumeTrue(PythonOutputTest.PythonRun.available(), "no python3");
        Process philosophers = start("philosophers", Scenarios.byId("philosophers").listing().lines());
        Process twoLocks = start("two-locks", Scenarios.byId("two-locks").listing().lines());
        try {
            assertThat(philosophers.waitFor(HANG_SECONDS, TimeUnit.SECONDS)).as("python3 ended philosophers").isFalse();
            assertThat(twoLocks.isAlive()).as("python3 still runs two-locks").isTrue();
            assertThat(Files.readString(work.resolve("two-locks.err"))).isEmpty();
        } finally {
            stop(philosophers);
            stop(twoLocks);
        }
    }

    @Test
    void theFixedListingsPrintWhatProcessionPrints() throws Exception {
        assumeTrue(PythonOutputTest.PythonRun.available(), "no python3");
        check("philosophers", "ordered", "FIX = 'ordered'");
        check("philosophers", "waiter", "FIX = 'waiter'");
        check("two-locks", "ordered", "ORDERED = True");
    }

    private void check(String id, String fix, String setting) throws Exception {
        List<String> listing = Scenarios.byId(id).listing().lines();
        String name = setting.substring(0, setting.indexOf(' '));
        List<String> edited = listing.stream().map(l -> l.startsWith(name + " = ") ? setting : l).toList();
        assertThat(edited).as("the listing of %s sets %s", id, name).contains(setting).isNotEqualTo(listing);
        Process python = start(id, edited);
        List<String> printed;
        try {
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python3 ends %s with %s", id, setting).isTrue();
            assertThat(python.exitValue()).isZero();
            printed = Files.readAllLines(work.resolve(id + ".out"));
        } finally {
            stop(python);
        }
        RealRun.Result r = ScenarioRun.run(id, Map.of("fix", fix), 4.0);
        assertThat(r.prints().stream().sorted().toList()).as("%s fix=%s against python3", id, fix)
                .isEqualTo(printed.stream().sorted().toList());
    }

    private Process start(String id, List<String> lines) throws Exception {
        Path script = work.resolve(id + ".py");
        Files.writeString(script, String.join("\n", lines) + "\n");
        return new ProcessBuilder("python3", script.toString()).directory(work.toFile())
                .redirectOutput(work.resolve(id + ".out").toFile())
                .redirectError(work.resolve(id + ".err").toFile()).start();
    }

    private static void stop(Process python) throws InterruptedException {
        python.descendants().forEach(ProcessHandle::destroyForcibly);
        python.destroyForcibly();
        python.waitFor(10, TimeUnit.SECONDS);
    }
}
