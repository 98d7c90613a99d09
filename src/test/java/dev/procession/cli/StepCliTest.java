package dev.procession.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.CliProcess;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --step}: choices read from standard input reproduce an interleaving. */
@EnabledOnOs(OS.LINUX)
class StepCliTest {
    @TempDir
    Path work;

    /**
     * The main program writes the stock (Enter: the oldest); buyer0 [1] and then buyer1 [2] search
     * and read the stock to buy, each held just after it read; a bad choice in between is refused and
     * asked again; then they run freely and both buy the one ticket.
     */
    @Test
    void aScriptOfChoicesForcesTheRaceWithoutTheLock() throws Exception {
        try (CliProcess cli = CliProcess.start(work, false, "run", "tickets", "--set", "buyers=2", "--set",
                "lock=false", "--step")) {
            try (OutputStream in = cli.process().getOutputStream()) {
                in.write("\n1\n9\n2\nfree\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.output()).isZero();
            String out = cli.stdout();
            assertThat(out).contains("-- step: [0] MainProcess: file-write", "ticket bought by 0",
                    "ticket bought by 1", "tickets left: 0", "step mode off");
            assertThat(out).containsPattern("buyer0 \\[\\d+\\] +goes: file-read \\(chosen\\)");
            assertThat(cli.stderr()).contains("'9' is not a waiting process; choose one of");
        }
    }

    /** The end of the input lets the run go on freely. */
    @Test
    void theEndOfTheInputRunsFreely() throws Exception {
        try (CliProcess cli = CliProcess.start(work, false, "run", "tickets", "--set", "buyers=2", "--step")) {
            cli.process().getOutputStream().close();
            assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.output()).isZero();
            assertThat(cli.stdout()).contains("step mode off", "tickets left: 0").containsOnlyOnce("-- step:");
        }
    }
}
