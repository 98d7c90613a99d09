package dev.procession.app.workspace;

import dev.procession.app.processes.ProcessActions;
import dev.procession.app.processes.ProcessMenus;
import dev.procession.app.run.ControlFront;
import dev.procession.app.run.RunPump;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.shell.StageHost;
import dev.procession.app.step.HeldClicks;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import dev.procession.supervisor.Run;
import java.util.function.Consumer;
import dev.procession.app.stage.ScenarioStage;
import dev.procession.app.stage.StageFactory;
import dev.procession.events.Event;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Puts a run on screen: when a run starts, the pump follows its log and the workspace takes the
 * centre of the window; each frame also feeds the status bar. A finished or stopped run stays
 * on screen until the next run or a reset.
 */
public final class RunScreen {
    private final RunPump pump = new RunPump();
    private final RunWorkspace workspace;
    private final ProcessMenus menus;
    /** In step mode, a click on a held process lets it go. */
    private final HeldClicks heldClicks;
    private final ObjectProperty<Long> selected = new SimpleObjectProperty<>();
    private ScenarioStage stage;
    private RunPump.FrameListener stageFeed;
    private final RunViewModel runs;
    private final javafx.beans.value.ChangeListener<Run> runListener;
    private final javafx.beans.value.ChangeListener<dev.procession.app.run.RunState> stateListener;
    private final StageHost host;
    /** A saved run is on screen, not a live one. */
    private final javafx.beans.property.BooleanProperty replaying = new javafx.beans.property.SimpleBooleanProperty();

    /** @param showIntro puts the scenario's introduction back (after a reset) */
    public RunScreen(RunViewModel runs, ControlFront front, StageHost host, Runnable showIntro,
                     Consumer<Throwable> onError) {
        // In a replay no action reaches a run, even the last live one still in the view model.
        ProcessActions actions = new ProcessActions(front,
                () -> replaying.get() ? null : runs.runProperty().get(), onError);
        menus = new ProcessMenus(actions, pid -> pump.state().process(pid));
        menus.replayingProperty().bind(replaying);
        workspace = new RunWorkspace(pump, menus, actions);
        heldClicks = new HeldClicks(pid -> pump.state().process(pid), pid -> actions.perform(ProcessActions.Kind.LET_GO,
                pid));
        heldClicks.onRows(workspace.processes());
        selected.addListener((obs, old, pid) -> {
            if (stage != null) {
                stage.select(pid);
            }
            workspace.select(pid);
        });
        workspace.processes().getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                selected.set(row.pid());
            }
        });
        pump.addListener(new StatusFeed(runs));
        this.runs = runs;
        this.host = host;
        runListener = (obs, old, run) -> {
            if (run != null) {
                follow(run, host);
            } else {
                pump.stop();
            }
        };
        stateListener = (obs, old, now) -> {
            if (now == dev.procession.app.run.RunState.IDLE) {
                showIntro.run();
            }
        };
        runs.runProperty().addListener(runListener);
        runs.stateProperty().addListener(stateListener);
        // A screen built while a run is on (the window rebuilt in another language) shows it from its start.
        if (runs.runProperty().get() != null) {
            follow(runs.runProperty().get(), host);
        }
    }

    /** Stops following the runs: for a window that is rebuilt, so that the old views are let go. */
    public void dispose() {
        runs.runProperty().removeListener(runListener);
        runs.stateProperty().removeListener(stateListener);
        pump.stop();
        if (stage != null) {
            pump.removeListener(stageFeed);
            stage.dispose();
            stage = null;
        }
    }

    /** The stage first, so that it sees the run's first frame like every other view. */
    private void follow(Run run, StageHost host) {
        List<Event> first = run.log().since(0);
        newStage(first.isEmpty() ? null : RunState.EMPTY.apply(first.getFirst()).header().scenario());
        replaying.set(false);
        pump.follow(run.log());
        host.setContent(workspace);
    }

    private void newStage(String scenario) {
        if (stage != null) {
            pump.removeListener(stageFeed);
            stage.dispose();
        }
        ScenarioStage next = StageFactory.forScenario(scenario, selected::set, menus::menuFor);
        stage = next;
        heldClicks.onStage(next.node());
        stageFeed = new StageFeed(next);
        pump.addListener(stageFeed);
        workspace.setStage(next.node());
    }

    /**
     * Empties every view for a replay of a saved run of {@code scenario} (a new stage, the views
     * that accumulate cleared), which then feeds them with {@link RunPump#show}; no live run is
     * followed and the process menus say why they act on nothing.
     */
    public void clearForReplay(String scenario) {
        newStage(scenario);
        replaying.set(true);
        pump.show(RunState.EMPTY, List.of());
    }

    /**
     * Puts the views in the window's centre with a replay's {@code controls} above them;
     * {@code replaced} runs once when something else takes the centre.
     */
    public void showWithControls(javafx.scene.Node controls, Runnable replaced) {
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(workspace);
        pane.setTop(controls);
        pane.setId("replay-screen");
        host.setContent(pane);
        host.contentProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Node> obs,
                                javafx.scene.Node old, javafx.scene.Node now) {
                if (now != pane) {
                    host.contentProperty().removeListener(this);
                    replaced.run();
                }
            }
        });
    }

    /** Feeds the scenario's stage; a named class so that a frame profile (bench/run --ui) can name it. */
    private record StageFeed(ScenarioStage stage) implements RunPump.FrameListener {
        @Override
        public void onFrame(RunState before, RunState after, List<Event> events) {
            stage.show(after, events, after.speed());
        }
    }

    /** Feeds the status bar: live processes, their memory, the scenario clock. */
    private record StatusFeed(RunViewModel runs) implements RunPump.FrameListener {
        @Override
        public void onFrame(RunState before, RunState after, List<Event> events) {
            runs.status().update(after.live().size(), memory(after), after.scenarioSeconds());
        }
    }

    /** The process chosen on the stage or in the table; every view marks it. */
    public ObjectProperty<Long> selectedProperty() {
        return selected;
    }

    /** The run's memory as the status bar shows it: proportional set sizes, so shared pages count once. */
    private static long memory(RunState s) {
        return s.live().stream().map(ProcState::usage).mapToLong(u -> u.pssBytes() > 0 ? u.pssBytes() : u.rssBytes())
                .sum();
    }

    public RunPump pump() {
        return pump;
    }

    public RunWorkspace workspace() {
        return workspace;
    }

    public ProcessMenus menus() {
        return menus;
    }
}
