package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Python is the yardstick: each scenario's listing runs under {@code python3} and the scenario
 * in Procession, and both must print the same lines. PIDs (any number that is the PID of a
 * process of that run) and the order in which processes print are not compared; where Python's
 * own output varies from run to run (a race, a random sleep), the table below masks that part.
 * Every listing starts at once, before the first Procession run, so the Python runs (which
 * mostly sleep) overlap the Procession ones. Skipped when there is no {@code python3}.
 */
class PythonOutputTest {
    private static final Duration PYTHON_LIMIT = Duration.ofSeconds(90);
    private static final Map<String, PythonRun> PYTHON = new ConcurrentHashMap<>();

    @TempDir
    static Path work;

    /**
     * How to compare one scenario: its settings (defaults unless named) and speed in Procession.
     * {@code distinct}: compare the set of different lines, where how many times a line is printed
     * depends on timing in Python too (a daemon's loop). {@code unsure}: lines that neither run is
     * sure to print, left out on both sides. {@code masks}: parts of lines that vary, replaced by #.
     * {@code edits}: for a variant, the listing's line of settings as the course says to change it
     * (the whole text before, the whole text after), so that Python runs the same variant.
     */
    record Comparison(String scenario, Map<String, String> settings, double speed, boolean distinct,
                      Pattern unsure, List<Pattern> masks, Map<String, String> edits) {
        Comparison(String scenario, Map<String, String> settings, double speed, boolean distinct, String... masks) {
            this(scenario, settings, speed, distinct, null, Stream.of(masks).map(Pattern::compile).toList());
        }

        Comparison(String scenario, Map<String, String> settings, double speed, boolean distinct,
                   Pattern unsure, List<Pattern> masks) {
            this(scenario, settings, speed, distinct, unsure, masks, Map.of());
        }

        /** The same comparison with the listing's line {@code from} changed to {@code to}. */
        Comparison editing(String from, String to) {
            return new Comparison(scenario, settings, speed, distinct, unsure, masks, Map.of(from, to));
        }

        /** Tells variants apart: also the key of its Python run. */
        @Override
        public String toString() {
            return edits.isEmpty() ? scenario : scenario + " " + new java.util.TreeMap<>(settings);
        }

        /** The listing Python runs: each edited line must be there. */
        List<String> pythonLines(Listing listing) {
            List<String> lines = listing.lines();
            for (Map.Entry<String, String> edit : edits.entrySet()) {
                assertThat(lines).as("the line %s edits in %s", this, listing.fileName()).contains(edit.getKey());
                lines = lines.stream().map(line -> line.equals(edit.getKey()) ? edit.getValue() : line).toList();
            }
            return lines;
        }

        List<String> normalise(List<String> lines, Set<Long> pids) {
            Stream<String> out = lines.stream().map(line -> mask(line, pids))
                    .filter(line -> unsure == null || !unsure.matcher(line).matches());
            if (distinct) {
                out = out.distinct();
            }
            return out.sorted().toList();
        }

        private String mask(String line, Set<Long> pids) {
            String s = ANSI.matcher(line).replaceAll("").strip();
            s = NUMBER.matcher(s).replaceAll(m -> pids.contains(Long.parseLong(m.group())) ? "PID" : m.group());
            for (Pattern p : masks) {
                s = p.matcher(s).replaceAll("#");
            }
            return s;
        }
    }

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d{1,18}\\b");

    /**
     * Speed 4 where the outcome does not depend on it; lower where another task is still making
     * outcomes independent of the speed (issue 6): a daemon must print before main's code ends,
     * cars must meet both lights.
     */
    static List<Comparison> comparisons() {
        Map<String, String> defaults = Map.of();
        return List.of(
                new Comparison("basics", defaults, 4, false),
                new Comparison("join", defaults, 4, false),
                // How many times the daemon says it is alive depends on when it is stopped.
                new Comparison("daemon", defaults, 2, true),
                // Whether the child is still alive right after terminate() is a race in Python too; and
                // whether a child prints before it is ended 0.5 s after its start is a race with its
                // start-up (python3 on a loaded machine misses it too).
                new Comparison("terminate", defaults, 4, false, Pattern.compile("\\w+ sleeps"),
                        List.of(Pattern.compile("(?<=right after terminate, alive: )\\w+"))),
                // Who gets the ticket and who searched before it was sold vary in Python too; and in
                // Python a search that reads db.json while a buyer rewrites it can crash (JSONDecodeError),
                // so how many searches print varies: the lines are compared as a set, which three buyers
                // print as well as ten.
                new Comparison("tickets", Map.of("buyers", "3"), 4, true, "^\\d+(?= found)", "(?<=remaining: )\\d+",
                        "(?<=bought by )\\d+"),
                new Comparison("ktv", defaults, 4, false),
                // Cars arrive after random sleeps: which of them wait, and how often the light changes, vary.
                new Comparison("traffic-light", defaults, 2, true, "(?<=car)\\d+"),
                // Car0 meets the first red, whole, so it turns back; which others do varies.
                new Comparison("traffic-light", Map.of("patience", "1"), 2, true, "(?<=car)\\d+")
                        .editing("PATIENCE = 0      # try PATIENCE = 1: cars that find a long red turn back",
                                "PATIENCE = 1"),
                new Comparison("queue", defaults, 4, false),
                // Exactly maxsize puts find room, but which children's varies.
                new Comparison("queue", Map.of("maxsize", "2", "nowait", "true"), 4, false, "(?<=child )\\d+",
                        "^\\{\\d+: \\d+\\}$")
                        .editing("    maxsize, delay, nowait = 0, 0, False   # try maxsize = 2, delay = 1; or maxsize = 2,"
                                + " nowait = True", "    maxsize, delay, nowait = 2, 0, True"),
                new Comparison("pipe", defaults, 4, false),
                // How many updates are lost without the lock varies in Python too. Three workers, not ten,
                // print the same two lines and spare the loaded machine seventeen JVMs.
                new Comparison("manager", Map.of("processes", "3", "count", "300"), 4, false,
                        "(?<=without lock )-?\\d+"),
                new Comparison("pool", defaults, 4, false));
    }

