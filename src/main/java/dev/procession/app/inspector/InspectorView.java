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
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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
    private final javafx.beans.value.ObservableBooleanValue replaying;
    /** The fold as of the last frame; each cell redraws its primitive in place when it changes. */
    private final ObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.EMPTY);

    /** @param replaying a saved run is shown: its locks cannot be freed, and the button says why */
    public InspectorView(Consumer<String> forceRelease, javafx.beans.value.ObservableBooleanValue replaying) {
        this.forceRelease = forceRelease;
        this.replaying = replaying;
        setId("inspector");
        getStyleClass().add("inspector");
        setItems(refs);
        setPlaceholder(new Label(Messages.text("inspector.none")));
        setCellFactory(l -> new PrimitiveCell());
    }

    @Override
    public void onFrame(RunState before, RunState after, List<Event> events) {
        if (before.primitives() != after.primitives() || before.processes() != after.processes()
                || before.deadlock() != after.deadlock()) {
            state.set(after);
        }
        if (!refs.equals(List.copyOf(after.primitives().keySet()))) {
            refs.setAll(after.primitives().keySet());
        }
    }

    private static boolean abandoned(PrimitiveState p) {
        return p instanceof LockState l && l.abandonedBy() != null
                || p instanceof SemaphoreState s && !s.abandonedBy().isEmpty();
    }

    /**
     * One primitive. Its nodes are made once and redrawn in place at each frame that changes the
     * run (every sample does): a list refresh would make new cells and buttons, and a click whose
     * press and release fell on either side of it would be lost.
     */
    private final class PrimitiveCell extends ListCell<String> {
        private final Label title = new Label();
        private final Label body = new Label();
        private final Button release = new Button(Messages.text("inspector.forceRelease"));
        private final VBox box = new VBox(4, title, body, release);
        private String releaseRef;

        PrimitiveCell() {
            title.getStyleClass().add("inspector-title");
            body.setWrapText(true);
            body.getStyleClass().add("inspector-body");
            release.setTooltip(new Tooltip(Messages.text("inspector.forceRelease.tooltip")));
            release.disableProperty().bind(replaying);
            // A disabled button shows no tooltip: the reason goes beside it.
            Label why = new Label(Messages.text("process.replaying"));
            why.visibleProperty().bind(javafx.beans.binding.Bindings.and(replaying, release.visibleProperty()));
            why.managedProperty().bind(why.visibleProperty());
            why.setWrapText(true);
            box.getChildren().add(why);
            release.setOnAction(e -> {
                if (releaseRef != null) {
                    forceRelease.accept(releaseRef);
                }
            });
            state.addListener((obs, old, now) -> show(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(String ref, boolean empty) {
            super.updateItem(ref, empty);
            show(ref, empty);
        }

        private void show(String ref, boolean empty) {
            RunState run = state.get();
            PrimitiveState p = ref == null ? null : run.primitive(ref);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            title.setText(p.type() + "  " + p.label() + (p.name() == null ? "" : "  (" + p.ref() + ")"));
            body.setText(PrimitiveText.describe(p, run));
            // A lock of a deadlock may be freed too, held by a live process: the other way to break the cycle.
            boolean abandoned = abandoned(p) || run.deadlock() != null && run.deadlock().involves(p.ref());
            pseudoClassStateChanged(ABANDONED, abandoned);
            releaseRef = abandoned ? p.ref() : null;
            release.setId(abandoned ? "force-release-" + p.ref().replace('#', '-') : null);
            release.setVisible(abandoned);
            release.setManaged(abandoned);
            setText(null);
            setGraphic(box);
        }
    }

    private static final javafx.css.PseudoClass ABANDONED = javafx.css.PseudoClass.getPseudoClass("abandoned");
}
