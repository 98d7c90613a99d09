package dev.procession.app.narration;

import dev.procession.app.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

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
        private final Label sentence = new Label();
        private final HBox row = new HBox(10, time, sentence);

        SentenceCell() {
            time.getStyleClass().add("narration-time");
            time.setMinWidth(Region.USE_PREF_SIZE);
            sentence.getStyleClass().add("narration-sentence");
            sentence.setWrapText(true);
            sentence.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(sentence, Priority.ALWAYS);
            // Wrap to the list's width instead of widening it (and cutting every sentence short).
            prefWidthProperty().bind(list.widthProperty().subtract(24));
            setMaxWidth(USE_PREF_SIZE);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            latest.addListener((obs, old, now) -> pseudoClassStateChanged(LATEST, getItem() != null && getItem() == now));
        }

        @Override
        protected void updateItem(NarrationLine line, boolean empty) {
            super.updateItem(line, empty);
            pseudoClassStateChanged(LATEST, !empty && line != null && line == latest.get());
            pseudoClassStateChanged(CONCEPT, !empty && line != null && line.seq() == 0);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            boolean concept = line.seq() == 0;
            time.setText(concept ? "" : String.format("%.1f s", line.micros() / 1e6));
            time.setVisible(!concept);
            time.setManaged(!concept);
            sentence.setText(line.text());
            setGraphic(row);
        }
    }
}
