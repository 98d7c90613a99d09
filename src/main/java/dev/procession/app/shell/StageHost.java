package dev.procession.app.shell;

import dev.procession.app.theme.Icons;
import dev.procession.app.theme.Styles;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/**
 * The centre of the window, where a scenario's stage and the shared views go. Before a run it
 * shows the scenario's introduction; a notice (why a run failed) shows above whatever is there.
 */
public final class StageHost extends BorderPane {
    private final ReadOnlyObjectWrapper<Node> content = new ReadOnlyObjectWrapper<>();
    private final Label notice = new Label();

    StageHost() {
        getStyleClass().add(Styles.STAGE_HOST);
        notice.getStyleClass().add(Styles.NOTICE);
        notice.setId("stage-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setGraphic(Icons.ERROR.node());
        content.addListener((obs, old, now) -> setCenter(now));
    }

    /** Puts {@code node} in the centre in place of what was there (null empties it). */
    public void setContent(Node node) {
        content.set(node);
    }

    public ReadOnlyObjectProperty<Node> contentProperty() {
        return content.getReadOnlyProperty();
    }

    /** Shows {@code text} above the content, or hides the notice when {@code text} is null. */
    public void setNotice(String text) {
        notice.setText(text);
        setTop(text == null ? null : notice);
    }
}
