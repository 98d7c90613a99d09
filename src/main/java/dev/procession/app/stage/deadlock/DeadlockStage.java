package dev.procession.app.stage.deadlock;

import dev.procession.app.Messages;
import dev.procession.app.stage.ProcessTag;
import dev.procession.app.stage.StageBase;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageStyles;
import dev.procession.app.waitfor.PrimitiveMarks;
import dev.procession.app.waitfor.WaitForDiagram;
import dev.procession.app.waitfor.WaitForHeader;
import dev.procession.events.Event;
import dev.procession.model.LockState;
import dev.procession.model.PrimitiveState;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The deadlock scenarios: the processes round a table with the locks between them, each arrow
 * saying who waits for which lock and who holds it. For the philosophers the table is laid, a plate
 * before each and a fork between each two plates; a philosopher in the deadlock's cycle is
 * marked, and the cycle named above the table. A process's menu kills it; a fork's lock is
 * force-released from the Primitives view, as the caption reminds.
 */
public final class DeadlockStage extends StageBase {
    private final WaitForHeader header = new WaitForHeader();
    private final WaitForDiagram diagram;
    private final Label hint = new Label();
    private final PrimitiveMarks locks = new PrimitiveMarks("stage-");
    private final boolean philosophers;

    public DeadlockStage(StageContext context, boolean philosophers) {
        super(context, philosophers ? "philosophers-stage" : "two-locks-stage", new VBox(8));
        this.philosophers = philosophers;
        diagram = new WaitForDiagram(new TagMarks(), philosophers);
        VBox content = (VBox) layoutRoot();
        content.getStylesheets().add(WaitForDiagram.STYLESHEET);
        hint.setId("deadlock-hint");
        StageStyles.wrapInFull(hint);
        hint.getStyleClass().add("stage-caption");
        // The table takes the room there is and scrolls on its own when that is less than it needs,
        // so the caption above it always wraps to the stage's width.
        ScrollPane table = WaitForDiagram.scrolling(diagram);
        VBox.setVgrow(table, Priority.ALWAYS);
        content.getChildren().addAll(header, hint, table);
        ((ScrollPane) node()).setFitToHeight(true);
    }

    @Override
    protected void draw(RunState state, List<Event> newEvents) {
        header.show(state);
        boolean stuck = state.deadlock() != null && !state.finished();
        hint.setText(stuck ? Messages.text("stage.deadlock.hint") : null);
        hint.setVisible(stuck);
        hint.setManaged(stuck);
        diagram.show(state);
    }

    public WaitForHeader header() {
        return header;
    }

    public WaitForDiagram diagram() {
        return diagram;
    }

    /** The stage's processes are its clickable tags; its locks are forks (or padlocks) with their names. */
    private final class TagMarks implements WaitForDiagram.Marks {
        @Override
        public Node process(ProcState p, RunState s, boolean inCycle) {
            ProcessTag tag = tags.of(p.pid(), pid -> new ProcessTag(pid, philosophers ? "philosopher" : "worker"));
            tag.update(p, s);
            tag.pseudoClassStateChanged(WaitForDiagram.IN_CYCLE, inCycle);
            return tag;
        }

        @Override
        public Node primitive(PrimitiveState p, RunState s, boolean inCycle) {
            return locks.mark(p, inCycle, philosophers && p instanceof LockState ? Material2MZ.RESTAURANT : null);
        }
    }
}
