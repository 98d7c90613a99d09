package dev.procession.app.narration;

import dev.procession.app.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

/**
 * The narration, one sentence a line, the newest last and marked; it follows the newest unless
 * the reader selected a line to read. Large type: the teacher reads it aloud from the back.
 */
public final class NarrationView extends BorderPane {
    private static final PseudoClass LATEST = PseudoClass.getPseudoClass("latest");
    private static final PseudoClass CONCEPT = PseudoClass.getPseudoClass("concept");

    private final ListView<NarrationLine> list;
    /** The newest sentence; each cell compares itself with it, so no refresh of the list is needed. */
    private final ObjectProperty<NarrationLine> latest = new SimpleObjectProperty<>();

    public NarrationView(NarrationModel model) {
        setId("narration");
        getStyleClass().add("narration");
        list = new ListView<>(model.lines());
        list.setCellFactory(l -> new SentenceCell());
        list.setPlaceholder(new Label(Messages.text("narration.empty")));
        model.lines().addListener((ListChangeListener<NarrationLine>) change -> {
            latest.set(model.lines().isEmpty() ? null : model.lines().getLast());
            if (list.getSelectionModel().isEmpty() && !model.lines().isEmpty()) {
                list.scrollTo(model.lines().size() - 1);
            }
        });
        setCenter(list);
    }

    /** The sentences on screen, for tests. */
    public ListView<NarrationLine> list() {
        return list;
    }

    private final class SentenceCell extends ListCell<NarrationLine> {
        private final Label time = new Label();

        SentenceCell() {
            time.getStyleClass().add("narration-time");
            setWrapText(true);
            // Wrap to the list's width instead of widening it.
            prefWidthProperty().bind(list.widthProperty().subtract(24));
            setMaxWidth(USE_PREF_SIZE);
            latest.addListener((obs, old, now) -> pseudoClassStateChanged(LATEST, getItem() != null && getItem() == now));
        }

        @Override
        protected void updateItem(NarrationLine line, boolean empty) {
            super.updateItem(line, empty);
            pseudoClassStateChanged(LATEST, !empty && line != null && line == latest.get());
            pseudoClassStateChanged(CONCEPT, !empty && line != null && line.seq() == 0);
            if (empty || line == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            time.setText(line.seq() == 0 ? "" : String.format("%.1f s", line.micros() / 1e6));
            setGraphic(line.seq() == 0 ? null : time);
            setText(line.text());
        }
    }
}
