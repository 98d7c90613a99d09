package dev.procession.app.workspace;

import static dev.procession.app.WindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.WindowFixture;
import dev.procession.app.processes.ProcessRow;
import dev.procession.app.run.RunPump;
import dev.procession.app.run.RunState;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.ProcState;
import dev.procession.protocol.Json;
import dev.procession.supervisor.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario opens and runs to its end in the window, at 4x with small parameters. At
 * sampled frames the process table has one row per process of the fold, with the fold's status
 * and exit code; at the end each row's cells show the exit code of the log's {@code exit} event,
 * and the tickets count on the stage is the one in db.json.
 */
class EveryScenarioOnScreenTest {
    private static final double SPEED = 4;
    /** Check one frame in this many (and every frame that ends a process). */
    private static final int SAMPLE_EVERY = 5;
    @RegisterExtension
    static final WindowFixture window = new WindowFixture();
    private final List<String> mismatches = new ArrayList<>();
    private int frames;
    private int checked;

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("basics", Map.of()),
                Arguments.of("join", Map.of("children", "2", "timeout", "0.5", "long", "1")),
                Arguments.of("daemon", Map.of("count", "2", "sleep", "1")),
                Arguments.of("terminate", Map.of("delay", "0.5")),
                Arguments.of("tickets", Map.of("buyers", "3", "stock", "2", "lock", "true")),
                Arguments.of("ktv", Map.of("people", "3", "seats", "2")),
                Arguments.of("traffic-light", Map.of("cars", "2", "period", "1")),
                Arguments.of("queue", Map.of("children", "3", "maxsize", "1", "delay", "0.2")),
                Arguments.of("pipe", Map.of("rounds", "1")),
                Arguments.of("manager", Map.of("processes", "2", "decrements", "5", "count", "100")),
                Arguments.of("pool", Map.of("workers", "2", "tasks", "4", "delay", "0.2")),
                // The naive versions deadlock and never end, as in Python (DeadlockWindowTest).
                Arguments.of("philosophers", Map.of("count", "3", "fix", "ordered")),
                Arguments.of("two-locks", Map.of("fix", "ordered")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void runsToItsEndWithTheTableAgreeingWithTheFold(String scenario, Map<String, String> params) throws Exception {
        RunPump.FrameListener sampler = this::compare;
        WindowFixture.onFx(() -> {
            window.window().runScreen().pump().addListener(sampler);
            return null;
        });
        try {
            Run run = window.start(scenario, params, SPEED);
            Long fileCount = scenario.equals("tickets") ? ticketsInFileAtMainsLastRead(run) : null;
            await(scenario + " to finish", () -> window.runs().stateProperty().get() == RunState.FINISHED);
            assertThat(window.runs().exitCodeProperty().get()).as("main's exit code").isZero();
            await("every process of the fold to have exited", () -> window.fold().finished()
                    && window.fold().processes().values().stream().noneMatch(ProcState::alive));
            List<Event> exits = run.log().snapshot().stream().filter(e -> e.kind() == EventKind.EXIT).toList();
            assertThat(exits).as("one exit per process").hasSize(window.fold().processes().size());
            for (Event exit : exits) {
                String code = String.valueOf(exit.get("exitcode"));
                window.awaitCell(exit.pid(), "processes.column.exit", code::equals, "the exit cell of " + exit.proc());
                window.awaitCell(exit.pid(), "processes.column.status", ("exited " + code)::equals,
                        "the status cell of " + exit.proc());
            }
            if (fileCount != null) {
                await("the stage's count to be db.json's " + fileCount, () -> String.valueOf(fileCount)
                        .equals(window.robot().lookup(".ticket-database .stage-big-number").queryAs(Label.class)
                                .getText()));
            }
        } finally {
            WindowFixture.onFx(() -> {
                window.window().runScreen().pump().removeListener(sampler);
                return null;
            });
        }
        assertThat(mismatches).as("frames where the table disagreed with the fold").isEmpty();
        assertThat(checked).as("frames checked of %d", frames).isPositive();
    }

    /** On the FX thread, after the table took the frame (it was fed first): rows against the fold. */
    private void compare(dev.procession.model.RunState before, dev.procession.model.RunState after, List<Event> events) {
        frames++;
        boolean exitInFrame = events.stream().anyMatch(e -> e.kind() == EventKind.EXIT);
        if (frames % SAMPLE_EVERY != 0 && !exitInFrame) {
            return;
        }
        checked++;
        List<ProcessRow> rows = List.copyOf(window.table().getItems());
        List<Long> rowPids = rows.stream().map(ProcessRow::pid).toList();
        List<Long> foldPids = List.copyOf(after.processes().keySet());
        if (!rowPids.equals(foldPids)) {
            mismatches.add("seq " + after.seq() + ": rows " + rowPids + ", fold " + foldPids);
            return;
        }
        for (ProcessRow row : rows) {
            ProcState p = after.process(row.pid());
            String word = row.statusWordProperty().get();
            String expected = expectedWord(p);
            boolean same = p.status() == dev.procession.model.ProcStatus.BLOCKED ? word.startsWith(expected)
                    : word.equals(expected);
            if (!same || !java.util.Objects.equals(row.proc().exitCode(), p.exitCode())) {
                mismatches.add("seq " + after.seq() + " pid " + p.pid() + ": row '" + word + "' exit "
                        + row.proc().exitCode() + ", fold " + p.status() + " exit " + p.exitCode());
            }
        }
    }

    /** The word a person reads for the fold's status (the blocked ones go on with what they wait for). */
    private static String expectedWord(ProcState p) {
        return switch (p.status()) {
            case STARTING -> "starting";
            case RUNNING -> "running";
            case SLEEPING -> "sleeping";
            case BLOCKED -> "blocked on ";
            case PAUSED -> "paused";
            case ORPHAN -> "orphan";
            case EXITED -> p.exitCode() == null ? "exited (code unknown)" : "exited " + p.exitCode();
            case HELD -> "held: waits for your choice";
        };
    }

    /**
     * Main reads db.json once every buyer has ended, then prints and exits, and the window closes
     * the run (deleting its folder): the file is read the moment the log has that read.
     */
    private static Long ticketsInFileAtMainsLastRead(Run run) throws Exception {
        long main = run.mainPid();
        Event lastRead = WindowFixture.awaitEvent(run, e -> e.kind() == EventKind.FILE_READ && e.pid() == main
                && Long.valueOf(39).equals(e.get("line")));
        try {
            Map<String, Object> json = Json.parseObject(Files.readString(run.dir().resolve("db.json"),
                    StandardCharsets.UTF_8));
            long count = ((Number) json.get("count")).longValue();
            assertThat(count).as("db.json against main's read in the log").isEqualTo(lastRead.get("count"));
            return count;
        } catch (NoSuchFileException e) {
            throw new AssertionError("the run's folder was gone before db.json could be read", e);
        }
    }
}
