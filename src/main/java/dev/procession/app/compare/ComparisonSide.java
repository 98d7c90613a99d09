package dev.procession.app.compare;

import dev.procession.app.Messages;
import dev.procession.app.processes.ProcessActions;
import dev.procession.app.processes.ProcessMenus;
import dev.procession.app.run.RunPump;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.stage.ScenarioStage;
import dev.procession.app.stage.StageFactory;
import dev.procession.events.Event;
import dev.procession.model.RunState;
import dev.procession.supervisor.Run;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One side of a comparison: its caption, the scenario's stage fed by a pump of its own from its
 * own run's log, and the run's state. Its processes have the same menus as in a single run.
 */
final class ComparisonSide extends VBox {
    private final RunViewModel runs;
    private final RunPump pump = new RunPump();
    private final ProcessMenus menus;
    private final StackPane stageHolder = new StackPane();
    private final Label caption = new Label();
    private final ChangeListener<Run> runListener = (obs, old, run) -> follow(run);
    private ScenarioStage stage;
    private RunPump.FrameListener stageFeed;

    ComparisonSide(RunViewModel runs, String id) {
        this.runs = runs;
        setId(id);
        getStyleClass().add(CompareStyles.SIDE);
        // A per-process action that failed (the process had exited) is said where the run's failure is.
        Label refused = new Label();
        refused.getStyleClass().add(CompareStyles.FAILURE);
        refused.visibleProperty().bind(refused.textProperty().isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        ProcessActions actions = new ProcessActions(runs.front(), runs.runProperty()::get,
                error -> refused.setText(error.getMessage()));
        menus = new ProcessMenus(actions, pid -> pump.state().process(pid));
        caption.getStyleClass().add(CompareStyles.CAPTION);
        caption.setId(id + "-caption");
        Label state = new Label();
        state.setId(id + "-state");
        state.getStyleClass().add(CompareStyles.STATE);
        state.textProperty().bind(Bindings.createStringBinding(
                () -> runs.stateProperty().get().describe(runs.exitCodeProperty().get()),
                runs.stateProperty(), runs.exitCodeProperty()));
        Label failure = new Label();
        failure.getStyleClass().add(CompareStyles.FAILURE);
        failure.setWrapText(true);
        failure.textProperty().bind(runs.failureProperty());
        failure.visibleProperty().bind(runs.failureProperty().isNotNull());
        failure.managedProperty().bind(failure.visibleProperty());
        VBox.setVgrow(stageHolder, Priority.ALWAYS);
        getChildren().addAll(caption, state, failure, refused, stageHolder);
        runs.runProperty().addListener(runListener);
        follow(runs.runProperty().get());
    }

    void setCaption(String text) {
        caption.setText(text);
    }

    /** A new run gets a new stage from its first event; no run keeps the last one on screen. */
    private void follow(Run run) {
        if (run == null) {
            pump.stop();
            return;
        }
        dropStage();
        List<Event> first = run.log().since(0);
        String scenario = first.isEmpty() ? null : RunState.EMPTY.apply(first.getFirst()).header().scenario();
        ScenarioStage next = StageFactory.forScenario(scenario, pid -> { }, menus::menuFor);
        stage = next;
        stageFeed = (before, after, events) -> next.show(after, events, after.speed());
        pump.addListener(stageFeed);
        stageHolder.getChildren().setAll(next.node());
        pump.follow(run.log());
    }

    private void dropStage() {
        if (stage != null) {
            pump.removeListener(stageFeed);
            stage.dispose();
            stage = null;
            stageHolder.getChildren().clear();
        }
    }

    /** The run as this side's stage last showed it. */
    RunPump pump() {
        return pump;
    }

    /** Lets go of the run: the comparison left the window. */
    void dispose() {
        runs.runProperty().removeListener(runListener);
        pump.stop();
        dropStage();
    }
}
