package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.RunState;
import dev.procession.model.SemaphoreState;
import dev.procession.scenario.PythonOutputTest.Comparison;
import dev.procession.scenario.PythonOutputTest.PythonRun;
import dev.procession.supervisor.PythonProgram;
import dev.procession.testing.RealRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The course's nine seed programs (test resources, as shared/seed/python has them), unchanged,
 * under run-python: they print what python3 alone prints (PIDs and what scheduling decides
 * masked, as in {@link PythonOutputTest}), every line their events name is a line of code of the
 * script, the log's tree is the OS tree, and each log passes its scenario's invariants.
 */
class RunPythonSeedTest {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Map<String, PythonRun> PYTHON = new ConcurrentHashMap<>();

    @TempDir
    static Path work;

    static List<Comparison> programs() {
        Map<String, String> none = Map.of();
        return List.of(
                new Comparison("01_daemon.py", none, 2, true),
                new Comparison("02_tickets_lock.py", none, 4, true, "^\\d+(?= found)", "(?<=remaining: )\\d+",
                        "(?<=bought by )\\d+"),
                new Comparison("03_ktv_semaphore.py", none, 4, false),
                new Comparison("04_traffic_light_event.py", none, 4, true, "(?<=car)\\d+"),
                new Comparison("05_queue.py", none, 4, false),
                new Comparison("06_pipe.py", none, 4, false),
                new Comparison("07_manager.py", none, 4, false, "(?<=without lock )-?\\d+"),
                new Comparison("08_pool.py", none, 4, false),
                // Whether the child prints before it is terminated 0.5 s after its start is a race with
                // its start-up, in Python too.
                new Comparison("09_subclass_join_terminate.py", none, 4, false, Pattern.compile("alex runs in .*"),
                        List.of(Pattern.compile("(?<=right after terminate, alive: )\\w+"))));
    }

    @BeforeAll
    static void startEveryProgramUnderPython() throws IOException {
        assumeTrue(PythonRun.available(), "python3 is not on the PATH: run-python is skipped");
        Path site = Files.createDirectories(work.resolve("site"));
        Files.writeString(site.resolve("sitecustomize.py"), PythonRun.RECORD_PIDS);
        for (Comparison c : programs()) {
            PYTHON.put(c.scenario(), PythonRun.start(work.resolve("python-" + c.scenario()), site, c.scenario(),
                    seed(c.scenario())));
        }
    }

    @AfterAll
    static void stopPython() {
        PYTHON.values().forEach(PythonRun::close);
    }

