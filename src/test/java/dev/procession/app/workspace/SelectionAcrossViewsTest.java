package dev.procession.app.workspace;

import static dev.procession.app.WindowFixture.await;
import static dev.procession.app.WindowFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.WindowFixture;
import dev.procession.app.console.ConsoleLine;
import dev.procession.app.stage.StageStyles;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import dev.procession.testing.RealRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Choosing a process in one view chooses it in all: a row clicked in the process table marks its
 * element on the stage, its swimlane, its console lines and its code cursor; an element clicked on
 * the stage selects its row. The run is paused first, so that every view holds still.
 */
class SelectionAcrossViewsTest {
    private static final PseudoClass SELECTED_PROCESS = PseudoClass.getPseudoClass("selected-process");
    @RegisterExtension
    static final WindowFixture window = new WindowFixture();

    @Test
    @Disabled("unfinished: on the loaded test machine the buyers never showed as paused in the fold within 90 s "
            + "after Pause all (an earlier run without that wait got past the table, stage and timeline marks)")
    void aProcessChosenInOneViewIsMarkedInEveryView() {
        window.start("tickets", Map.of("buyers", "4"), 0.25);
        RunWorkspace views = window.window().runScreen().workspace();
        // Four child JVMs starting on a busy machine can take longer than the fixture's usual wait.
        RealRun.await(Duration.ofSeconds(90), () -> printedBuyers(views).size() >= 2,
                "two buyers that printed their search");
        window.robot().interact(window.runs()::pauseAll);
        RealRun.await(Duration.ofSeconds(90), () -> pausedBuyers(views).size() >= 2, "two of those buyers paused");
        List<Long> buyers = pausedBuyers(views);
        long chosen = buyers.get(0);
        long other = buyers.get(1);

        window.robot().clickOn(window.row(chosen));
        await("the selection to be " + chosen, () -> Long.valueOf(chosen).equals(
                window.window().runScreen().selectedProperty().get()));
        await("the stage element of " + chosen + " marked", () -> onFx(() ->
                window.tag(chosen).getPseudoClassStates().contains(StageStyles.SELECTED)
                        && !window.tag(other).getPseudoClassStates().contains(StageStyles.SELECTED)));
        assertThat(onFx(() -> views.timeline().selectedPid())).as("the marked swimlane").isEqualTo(chosen);
        await("the code cursor of " + chosen + " marked, and only it", () -> onFx(() -> {
            List<Label> cursors = window.robot().from(views.code()).lookup(".code-cursor").queryAllAs(Label.class)
                    .stream().filter(Node::isVisible).toList();
            return cursors.stream().anyMatch(c -> isCursorOf(c, chosen) && marked(c))
                    && cursors.stream().filter(SelectionAcrossViewsTest::marked).allMatch(c -> isCursorOf(c, chosen));
        }));
        show(views.console());
        await("the console lines of " + chosen + " marked, and only they", () -> onFx(() -> {
            List<ListCell<?>> cells = window.robot().from(views.console()).lookup(".list-cell")
                    .match((Predicate<Node>) n -> n instanceof ListCell<?> c && c.getItem() instanceof ConsoleLine)
                    .queryAll().stream().<ListCell<?>>map(n -> (ListCell<?>) n).toList();
            return cells.stream().anyMatch(c -> ((ConsoleLine) c.getItem()).pid() == chosen)
                    && cells.stream().allMatch(c -> marked(c) == (((ConsoleLine) c.getItem()).pid() == chosen));
        }));
        show(views.processes());

        window.robot().clickOn(window.tag(other));
        await("the table's selected row to be " + other, () -> onFx(() -> {
            var row = views.processes().getSelectionModel().getSelectedItem();
            return row != null && row.pid() == other;
        }));
        await("the stage marking " + other + " instead", () -> onFx(() ->
                window.tag(other).getPseudoClassStates().contains(StageStyles.SELECTED)
                        && !window.tag(chosen).getPseudoClassStates().contains(StageStyles.SELECTED)));
        assertThat(onFx(() -> views.timeline().selectedPid())).isEqualTo(other);
    }

    /** The buyers with a line in the console, in the order of their first line. */
    private static List<Long> printedBuyers(RunWorkspace views) {
        return onFx(() -> views.console().shownLines().stream().map(ConsoleLine::pid).distinct()
                .filter(pid -> {
                    ProcState p = window.fold().process(pid);
                    return p != null && "get_ticket".equals(p.role()) && p.alive();
                }).toList());
    }

    private static List<Long> pausedBuyers(RunWorkspace views) {
        return printedBuyers(views).stream()
                .filter(pid -> window.fold().process(pid).status() == ProcStatus.PAUSED).toList();
    }

    /** A code cursor reads "buyer1 4121": the process's name and pid. */
    private static boolean isCursorOf(Label cursor, long pid) {
        return cursor.getText().endsWith(" " + pid);
    }

    private static boolean marked(Node n) {
        return n.getPseudoClassStates().contains(SELECTED_PROCESS);
    }

    /** Brings the tab holding {@code view} to the front, as a click on its tab would. */
    private static void show(Node view) {
        window.robot().interact(() -> {
            Parent p = view.getParent();
            while (p != null && !(p instanceof TabPane)) {
                p = p.getParent();
            }
            TabPane tabs = (TabPane) p;
            tabs.getTabs().stream().filter(t -> t.getContent() == view).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
