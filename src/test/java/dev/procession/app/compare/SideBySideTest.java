package dev.procession.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.WindowFixture;
import dev.procession.app.run.RunState;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.shell.ShellModel;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.supervisor.Run;
import dev.procession.testing.OsProcesses;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The side-by-side comparison in the real window: two real runs of one scenario, each its own
 * process tree, driven by the one toolbar, and the sentence under them checked against each log.
 */
class SideBySideTest {
    private static final Duration GONE_LIMIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final WindowFixture window = new WindowFixture();

    private final FxRobot robot = window.robot();
    private final ShellModel shell = window.shell();
    /** Every PID a test saw, so that teardown can prove none is left even when the test failed. */
    private final Set<Long> seen = new LinkedHashSet<>();

    @AfterEach
    void tearDown() {
        shell.comparison().closeNow();
        OsProcesses.awaitGone(seen, GONE_LIMIT, "every process of both runs ends");
        if (shell.comparingProperty().get()) {
            robot.interact(shell::toggleComparison);
        }
    }

    @Test
    void ticketsWithAndWithoutTheLockRunAsTwoProcessTreesAndTheDifferenceIsStated() throws Exception {
        window.choose("tickets");
        robot.interact(() -> mine().lookup("#parameter-buyers").queryAs(TextField.class).setText("3"));
        chooseFromTheMenu("menu-compare");
        await(() -> mine().lookup("#comparison").tryQuery().isPresent());
        assertThat(text(robot, "#comparison-left-caption")).isEqualTo("With the Lock");
        assertThat(text(robot, "#comparison-right-caption")).isEqualTo("Without the Lock");
        assertThat(text(robot, "#comparison-statement")).isEqualTo("Press Run (F5) to start both sides at once.");
        // The Lock is each side's own: the sheet's switch gives way to them and says so.
        assertThat(mine().lookup("#parameter-lock").query().isDisabled()).isTrue();
        assertThat(text(robot, "#parameter-lock-note")).isEqualTo("Each side sets its own: true on the left, false on the right");

        robot.clickOn(mine().lookup("#action-run").queryButton());
        RunViewModel left = shell.comparison().left();
        RunViewModel right = shell.comparison().right();
        await(() -> left.runProperty().get() != null && right.runProperty().get() != null);
        Run withLock = left.runProperty().get();
        Run without = right.runProperty().get();
        assertThat(withLock.mainPid()).isNotEqualTo(without.mainPid());
        await(() -> {
            remember(withLock, without);
            return left.stateProperty().get() == RunState.FINISHED && right.stateProperty().get() == RunState.FINISHED;
        });
        assertThat(withLock.log().since(0).getFirst().get("params").toString()).contains("lock=true");
        assertThat(without.log().since(0).getFirst().get("params").toString()).contains("lock=false");
        // Each side's buyers are children of its own main program: two trees, not one.
        assertThat(buyers(withLock)).hasSize(3).doesNotContainAnyElementsOf(buyers(without));

        long soldWithout = bought(without);
        await(() -> text(robot, "#comparison-statement").startsWith("With the lock"));
        assertThat(bought(withLock)).isEqualTo(1);
        assertThat(text(robot, "#comparison-statement"))
                .isEqualTo("With the lock: 1 sold; without: " + soldWithout + " sold from 1 in stock.");
    }

    @Test
    void theToolbarStopsBothSidesAndTheSameButtonLeavesTheComparison() throws Exception {
        window.choose("manager");
        robot.interact(() -> {
            mine().lookup("#parameter-processes").queryAs(TextField.class).setText("2");
            mine().lookup("#parameter-decrements").queryAs(TextField.class).setText("500");
        });
        chooseFromTheMenu("menu-compare");
        robot.clickOn(mine().lookup("#action-run").queryButton());
        RunViewModel left = shell.comparison().left();
        RunViewModel right = shell.comparison().right();
        await(() -> left.stateProperty().get() == RunState.RUNNING && right.stateProperty().get() == RunState.RUNNING);
        Run a = left.runProperty().get();
        Run b = right.runProperty().get();
        await(() -> {
            remember(a, b);
            return a.livePids().size() >= 3 && b.livePids().size() >= 3;
        });
        Set<Long> pids = new LinkedHashSet<>(a.livePids());
        pids.addAll(b.livePids());
        remember(a, b);

        robot.clickOn(mine().lookup("#action-stop").queryButton());
        await(() -> left.stateProperty().get() == RunState.STOPPED && right.stateProperty().get() == RunState.STOPPED);
        OsProcesses.awaitGone(pids, GONE_LIMIT, "Stop kills every process of both runs");
        assertThat(text(robot, "#comparison-statement"))
                .isEqualTo("A side did not end by itself; run both again to compare.");

        chooseFromTheMenu("menu-compare");
        await(() -> mine().lookup("#intro-title").tryQuery().isPresent());
        assertThat(mine().lookup("#comparison").tryQuery()).isEmpty();
        assertThat(mine().lookup("#parameter-locked").query().isDisabled()).as("the sheet's own again").isFalse();
        assertThat(shell.comparingProperty().get()).isFalse();
    }

    private void remember(Run... runs) {
        for (Run r : runs) {
            seen.addAll(r.livePids());
        }
        seen.forEach(OsProcesses::remember);
    }

    private static List<Long> buyers(Run run) {
        return run.log().since(0).stream().filter(e -> e.kind() == EventKind.START && "get_ticket".equals(e.get("target")))
                .map(Event::pid).toList();
    }

    private static long bought(Run run) {
        return run.log().since(0).stream().filter(e -> e.kind() == EventKind.PRINT
                && e.text("text") != null && e.text("text").startsWith("ticket bought by ")).count();
    }

    private String text(FxRobot robot, String query) {
        return mine().lookup(query).queryAs(Label.class).getText();
    }

    /** Run > Side by side, as a click on the menu item does (a toolbar button may sit in the overflow). */
    private void chooseFromTheMenu(String id) {
        MenuBar bar = mine().lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError("no menu item " + id));
        assertThat(item.isDisable()).as("%s enabled", id).isFalse();
        robot.interact(item::fire);
    }

    /** Lookups in this class's window alone: other test classes' windows may still be open. */
    private NodeQuery mine() {
        return robot.from(window.window().current());
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, condition);
    }
}
