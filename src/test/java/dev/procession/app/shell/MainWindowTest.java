package dev.procession.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.procession.app.WindowOptions;
import dev.procession.app.run.AsyncControlFront;
import dev.procession.app.run.RunState;
import dev.procession.app.run.RunViewModel;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.Run;
import dev.procession.testing.OsProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window on JavaFX's headless platform, with real runs: every PID checked in /proc. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final Duration GONE_LIMIT = Duration.ofSeconds(15);

    private Stage stage;
    private RunViewModel runs;
    /** Every PID a test saw, so that teardown can prove none is left even when the test failed. */
    private final Set<Long> seen = new LinkedHashSet<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        runs = new RunViewModel(new AsyncControlFront());
        MainWindow.open(stage, new ShellModel(runs), WindowOptions.parse());
    }

    @AfterEach
    void tearDown() {
        runs.closeNow();
        OsProcesses.awaitGone(seen, GONE_LIMIT, "every process of the test's runs ends");
    }

    @Test
    void showsTheAppIconAtEverySizeFrom16To256() {
        assertThat(stage.getIcons()).extracting(i -> (int) i.getWidth(), i -> (int) i.getHeight(), Image::isError)
                .containsExactly(tuple(16, 16, false), tuple(24, 24, false), tuple(32, 32, false),
                        tuple(48, 48, false), tuple(64, 64, false), tuple(128, 128, false), tuple(256, 256, false));
    }

    @Test
    void listsTheScenariosUnderTheirConcepts(FxRobot robot) {
        ScenarioLibrary library = robot.lookup(".scenario-library").queryAs(ScenarioLibrary.class);
        var headings = library.getRoot().getChildren();
        assertThat(headings).extracting(h -> ((ScenarioLibrary.Heading) h.getValue()).group()).containsExactly(
                ScenarioGroup.CREATING, ScenarioGroup.LIFECYCLE, ScenarioGroup.LOCK, ScenarioGroup.SEMAPHORE,
                ScenarioGroup.EVENT, ScenarioGroup.QUEUE, ScenarioGroup.PIPE, ScenarioGroup.MANAGER,
                ScenarioGroup.POOL, ScenarioGroup.DEADLOCK);
        assertThat(headings.stream().flatMap(h -> h.getChildren().stream())
                .map(row -> ((ScenarioLibrary.Lesson) row.getValue()).scenario().id()))
                .containsExactly("basics", "join", "daemon", "terminate", "tickets", "ktv", "traffic-light", "queue",
                        "pipe", "manager", "pool", "philosophers", "two-locks");
        assertThat(robot.lookup("Creating processes").tryQuery()).isPresent();
        assertThat(robot.lookup("Buying tickets (Lock)").tryQuery()).isPresent();
    }

    @Test
    void refusesAnOutOfBoundsValueInPlaceAndKeepsRunDisabled(FxRobot robot) {
        choose(robot, "traffic-light");
        Button run = robot.lookup("#action-run").queryButton();
        assertThat(run.isDisabled()).isFalse();

        TextField cars = robot.lookup("#parameter-cars").queryAs(TextField.class);
        robot.interact(() -> cars.setText("101"));
        Label note = robot.lookup("#parameter-cars-note").queryAs(Label.class);
        assertThat(note.getText()).isEqualTo("parameter 'cars' must be an integer from 1 to 100, got '101'");
        assertThat(cars.getText()).isEqualTo("101");                      // kept as typed, never clamped
        assertThat(run.isDisabled()).isTrue();

        robot.interact(() -> cars.setText("many"));
        assertThat(note.getText()).contains("from 1 to 100");
        assertThat(run.isDisabled()).isTrue();

        robot.interact(() -> cars.setText("3"));
        assertThat(note.getText()).isEqualTo("how many car processes");
        assertThat(run.isDisabled()).isFalse();
    }

    @Test
    void runStartsRealProcessesAndStopLeavesNone(FxRobot robot) throws Exception {
        Run run = startTrafficLight(robot);
        Set<Long> pids = awaitProcesses(run, 3);
        for (long pid : pids) {
            assertThat(OsProcesses.alive(pid)).as("pid %d alive in /proc", pid).isTrue();
            // Children run the child class path: none of the window's libraries.
            assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline"))).doesNotContain("javafx", "atlantafx");
        }

        robot.clickOn("#action-stop");
        await(() -> runs.stateProperty().get() == RunState.STOPPED);
        OsProcesses.awaitGone(pids, GONE_LIMIT, "Stop kills every process of the run");
        assertThat(robot.lookup("#status-state").queryAs(Label.class).getText()).isEqualTo("Stopped");
    }

    @Test
    void resetLeavesNoProcessAndShowsTheScenarioAgain(FxRobot robot) throws Exception {
        Run run = startTrafficLight(robot);
        Set<Long> pids = awaitProcesses(run, 3);

        robot.clickOn("#action-reset");
        await(() -> runs.stateProperty().get() == RunState.IDLE);
        OsProcesses.awaitGone(pids, GONE_LIMIT, "Reset kills every process of the run");
        assertThat(runs.runProperty().get()).isNull();
        // The state turns idle on the FX thread; the introduction comes back in the same turn of it.
        await(() -> robot.lookup("#intro-title").tryQuery().isPresent());
        assertThat(robot.lookup("#intro-title").queryAs(Label.class).getText())
                .isEqualTo(Scenarios.byId("traffic-light").title().get("en"));
        assertThat(robot.lookup("#action-run").queryButton().isDisabled()).as("Run again").isFalse();
    }

    @Test
    void closingTheWindowLeavesNoProcess(FxRobot robot) throws Exception {
        Run run = startTrafficLight(robot);
        Set<Long> pids = awaitProcesses(run, 2);

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        OsProcesses.awaitGone(pids, GONE_LIMIT, "closing the window kills every process of the run");
    }

    private Run startTrafficLight(FxRobot robot) throws TimeoutException {
        choose(robot, "traffic-light");
        robot.interact(() -> {
            robot.lookup("#parameter-cars").queryAs(TextField.class).setText("2");
            robot.lookup("#parameter-period").queryAs(TextField.class).setText("30");
        });
        robot.clickOn("#action-run");
        await(() -> runs.stateProperty().get() == RunState.RUNNING);
        // The status bar follows on the FX thread: a loaded machine may show it a pulse later.
        await(() -> "Running".equals(robot.lookup("#status-state").queryAs(Label.class).getText()));
        return runs.runProperty().get();
    }

    /** Waits until the run has at least {@code count} live processes, and remembers them for teardown. */
    private Set<Long> awaitProcesses(Run run, int count) throws TimeoutException {
        await(() -> {
            seen.addAll(run.livePids());
            return run.livePids().size() >= count;
        });
        Set<Long> pids = run.livePids();
        seen.addAll(pids);
        seen.forEach(OsProcesses::remember);
        return pids;
    }

    /** Clicks the scenario's row in the library, as a user would. */
    private static void choose(FxRobot robot, String scenarioId) {
        robot.clickOn(Scenarios.byId(scenarioId).title().get("en"));
        assertThat(robot.lookup("#intro-title").queryAs(Label.class).getText())
                .isEqualTo(Scenarios.byId(scenarioId).title().get("en"));
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

}
