package dev.procession.cli;

import dev.procession.events.EventKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.JsonLinesReader;
import dev.procession.protocol.Json;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import dev.procession.testing.CliProcess;
import dev.procession.testing.OsProcesses;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line: in-process where nothing is spawned, in a JVM of its own where a run starts. */
class CliTest {
    private static final String[] QUICK_RUN = {"run", "traffic-light", "--set", "cars=2", "--speed", "20"};

    @TempDir
    Path work;

    @Test
    void listShowsEveryScenario() {
        Output o = execute("list");
        assertThat(o.code).isZero();
        assertThat(o.err).isEmpty();
        for (Scenario s : Scenarios.all()) {
            assertThat(o.out).contains(s.id()).contains(s.title().get("en"));
            s.parameters().forEach(p -> assertThat(o.out).contains(p.name()).contains(p.describe()));
        }
    }

    @Test
    void anUnknownScenarioIsOneLineAndExitTwo() {
        Output o = execute("run", "no-such-thing");
        assertThat(o.code).isEqualTo(2);
        assertThat(o.out).isEmpty();
        assertThat(o.err.strip().lines()).singleElement().asString()
                .startsWith("procession: unknown scenario 'no-such-thing'").contains("traffic-light");
    }

    @ParameterizedTest(name = "--set {0}")
    @CsvSource(delimiter = '|', value = {
            "nope=3        | 'nope'  | cars (an integer from 1 to 100)",
            "cars=101      | 'cars'  | an integer from 1 to 100",
            "cars=0        | 'cars'  | an integer from 1 to 100",
            "cars=two      | 'cars'  | an integer from 1 to 100",
            "cars=2.5      | 'cars'  | an integer from 1 to 100",
            "period=-1     | 'period' | a number from 0.1 to 30",
            "period=NaN    | 'period' | a number from 0.1 to 30",
            "period=fast   | 'period' | a number from 0.1 to 30",
            "cars=٣        | 'cars'  | an integer from 1 to 100",
            "cars=+3       | 'cars'  | an integer from 1 to 100",
            "period=1e1    | 'period' | a number from 0.1 to 30",
            "period=0x1p1  | 'period' | a number from 0.1 to 30",
            "period=2d     | 'period' | a number from 0.1 to 30",
            "period=Infinity | 'period' | a number from 0.1 to 30",
            "cars          | 'cars'  | cars (an integer from 1 to 100)",
            "=5            | '=5'    | KEY=VALUE",
    })
    void aBadSetIsExitTwoNamingTheParameterAndItsBounds(String setting, String names, String bounds) {
        Output o = execute("run", "traffic-light", "--set", setting);
        assertThat(o.code).as(o.err).isEqualTo(2);
        assertThat(o.err.strip().lines()).singleElement().asString()
                .startsWith("procession: ").contains(names).contains(bounds);
    }

    @ParameterizedTest(name = "--speed {0}")
    @CsvSource({"0", "-1", "1000", "NaN", "fast", "''", "100f", "0x1.9p6", "+2", "1e1", "٢"})
    void aBadSpeedIsExitTwo(String speed) {
        Output o = execute("run", "traffic-light", "--speed", speed);
        assertThat(o.code).as(o.err).isEqualTo(2);
        assertThat(o.err.strip().lines()).singleElement().asString().startsWith("procession: ").contains("--speed");
    }

    @Test
    void aRepeatedSetKeyIsExitTwo() {
        Output o = execute("run", "traffic-light", "--set", "cars=3", "--set", "cars=4");
        assertThat(o.code).as(o.err).isEqualTo(2);
        assertThat(o.err.strip().lines()).singleElement().asString().contains("cars").contains("twice");
    }

