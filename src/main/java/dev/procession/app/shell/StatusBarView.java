package dev.procession.app.shell;

import dev.procession.app.Messages;
import dev.procession.app.run.RunState;
import dev.procession.app.run.RunStatus;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.theme.Styles;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The bottom line: run state, live processes, total memory and scenario time; a dash until measured. */
final class StatusBarView extends HBox {
    private static final double MIB = 1024.0 * 1024.0;

    /** @param replaying a saved run is on screen rather than the view model's run */
    StatusBarView(RunViewModel run, javafx.beans.value.ObservableBooleanValue replaying) {
        getStyleClass().add(Styles.STATUS_BAR);
        RunStatus status = run.status();
        Label state = item("status-state", Bindings.createStringBinding(
                () -> replaying.get() ? Messages.text("status.replay")
                        : run.stateProperty().get().describe(run.exitCodeProperty().get()),
                run.stateProperty(), run.exitCodeProperty(), replaying));
        run.failureProperty().addListener((obs, old, now) -> state.pseudoClassStateChanged(Styles.FAILED, now != null));
        Label processes = item("status-processes", measured(status, "status.processes",
                () -> status.liveProcessesProperty().get(), status.liveProcessesProperty()));
        Label memory = item("status-memory", measured(status, "status.memory",
                () -> status.memoryBytesProperty().get() / MIB, status.memoryBytesProperty()));
        Label time = item("status-time", measured(status, "status.time",
                () -> status.scenarioSecondsProperty().get(), status.scenarioSecondsProperty()));
        getChildren().addAll(state, processes, memory, time);
    }

    private static Label item(String id, StringBinding text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(Styles.STATUS_ITEM);
        label.textProperty().bind(text);
        return label;
    }

    /** "Processes: 12", or "Processes: —" while nothing was measured. */
    private static StringBinding measured(RunStatus status, String key, Supplier<Number> value,
                                          Observable figure) {
        return Bindings.createStringBinding(() -> status.knownProperty().get()
                ? Messages.text(key, value.get()) : Messages.text(key + ".unknown"), status.knownProperty(), figure);
    }
}