    @BeforeAll
    static void startEveryListing() throws IOException {
        assumeTrue(PythonRun.available(), "python3 is not on the PATH: the comparison with Python is skipped");
        Path site = Files.createDirectories(work.resolve("site"));
        Files.writeString(site.resolve("sitecustomize.py"), PythonRun.RECORD_PIDS);
        for (Comparison c : comparisons()) {
            Listing listing = Scenarios.byId(c.scenario()).listing();
            String key = c.toString();
            PYTHON.put(key, PythonRun.start(work.resolve(key.replaceAll("\\W+", "_")), site, listing.fileName(),
                    c.pythonLines(listing)));
        }
    }

    @AfterAll
    static void stopPython() {
        PYTHON.values().forEach(PythonRun::close);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void printsWhatPythonPrints(Comparison c) throws Exception {
        RealRun.Result r = ScenarioRun.run(c.scenario(), c.settings(), c.speed());
        Set<Long> pids = r.of("spawn").stream().map(Event::pid).collect(Collectors.toSet());
        PythonRun python = PYTHON.get(c.toString());
        List<String> expected = c.normalise(python.lines(PYTHON_LIMIT), python.pids());
        assertThat(c.normalise(r.prints(), pids))
                .as("Procession's prints of %s at speed %s (actual) against python3's of %s (expected), normalised;"
                        + " python3's stderr:%n%s", c.scenario(), c.speed(),
                        Scenarios.byId(c.scenario()).listing().fileName(), python.errors())
                .isEqualTo(expected);
    }

    /** One listing running under python3 in a folder of its own (the tickets listing writes db.json there). */
    static final class PythonRun implements AutoCloseable {
        /** Each Python process of the run appends its PID to the file PIDS names (forked children too). */
        static final String RECORD_PIDS = """
                import os
                def _procession_record_pid():
                    with open(os.environ['PROCESSION_TEST_PIDS'], 'a') as f:
                        f.write('%d\\n' % os.getpid())
                _procession_record_pid()
                os.register_at_fork(after_in_child=_procession_record_pid)
                """;

        private final Process process;
        private final Path out;
        private final Path pidFile;

        private PythonRun(Process process, Path out, Path pidFile) {
            this.process = process;
            this.out = out;
            this.pidFile = pidFile;
        }

        static boolean available() {
            return dev.procession.testing.PythonPrograms.available();
        }

        static PythonRun start(Path dir, Path site, String fileName, List<String> lines) throws IOException {
            Files.createDirectories(dir);
            Path script = dir.resolve(fileName);
            Files.writeString(script, String.join("\n", lines) + "\n");
            Path out = dir.resolve("stdout.txt");
            Path pids = dir.resolve("pids.txt");
            ProcessBuilder pb = new ProcessBuilder("python3", script.getFileName().toString()).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(dir.resolve("stderr.txt").toFile());
            // Unbuffered, as on a terminal: a daemon terminated at exit must not lose what it printed.
            pb.environment().put("PYTHONUNBUFFERED", "1");
            pb.environment().put("PYTHONPATH", site.toString());
            pb.environment().put("PROCESSION_TEST_PIDS", pids.toString());
            return new PythonRun(pb.start(), out, pids);
        }

        List<String> lines(Duration limit) throws Exception {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("python3 did not finish within " + limit + "; printed so far:\n"
                        + Files.readString(out));
            }
            assertThat(process.exitValue()).as("python3's exit code; stderr:%n%s", errors()).isZero();
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        }

        String errors() throws IOException {
            return Files.readString(out.resolveSibling("stderr.txt"));
        }

        Set<Long> pids() throws IOException {
            return Files.readAllLines(pidFile).stream().map(String::strip).filter(s -> !s.isEmpty())
                    .map(Long::parseLong).collect(Collectors.toSet());
        }

        /** Ends the listing and every process it started, if a test gave up on it. */
        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
