package dev.procession.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code procession replay FILE}: a saved run printed as {@code run} prints it, and bad files refused. */
class ReplayCommandTest {
    @TempDir
    static Path dir;
    private static Path saved;
    private static List<Event> events;

    @BeforeAll
    static void saveARun() throws Exception {
        RealRun.Result r = RealRun.run("traffic-light", Map.of("cars", 2L, "patience", 0.0), 20, Duration.ofSeconds(60));
        events = r.events();
        saved = dir.resolve("traffic.jsonl");
        Files.writeString(saved, r.transcript(), StandardCharsets.UTF_8);
    }

    @Test
    void aSavedRunPrintsAsRunPrintedIt() {
        StringWriter expected = new StringWriter();
        PrintWriter printer = new PrintWriter(expected, true);
        LogPrinter live = new LogPrinter(printer);
        events.forEach(live);
        printer.flush();
        CliTest.Output o = CliTest.execute("replay", saved.toString());
        assertThat(o.code()).isZero();
        assertThat(o.out()).isEqualTo(expected.toString()).contains("MainProcess");
        assertThat(o.err()).isEmpty();
    }

    @Test
    void withJsonItPrintsTheLogItself() throws Exception {
        CliTest.Output o = CliTest.execute("replay", saved.toString(), "--json");
        assertThat(o.code()).isZero();
        assertThat(o.out().lines().toList()).isEqualTo(Files.readAllLines(saved));
    }

    @Test
    void aCutLastLineIsSaidAndTheRestPrinted() throws Exception {
        String text = Files.readString(saved);
        Path cut = dir.resolve("cut.jsonl");
        Files.writeString(cut, text.substring(0, text.length() - 20));
        CliTest.Output o = CliTest.execute("replay", cut.toString(), "--json");
        assertThat(o.code()).isZero();
        assertThat(o.out().lines()).hasSize(events.size() - 1);
        assertThat(o.err().strip().lines()).singleElement().asString().startsWith("procession: " + cut)
                .contains("shown up to event " + (events.size() - 1));
    }

    @Test
    void aFileThatIsNoRunIsOneLineAndExitTwo() throws Exception {
        Path foreign = dir.resolve("foreign.jsonl");
        Files.writeString(foreign, "{\"hello\": 1}\n");
        for (Path bad : List.of(foreign, dir.resolve("absent.jsonl"), dir)) {
            CliTest.Output o = CliTest.execute("replay", bad.toString());
            assertThat(o.code()).as("%s", bad).isEqualTo(2);
            assertThat(o.out()).isEmpty();
            assertThat(o.err().strip().lines()).as("%s", bad).singleElement().asString().startsWith("procession: ")
                    .contains(bad.toString());
        }
        assertThat(Files.readString(foreign)).isEqualTo("{\"hello\": 1}\n");
    }
}
