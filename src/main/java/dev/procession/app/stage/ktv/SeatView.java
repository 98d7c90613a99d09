package dev.procession.app.stage.ktv;

import dev.procession.app.Messages;
import dev.procession.app.Children;
import dev.procession.app.stage.StageIcons;
import dev.procession.app.stage.StageStyles;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One seat of the room: its number, and the person in it with how long they have sat there. */
final class SeatView extends VBox {
    static final String STYLE = "seat";
    static final String FREE_WORD = Messages.text("stage.ktv.seat.free");

    private final Label number = new Label();
    private final StackPane place = new StackPane();
    private final Label time = new Label();
    private final Label free = new Label(FREE_WORD);

    SeatView(int index) {
        getStyleClass().add(STYLE);
        number.setText(Messages.text("stage.ktv.seat", index + 1));
        number.setGraphic(StageIcons.SEAT.node());
        number.getStyleClass().add(StageStyles.CAPTION);
        time.getStyleClass().add(StageStyles.CAPTION);
        free.getStyleClass().add("seat-free");
        place.getStyleClass().add("seat-place");
        place.getChildren().add(free);
        getChildren().addAll(number, place, time);
    }

    /** Seats {@code person} (null: the seat is free), who has sat for {@code seconds}. */
    void seat(Node person, double seconds) {
        if (person == null) {
            Children.arrange(place.getChildren(), List.of(free));
            time.setText(" ");
            pseudoClassStateChanged(StageStyles.ON, false);
            return;
        }
        if (!place.getChildren().contains(person)) {
            place.getChildren().setAll(person);
        }
        time.setText(Messages.text("stage.ktv.seat.time", seconds));
        pseudoClassStateChanged(StageStyles.ON, true);
    }

    boolean taken() {
        return !place.getChildren().contains(free);
    }

    Node person() {
        return taken() ? place.getChildren().getFirst() : null;
    }
}
