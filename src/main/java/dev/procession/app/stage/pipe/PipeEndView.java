package dev.procession.app.stage.pipe;

import dev.procession.app.Messages;
import dev.procession.app.stage.StageIcons;
import dev.procession.app.stage.StageStyles;
import dev.procession.app.stage.Zone;
import dev.procession.model.PipeEndState;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * One end of the pipe: its name, whether it is open, the process holding it, and the processes
 * waiting in recv() on it, first in line first.
 */
final class PipeEndView extends VBox {
    static final String STYLE = "pipe-end";
    static final String HOLDER_ZONE = "pipe-holder";
    static final String RECEIVERS_ZONE = "pipe-receivers";

    private final Label name = new Label();
    private final Label state = new Label();
    private final Label note = new Label();
    private final Zone holder = new Zone(HOLDER_ZONE, Messages.text("stage.pipe.holder"));
    private final Zone receivers = new Zone(RECEIVERS_ZONE, Messages.text("stage.pipe.receiving"));

    PipeEndView() {
        getStyleClass().add(STYLE);
        name.getStyleClass().add(StageStyles.ZONE_TITLE);
        state.getStyleClass().add(StageStyles.CAPTION);
        note.getStyleClass().add(StageStyles.CAPTION);
        note.setWrapText(true);
        getChildren().addAll(name, state, holder, receivers, note);
    }

    /** Draws {@code end}: {@code holding} its holder when not receiving, {@code waiting} its receivers. */
    void show(PipeEndState end, List<Node> holding, List<Node> waiting, String eofFor, String closedBy) {
        name.setText(end.label() + "  (" + end.ref() + ")");
        boolean closed = end.closed();
        state.setText(closed ? Messages.text("stage.pipe.closed") : Messages.text("stage.pipe.open"));
        state.setGraphic((closed ? StageIcons.CLOSED : StageIcons.PIPE).node());
        pseudoClassStateChanged(StageStyles.ON, closed);
        holder.arrange(holding);
        receivers.arrange(waiting);
        receivers.setTitle(Messages.text("stage.pipe.receiving.count", waiting.size()));
        String text = closedBy == null ? "" : Messages.text("stage.pipe.closedBy", closedBy);
        if (eofFor != null) {
            text += (text.isEmpty() ? "" : "\n") + Messages.text("stage.pipe.eof", eofFor);
        }
        note.setText(text);
        note.setGraphic(eofFor == null ? null : StageIcons.CLOSED.node());
        note.setVisible(!text.isEmpty());
        note.setManaged(!text.isEmpty());
    }

    List<Long> receiverPids() {
        return receivers.pids();
    }

    List<Long> holderPids() {
        return holder.pids();
    }

    String stateText() {
        return state.getText();
    }
}
