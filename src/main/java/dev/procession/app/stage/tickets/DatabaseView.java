package dev.procession.app.stage.tickets;

import dev.procession.app.Messages;
import dev.procession.app.stage.StageIcons;
import dev.procession.app.stage.StageStyles;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The tickets database, db.json, as a document with the count the log last saw written to it. */
final class DatabaseView extends VBox {
    static final String STYLE = "ticket-database";
    static final String UNKNOWN = "?";

    private final Label count = new Label(UNKNOWN);
    private final Label caption = new Label(Messages.text("stage.tickets.db.notWritten"));

    DatabaseView() {
        getStyleClass().add(STYLE);
        Label file = new Label("db.json", StageIcons.DATABASE.node());
        file.getStyleClass().add("database-file");
        count.getStyleClass().add(StageStyles.BIG_NUMBER);
        caption.getStyleClass().add(StageStyles.CAPTION);
        getChildren().addAll(file, count, caption);
    }

    void show(Long tickets) {
        count.setText(tickets == null ? UNKNOWN : String.valueOf(tickets));
        caption.setText(tickets == null ? Messages.text("stage.tickets.db.notWritten")
                : Messages.text("stage.tickets.db.left"));
    }

    String countText() {
        return count.getText();
    }
}
