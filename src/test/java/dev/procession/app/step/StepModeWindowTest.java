package dev.procession.app.step;

import static dev.procession.app.WindowFixture.await;
import static dev.procession.app.WindowFixture.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.WindowFixture;
import dev.procession.app.code.CodeView;
import dev.procession.app.run.RunState;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.PendingStep;
import dev.procession.model.ProcStatus;
import dev.procession.supervisor.Run;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Step mode in the window: the toolbar's switch starts the run in it, Page Down lets the oldest
 * held call go (not the next scenario), each process's code cursor sits on the line of its held
 * call, a click on a held process's row lets it go, and switching it off lets the run finish.
 */
class StepModeWindowTest {
    @RegisterExtension
    static final WindowFixture window = new WindowFixture();

    @Test
    void pageDownLetsTheOldestGoAndTheCursorsShowTheHeldCalls() {
        window.choose("tickets");
        // F4, the Run menu's switch: at the test window's 1000 px the toolbar's may be in its overflow.
        window.robot().push(KeyCode.F4);
        assertThat(window.runs().stepModeProperty().get()).isTrue();
        Run run = window.start("tickets", Map.of("buyers", "2", "stock", "1", "lock", "false"), 1);

        // Only the main program at first: it is held before it writes the stock.
        PendingStep first = awaitChoice();
        assertThat(first.proc()).isEqualTo("MainProcess");
        assertCursorOn(first);
        window.robot().push(KeyCode.PAGE_DOWN);
        await("main's held call to go", () -> stepsOf(run).stream().anyMatch(e -> e.pid() == first.pid()
                && "oldest".equals(e.get("choice"))));
        assertThat(WindowFixture.onFx(() -> window.runs().runProperty().get())).as("still the same run")
                .isSameAs(run);

        // Main waits in join() and both buyers are held before their first read: each cursor is on its call.
        await("the buyers held", () -> window.fold().awaitsStep() && window.fold().steps().pending().size() == 3);
        for (PendingStep held : window.fold().steps().pending()) {
            assertCursorOn(held);
        }
        PendingStep buyer1 = window.fold().steps().pending().stream().filter(p -> "buyer1".equals(p.proc()))
                .findFirst().orElseThrow();
        assertThat(window.cell(buyer1.pid(), "processes.column.status")).isEqualTo("held: waits for your choice");
        window.robot().clickOn(window.row(buyer1.pid()));
        await("buyer1's held call to go by its row", () -> stepsOf(run).stream().anyMatch(e ->
                e.pid() == buyer1.pid() && "chosen".equals(e.get("choice"))));

        window.robot().push(KeyCode.F4);
        await("the run to finish freely", () -> window.runs().stateProperty().get() == RunState.FINISHED);
        assertThat(window.runs().exitCodeProperty().get()).isZero();
        assertThat(window.fold().processes().values()).noneMatch(p -> p.status() == ProcStatus.HELD);
    }

    private static PendingStep awaitChoice() {
        await("the run to wait for a choice", () -> window.fold().awaitsStep());
        return window.fold().steps().oldest();
    }

    private static void assertCursorOn(PendingStep held) {
        CodeView code = window.window().runScreen().workspace().code();
        await(held.proc() + "'s cursor on line " + held.line(), () -> WindowFixture.onFx(() ->
                code.shown() == CodeView.Language.PYTHON && code.cursorsAt(held.line()).stream()
                        .anyMatch(p -> p.pid() == held.pid())));
    }

    private static List<Event> stepsOf(Run run) {
        return events(run, EventKind.STEP, 0);
    }
}
