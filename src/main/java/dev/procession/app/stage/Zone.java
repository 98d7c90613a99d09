package dev.procession.app.stage;

import dev.procession.app.Children;
import java.util.List;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A titled area of a stage holding process elements that wrap onto more rows as they grow in
 * number, so that 1 or 100 processes fit without overlapping or clipping.
 */
public final class Zone extends VBox {
    private final Label title = new Label();
    private final FlowPane items = new FlowPane(8, 8);

    public Zone(String styleClass, String titleText) {
        getStyleClass().addAll(StageStyles.ZONE, styleClass);
        title.getStyleClass().add(StageStyles.ZONE_TITLE);
        title.setText(titleText);
        StageStyles.wrapInFull(title);
        items.setPrefWrapLength(200);
        VBox.setVgrow(items, Priority.ALWAYS);
        getChildren().addAll(title, items);
    }

    /** Fills from the right edge (a queue that ends at a line); the elements read left to right. */
    public Zone fromTheRight() {
        items.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
        return this;
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    public String titleText() {
        return title.getText();
    }

    public List<Node> items() {
        return items.getChildren();
    }

    /** Makes the zone hold exactly {@code wanted}, in that order, moving only what changed. */
    public void arrange(List<? extends Node> wanted) {
        for (Node n : wanted) {
            n.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        }
        Children.arrange(items.getChildren(), wanted);
    }

    /** The pids of the process elements the zone holds, in order. */
    public List<Long> pids() {
        return items.getChildren().stream().map(n -> (Long) n.getProperties().get(StageStyles.PID_KEY)).toList();
    }

    public boolean holds(Node n) {
        return n.getParent() == items;
    }
}
