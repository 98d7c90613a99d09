package dev.procession.app.stage.manager;

import dev.procession.app.Messages;
import dev.procession.app.stage.ItemLane;
import dev.procession.app.stage.StageIcons;
import dev.procession.app.stage.StageStyles;
import dev.procession.protocol.PyRepr;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The manager's server process holding the shared dict: the server's element, the dict, its
 * count in large, what was lost, and the proxy calls waiting for the server's answer.
 */
final class ServerView extends VBox {
    static final String STYLE = "manager-server";
    static final String CALLS = "manager-calls";
    static final String DICT = "manager-dict";
    static final String LOST = "lost-updates";

    private final Label title = new Label(Messages.text("stage.manager.server"), StageIcons.SERVER.node());
    private final StackPane serverPlace = new StackPane();
    private final Label dict = new Label();
    private final Label count = new Label();
    private final Label lost = new Label();
    private final ItemLane calls = new ItemLane(CALLS, Messages.text("stage.manager.calls"));

    ServerView() {
        getStyleClass().add(STYLE);
        title.getStyleClass().add(StageStyles.ZONE_TITLE);
        dict.getStyleClass().add(DICT);
        count.getStyleClass().add(StageStyles.BIG_NUMBER);
        lost.getStyleClass().add(LOST);
        lost.setWrapText(true);
        getChildren().addAll(title, serverPlace, dict, count, lost, calls);
    }

    /** Shows {@code server} (null: not started), the dict's {@code contents} and the round's {@code score}. */
    void show(Node server, String name, Map<?, ?> contents, Object countValue, LostUpdates score) {
        if (server == null) {
            serverPlace.getChildren().clear();
        } else if (!serverPlace.getChildren().contains(server)) {
            serverPlace.getChildren().setAll(server);
        }
        dict.setText(contents == null ? Messages.text("stage.manager.dict.notCreated", name)
                : name + " = " + PyRepr.of(contents));
        count.setText(countValue == null ? "?" : String.valueOf(countValue));
        lost.setText(score == null ? " " : score.text());
        boolean warn = score != null && score.lost() > 0;
        lost.getStyleClass().remove(StageStyles.WARNING);
        if (warn) {
            lost.getStyleClass().add(StageStyles.WARNING);
        }
        lost.setGraphic(warn ? StageIcons.WARNING.node() : null);
    }


    ItemLane calls() {
        return calls;
    }

    String countText() {
        return count.getText();
    }

    String lostText() {
        return lost.getText();
    }
}