    static List<String> seed(String fileName) throws IOException {
        try (InputStream in = RunPythonSeedTest.class.getResourceAsStream("/dev/procession/python/seed/" + fileName)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void runsUnchangedAndPrintsWhatPythonPrints(Comparison c) throws Exception {
        Path dir = Files.createDirectories(work.resolve("procession-" + c.scenario()));
        Path script = dir.resolve(c.scenario());
        List<String> lines = seed(c.scenario());
        Files.write(script, lines);
        RealRun.Result r = RealRun.runPython(new PythonProgram(script, List.of(), dir), c.speed(), LIMIT);
        assertThat(r.exitCode()).as("main's exit code; errors:%n%s", r.errors()).isZero();
        assertThat(r.of("error")).as("errors raised:%n%s", r.errors()).isEmpty();

        List<Event> inScript = r.events().stream().filter(e -> script.toString().equals(e.get("file"))).toList();
        assertThat(inScript).as("events that name the script's lines").isNotEmpty();
        assertThat(r.events()).as("every line is the script's").allSatisfy(e -> {
            if (e.get("line") != null) {
                assertThat(e.get("file")).isEqualTo(script.toString());
            }
            if (e.get("parentLine") != null) {
                assertThat(e.get("parentFile")).as("the file of p.start()").isEqualTo(script.toString());
            }
        });
        ScenarioRun.checkListingLines(new Listing(c.scenario(), lines, Map.of()), inScript);
        assertTreeIsTheOsTree(r);

        Set<Long> pids = r.of("spawn").stream().map(Event::pid).collect(Collectors.toSet());
        PythonRun python = PYTHON.get(c.scenario());
        assertThat(c.normalise(r.prints(), pids))
                .as("run-python's prints of %s (actual) against python3's (expected); python3's stderr:%n%s",
                        c.scenario(), python.errors())
                .isEqualTo(c.normalise(python.lines(LIMIT), python.pids()));
        switch (c.scenario()) {
            case "01_daemon.py" -> daemonEndsAfterMainsCode(r);
            case "02_tickets_lock.py" -> oneTicketSold(r, dir);
            case "03_ktv_semaphore.py" -> ktvNeverOverTheSeatsAndFills(r);
            case "04_traffic_light_event.py" -> noCarThroughOnRed(r);
            case "07_manager.py" -> assertThat(r.prints()).contains("with lock 0");
            default -> { }
        }
    }

    /** Each child's parent in the log is its parent in the OS: the pid its hello gave as ppid. */
    private static void assertTreeIsTheOsTree(RealRun.Result r) {
        for (Event spawn : r.of("spawn")) {
            if (spawn.get("parentPid") instanceof Long parent) {
                assertThat(spawn.ppid()).as("OS parent of %s", spawn.proc()).isEqualTo(parent);
            }
        }
    }

    private static void daemonEndsAfterMainsCode(RealRun.Result r) {
        Event mainSays = ScenarioRun.printOf(r, "MainProcess", "main process");
        Event term = r.of("signal").stream().filter(e -> "SIGTERM".equals(e.get("signal"))).findFirst()
                .orElseThrow(() -> new AssertionError("the daemon was never terminated:\n" + r.transcript()));
        assertThat(term.get("byLine")).as("sent by no line of the program: by its exit handling").isNull();
        assertThat(term.seq()).as("after main's code").isGreaterThan(mainSays.seq());
        Event joined = r.of("join-end").stream().filter(e -> !term.proc().equals(e.obj())).findFirst().orElseThrow();
        assertThat(term.seq()).as("after main's join of the other child").isGreaterThan(joined.seq());
        assertThat(ScenarioRun.exitCodeOf(r, term.proc())).isEqualTo(-15L);
    }

    private static void oneTicketSold(RealRun.Result r, Path dir) throws IOException {
        assertThat(r.prints()).filteredOn(p -> p.startsWith("ticket bought by")).hasSize(1);
        assertThat(Files.readString(dir.resolve("db"))).isEqualTo("{\"count\": 0}");
    }

    private static void ktvNeverOverTheSeatsAndFills(RealRun.Result r) {
        String sema = ScenarioRun.objectOf(r, "Semaphore");
        int most = 0;
        for (RunState s : r.states()) {
            if (s.primitive(sema) instanceof SemaphoreState room) {
                assertThat(room.holders().size()).as("inside at seq %d", s.seq()).isBetween(0, 4);
                most = Math.max(most, room.holders().size());
            }
        }
        assertThat(most).as("most people inside at once").isEqualTo(4);
    }

    private static final Pattern THROUGH = Pattern.compile("car\\d+ through");

    private static void noCarThroughOnRed(RealRun.Result r) {
        String light = ScenarioRun.objectOf(r, "Event");
        List<Event> through = r.of("print").stream().filter(e -> THROUGH.matcher(e.text("text")).matches()).toList();
        assertThat(through).hasSize(10);
        through.forEach(e -> TrafficLightScenarioTest.assertPassedAtGreen(r.events(), light, e.proc(), e));
        Event over = ScenarioRun.printOf(r, "MainProcess", "The main program is over!");
        Event lightExit = r.of("exit").stream().filter(e -> Long.valueOf(-15).equals(e.get("exitcode")))
                .findFirst().orElseThrow(() -> new AssertionError("no child ended by SIGTERM:\n" + r.transcript()));
        assertThat(lightExit.seq()).as("the daemon light ends after main's code").isGreaterThan(over.seq());
        assertThat(r.of("signal")).filteredOn(e -> e.kind() == EventKind.SIGNAL).singleElement()
                .satisfies(e -> assertThat(e.proc()).isEqualTo(lightExit.proc()));
    }
}
