package dev.procession.app.waitfor;

import dev.procession.app.Messages;
import dev.procession.app.stage.StageStyles;
import dev.procession.model.RunState;
import dev.procession.model.WaitCycle;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Above the wait-for graph: the deadlock named as a cycle (or that there is none), and what the edges mean. */
public final class WaitForHeader extends VBox {
    private final Label caption = new Label();

    public WaitForHeader() {
        super(6);
        caption.setId("wait-for-caption");
        caption.getStyleClass().add("wait-for-caption");
        // The whole cycle, however many lines it takes: it is the lesson.
        StageStyles.wrapInFull(caption);
        caption.setMaxWidth(Double.MAX_VALUE);
        FlowPane legend = new FlowPane(18, 4, sample("wait-for-waits", false, Messages.text("waitFor.legend.waits")),
                sample("wait-for-held", false, Messages.text("waitFor.legend.held")),
                sample("wait-for-waits", true, Messages.text("waitFor.legend.cycle")));
        legend.getStyleClass().add("wait-for-legend");
        getChildren().addAll(caption, legend);
    }

    private static Label sample(String kind, boolean inCycle, String text) {
        Line line = new Line(0, 0, 40, 0);
        line.getStyleClass().addAll("wait-for-edge", kind);
        line.pseudoClassStateChanged(WaitForDiagram.IN_CYCLE, inCycle);
        return new Label(text, line);
    }

    public void show(RunState s) {
        WaitCycle cycle = s.deadlock();
        boolean deadlocked = cycle != null;
        caption.pseudoClassStateChanged(WaitForDiagram.IN_CYCLE, deadlocked);
        caption.setGraphic(deadlocked ? new FontIcon(Material2MZ.WARNING) : null);
        caption.setText(deadlocked ? Messages.text("waitFor.deadlock", cycle.describe(s))
                : s.waitForGraph().isEmpty() ? Messages.text("waitFor.empty") : Messages.text("waitFor.none"));
    }

    public String captionText() {
        return caption.getText();
    }
}
