package dev.procession.app.workspace;

import static dev.procession.app.WindowFixture.await;
import static dev.procession.app.WindowFixture.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.WindowFixture;
import dev.procession.app.processes.ProcessActions.Kind;
import dev.procession.app.run.RunState;
import dev.procession.app.stage.ProcessTag;
import dev.procession.app.waitfor.WaitForDiagram;
import dev.procession.app.waitfor.WaitForView;
import dev.procession.events.EventKind;
import dev.procession.model.LockState;
import dev.procession.model.WaitCycle;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The naive philosophers in the window: the wait-for graph comes forward when the cycle closes,
 * names it, and marks its edges and philosophers; a killed philosopher's fork keeps the cycle
 * standing, and force-releasing the fork from the Primitives view breaks it and lets the run end.
 */
class DeadlockWindowTest {
    @RegisterExtension
    static final WindowFixture window = new WindowFixture();

    @Test
    void theWaitForGraphShowsTheCycleUntilTheDeadForkIsForceReleased() {
        window.robot().interact(() -> window.window().runScreen().menus().confirmKillProperty().set(false));
        var run = window.start("philosophers", Map.of("count", "3", "fix", "none"), 1);
        await("the deadlock in the fold", () -> window.fold().deadlock() != null);
        WaitCycle cycle = window.fold().deadlock();
        WaitForView view = window.window().runScreen().workspace().waitFor();
        await("the wait-for graph tab brought forward", () -> WindowFixture.onFx(() -> tabOf(view).isSelected()));
        await("the graph to name the cycle", () -> WindowFixture.onFx(() -> view.header().captionText())
                .equals("Deadlock: " + cycle.describe(window.fold())));
        // Three waits-for and three held-by edges make the cycle; all of them are marked.
        await("the cycle's six edges marked", () -> WindowFixture.onFx(() -> inCycle(view.diagram().edgeLines())) == 6);
        for (long pid : cycle.pids()) {
            await("philosopher " + pid + " marked on the stage",
                    () -> WindowFixture.onFx(() -> marked(window.tag(pid))));
        }

        long victim = cycle.pids().getFirst();
        String fork = window.fold().primitives(LockState.class).stream()
                .filter(l -> Long.valueOf(victim).equals(l.holder())).findFirst().orElseThrow().ref();
        window.stageAction(victim, Kind.KILL);
        await("the victim's fork abandoned", () -> !events(run, EventKind.ABANDONED, victim).isEmpty());
        assertThat(window.fold().deadlock()).as("the cycle stands: the dead philosopher's fork stays held")
                .isEqualTo(cycle);
        assertThat(WindowFixture.onFx(() -> view.header().captionText())).startsWith("Deadlock: ");

        // Four tabs may not all fit the side dock's header; the Primitives tab is chosen as its overflow menu would.
        window.robot().interact(() -> tabPane(window.window().runScreen().workspace().inspector()).getSelectionModel()
                .select(tabOf(window.window().runScreen().workspace().inspector())));
        // Three forks' cells may not all fit the dock: the victim's into view, as a person would scroll.
        window.robot().interact(() -> window.window().runScreen().workspace().inspector().scrollTo(fork));
        String button = "#force-release-" + fork.replace('#', '-');
        await("the inspector's force-release button", () -> window.robot().lookup(button).tryQuery().isPresent());
        window.robot().clickOn(button);
        await("the run to finish", () -> window.runs().stateProperty().get() == RunState.FINISHED);
        assertThat(window.fold().deadlock()).isNull();
        window.robot().interact(() -> tabPane(view).getSelectionModel().select(tabOf(view)));
        await("the graph to say there is no cycle", () -> WindowFixture.onFx(() -> view.header().captionText())
                .equals("No cycle of waits: no process is deadlocked."));
        assertThat(WindowFixture.onFx(() -> inCycle(view.diagram().edgeLines()))).isZero();
        assertThat(window.runs().exitCodeProperty().get()).isZero();
    }

    private static TabPane tabPane(Node view) {
        Node n = view;
        while (!(n instanceof TabPane)) {
            n = n.getParent();
        }
        return (TabPane) n;
    }

    private static Tab tabOf(Node view) {
        return tabPane(view).getTabs().stream().filter(t -> t.getContent() == view).findFirst().orElseThrow();
    }

    private static long inCycle(List<Node> edges) {
        return edges.stream().filter(WaitForDiagram::inCycle).count();
    }

    private static boolean marked(ProcessTag tag) {
        return WaitForDiagram.inCycle(tag);
    }
}
