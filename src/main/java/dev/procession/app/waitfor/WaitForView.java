package dev.procession.app.waitfor;

import dev.procession.app.run.RunPump;
import dev.procession.app.theme.ProcessColors;
import dev.procession.events.Event;
import dev.procession.model.RunState;
import java.util.List;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The live wait-for graph of the run, a dock view: every process and every lock or semaphore,
 * who waits for what and who holds what, with the cycle of a deadlock picked out and named.
 */
public final class WaitForView extends VBox implements RunPump.FrameListener {
    private final WaitForHeader header = new WaitForHeader();
    private final WaitForDiagram diagram = new WaitForDiagram(new PlainMarks(), false);
    private boolean drawn;

    public WaitForView() {
        setId("wait-for-view");
        getStyleClass().add("wait-for-view");
        getStylesheets().addAll(ProcessColors.STYLESHEET, WaitForDiagram.STYLESHEET);
        // Larger than the dock when there are many processes: it scrolls rather than overlap them.
        ScrollPane scroll = WaitForDiagram.scrolling(diagram);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, scroll);
        header.show(RunState.EMPTY);
    }

    @Override
    public void onFrame(RunState before, RunState after, List<Event> events) {
        if (before.primitives() != after.primitives() || before.processes() != after.processes()
                || before.deadlock() != after.deadlock() || !drawn) {
            drawn = true;
            header.show(after);
            diagram.show(after);
        }
    }

    public WaitForHeader header() {
        return header;
    }

    public WaitForDiagram diagram() {
        return diagram;
    }
}