    /** Before: a stack trace (exit 1) once the run had started. Now one line and nothing started. */
    @ParameterizedTest(name = "--events ''{0}''")
    @CsvSource({"no-such-folder/events.jsonl, does not exist", "., is a folder", "'', empty"})
    void aBadEventsFileIsExitTwoBeforeTheRunStarts(String file, String says) {
        String path = file.startsWith("no-such") ? work.resolve(file).toString() : file;
        Output o = execute("run", "traffic-light", "--events", path);
        assertThat(o.code).as(o.err).isEqualTo(2);
        assertThat(o.out).as("nothing ran").isEmpty();
        assertThat(o.err.strip().lines()).singleElement().asString().startsWith("procession: --events").contains(says);
    }

    /** Before: the run played to its end and the lost log was told only then. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void anEventsFileThatCannotBeWrittenStopsTheRunAtOnce() throws Exception {
        try (CliProcess cli = CliProcess.start(work, false, "run", "traffic-light", "--events", "/dev/full")) {
            assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.output()).isEqualTo(1);
            assertThat(cli.stdout()).as("the run did not play on").doesNotContain("The main program is over!");
            assertThat(cli.output()).contains("could not write the event log to /dev/full")
                    .contains("the run was stopped at once");
        }
    }

    /**
     * An app image built without bin/java cannot start a process: one line, exit 1, nothing left.
     * Before: a stack trace. (java.home is read by Launcher only; the JVM took its own at start.)
     */
    @Test
    void aRuntimeWithoutJavaIsOneLineAndNothingStarted() {
        String home = System.getProperty("java.home");
        Output o;
        System.setProperty("java.home", work.toString());
        try {
            o = execute("run", "ktv");
        } finally {
            System.setProperty("java.home", home);
        }
        assertThat(o.code).as(o.err).isEqualTo(1);
        assertThat(o.err.strip().lines()).singleElement().asString().startsWith("procession: this Java runtime")
                .contains("has no bin/java");
    }

    @Test
    void anUnknownOptionOrCommandIsExitTwo() {
        assertThat(execute("run", "traffic-light", "--colour").code).isEqualTo(2);
        assertThat(execute("fly").code).isEqualTo(2);
        assertThat(execute("run").code).isEqualTo(2);
    }

    @Test
    void aRunWritesItsEventLogAndLeavesNoProcess() throws Exception {
        Path events = work.resolve("events.jsonl");
        try (CliProcess cli = CliProcess.start(work, false, with(QUICK_RUN, "--events", events.toString()))) {
            assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.output()).isZero();
            List<Event> log = JsonLinesReader.read(events);
            assertThat(log).extracting(Event::seq).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, log.size()).boxed().toList());
            assertThat(log).extracting(Event::micros).isSorted();
            assertThat(log.stream().filter(e -> e.kind() == EventKind.START).map(Event::proc))
                    .containsExactlyInAnyOrder("MainProcess", "light", "car0", "car1");
            Event mainExit = log.stream().filter(e -> e.kind() == EventKind.EXIT && "MainProcess".equals(e.proc()))
                    .findFirst().orElseThrow();
            assertThat(mainExit.get("exitcode")).isEqualTo(0L);
            assertThat(cli.stdout()).contains("The main program is over!");
            Set<Long> pids = log.stream().map(Event::pid).filter(p -> p > 0).collect(Collectors.toSet());
            assertThat(OsProcesses.aliveAmong(pids)).as("processes of the finished run").isEmpty();
        }
    }

    @Test
    void jsonPrintsOneValidObjectPerLine() throws Exception {
        try (CliProcess cli = CliProcess.start(work, false, with(QUICK_RUN, "--json"))) {
            assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.output()).isZero();
            List<String> lines = cli.stdout().lines().toList();
            assertThat(lines).isNotEmpty();
            long seq = 0;
            for (String line : lines) {
                Map<String, Object> m = Json.parseObject(line);
                assertThat(m).containsKeys("seq", "t", "pid", "kind");
                assertThat((Long) m.get("seq")).isEqualTo(++seq);
            }
            assertThat(lines).anyMatch(l -> l.contains("\"text\":\"The main program is over!\""));
        }
    }

    private static String[] with(String[] args, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    record Output(int code, String out, String err) {
    }

    static Output execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Output(code, out.toString(), err.toString());
    }
}
