package dev.procession.app.inspector;

import dev.procession.app.Messages;
import dev.procession.app.run.RunPump;
import dev.procession.events.Event;
import dev.procession.model.LockState;
import dev.procession.model.PrimitiveState;
import dev.procession.model.RunState;
import dev.procession.model.SemaphoreState;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * Every synchronization object of the run with its state from the fold. A lock or semaphore
 * that a dead process left held offers to force-release it (Python has no such thing; the
 * others would wait forever).
 */
public final class InspectorView extends ListView<String> implements RunPump.FrameListener {
    private final ObservableList<String> refs = FXCollections.observableArrayList();
    private final Consumer<String> forceRelease;
    private RunState state = RunState.EMPTY;

    public InspectorView(Consumer<String> forceRelease) {
        this.forceRelease = forceRelease;
        setId("inspector");
        getStyleClass().add("inspector");
        setItems(refs);
        setPlaceholder(new Label(Messages.text("inspector.none")));
        setCellFactory(l -> new PrimitiveCell());
    }

    @Override
    public void onFrame(RunState before, RunState after, List<Event> events) {
        state = after;
        if (!refs.equals(List.copyOf(after.primitives().keySet()))) {
            refs.setAll(after.primitives().keySet());
        }
        if (before.primitives() != after.primitives() || before.processes() != after.processes()) {
            refresh();
        }
    }

    private static boolean abandoned(PrimitiveState p) {
        return p instanceof LockState l && l.abandonedBy() != null
                || p instanceof SemaphoreState s && !s.abandonedBy().isEmpty();
    }

    private final class PrimitiveCell extends ListCell<String> {
        @Override
        protected void updateItem(String ref, boolean empty) {
            super.updateItem(ref, empty);
            PrimitiveState p = ref == null ? null : state.primitive(ref);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(p.type() + "  " + p.label() + (p.name() == null ? "" : "  (" + p.ref() + ")"));
            title.getStyleClass().add("inspector-title");
            Label body = new Label(PrimitiveText.describe(p, state));
            body.setWrapText(true);
            body.getStyleClass().add("inspector-body");
            VBox box = new VBox(4, title, body);
            if (abandoned(p)) {
                pseudoClassStateChanged(ABANDONED, true);
                Button release = new Button(Messages.text("inspector.forceRelease"));
                release.setId("force-release-" + p.ref().replace('#', '-'));
                release.setTooltip(new Tooltip(Messages.text("inspector.forceRelease.tooltip")));
                release.setOnAction(e -> forceRelease.accept(p.ref()));
                box.getChildren().add(release);
            } else {
                pseudoClassStateChanged(ABANDONED, false);
            }
            setText(null);
            setGraphic(box);
        }
    }

    private static final javafx.css.PseudoClass ABANDONED = javafx.css.PseudoClass.getPseudoClass("abandoned");
}
