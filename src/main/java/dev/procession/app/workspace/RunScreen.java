package dev.procession.app.workspace;

import dev.procession.app.processes.ProcessActions;
import dev.procession.app.processes.ProcessMenus;
import dev.procession.app.run.ControlFront;
import dev.procession.app.run.RunPump;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.shell.StageHost;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import dev.procession.supervisor.Run;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * Puts a run on screen: when a run starts, the pump follows its log and the workspace takes the
 * centre of the window; each frame also feeds the status bar. A finished or stopped run stays
 * on screen until the next run or a reset.
 */
public final class RunScreen {
    private final RunPump pump = new RunPump();
    private final RunWorkspace workspace;
    private final ProcessMenus menus;

    /**
     * @param stageFor the animated stage of a scenario by its id, given the process menus
     * @param showIntro puts the scenario's introduction back (after a reset)
     */
    public RunScreen(RunViewModel runs, ControlFront front, StageHost host,
                     Function<String, Node> stageFor, Runnable showIntro, Consumer<Throwable> onError) {
        ProcessActions actions = new ProcessActions(front, runs.runProperty()::get, onError);
        menus = new ProcessMenus(actions, pid -> pump.state().process(pid));
        workspace = new RunWorkspace(pump, menus, actions);
        pump.addListener((before, after, events) -> runs.status().update(after.live().size(), memory(after),
                after.scenarioSeconds()));
        runs.runProperty().addListener((obs, old, run) -> {
            if (run != null) {
                follow(run, host, stageFor);
            } else {
                pump.stop();
            }
        });
        runs.stateProperty().addListener((obs, old, now) -> {
            if (now == dev.procession.app.run.RunState.IDLE) {
                showIntro.run();
            }
        });
    }

    private void follow(Run run, StageHost host, Function<String, Node> stageFor) {
        pump.follow(run.log());
        String scenario = pump.state().header().scenario();
        workspace.setStage(stageFor.apply(scenario));
        host.setContent(workspace);
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
