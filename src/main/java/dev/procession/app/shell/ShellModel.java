package dev.procession.app.shell;

import dev.procession.app.run.RunState;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.compare.ComparisonModel;
import dev.procession.scenario.Comparison;
import dev.procession.scenario.Scenario;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The shell's state: which scenario is chosen, its parameters, and the run, or the two runs of a
 * side-by-side comparison; with the commands of the toolbar, which reach whichever is shown.
 */
public final class ShellModel {
    private final RunViewModel run;
    private final ComparisonModel comparison;
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canCompare;
    private final ReadOnlyObjectWrapper<ParameterSheetModel> parameters = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper parametersValid = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canRun;
    private final BooleanBinding running;
    private final BooleanBinding canReset;
    private final BooleanBinding idle;

    public ShellModel(RunViewModel run) {
        this.run = run;
        comparison = new ComparisonModel(run.speedProperty(), run.archive());
        var state = run.stateProperty();
        var on = comparing.getReadOnlyProperty();
        running = Bindings.createBooleanBinding(() -> on.get() ? comparison.runningProperty().get()
                : state.get() == RunState.RUNNING, state, on, comparison.runningProperty());
        canReset = Bindings.createBooleanBinding(() -> on.get() ? comparison.canResetProperty().get()
                : state.get() != RunState.IDLE && state.get() != RunState.STARTING && state.get() != RunState.STOPPING,
                state, on, comparison.canResetProperty());
        idle = Bindings.createBooleanBinding(() -> !state.get().isLive() && !comparison.liveProperty().get(), state,
                comparison.liveProperty());
        canRun = parametersValid.getReadOnlyProperty().and(idle);
        canCompare = Bindings.createBooleanBinding(() -> on.get() || parameters.get() != null
                && Comparison.of(parameters.get().scenario().id()).isPresent(), on, parameters);
    }

    // ---------------------------------------------------------------- properties

    public RunViewModel run() {
        return run;
    }

    /** The chosen scenario's parameter sheet, or null before a scenario is chosen. */
    public ReadOnlyObjectProperty<ParameterSheetModel> parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    /** A scenario is chosen, every value is accepted, and no run is under way. */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** Pause all, resume all and stop apply. */
    public BooleanBinding runningProperty() {
        return running;
    }

    public BooleanBinding canResetProperty() {
        return canReset;
    }

    /** The two runs of the side-by-side comparison. */
    public ComparisonModel comparison() {
        return comparison;
    }

    /** The window shows the comparison: the toolbar's commands reach both of its runs. */
    public ReadOnlyBooleanProperty comparingProperty() {
        return comparing.getReadOnlyProperty();
    }

    /** The chosen scenario offers a comparison, or one is shown (and can be left). */
    public BooleanBinding canCompareProperty() {
        return canCompare;
    }

    // ---------------------------------------------------------------- commands

    /**
     * Chooses a scenario, as turning to another lesson: the previous scenario's run is reset (a
     * run under way is stopped, every process killed), so the window never shows one scenario
     * while another runs.
     */
    public void choose(Scenario scenario) {
        ParameterSheetModel current = parameters.get();
        if (current != null && current.scenario() == scenario) {
            return;
        }
        run.reset();
        comparison.reset();
        // Turning to another lesson keeps comparing if it has a comparison too.
        comparing.set(comparing.get() && Comparison.of(scenario.id()).isPresent());
        ParameterSheetModel sheet = new ParameterSheetModel(scenario);
        parametersValid.bind(sheet.validProperty());
        parameters.set(sheet);
    }

    /** Types {@code values} (by parameter name) into the chosen scenario's sheet, as a user would. */
    public void fill(Map<String, String> values) {
        ParameterSheetModel sheet = parameters.get();
        if (sheet == null) {
            return;
        }
        sheet.fields().stream().filter(f -> values.containsKey(f.parameter().name()))
                .forEach(f -> f.textProperty().set(values.get(f.parameter().name())));
    }

    /** No run is under way, single or compared: a python3 program may start. */
    public BooleanBinding idleProperty() {
        return idle;
    }

    /**
     * Runs the user's python3 program in place of the chosen scenario (a comparison on screen
     * is left first); the scenario comes back with Reset.
     */
    public void runPython(Path script) {
        if (!idle.get()) {
            return;
        }
        if (comparing.get()) {
            comparison.reset();
            comparing.set(false);
        }
        run.startPython(script);
    }

    /** Starts the chosen scenario with the values on the sheet. */
    public void runChosen() {
        if (!canRun.get()) {
            return;
        }
        ParameterSheetModel sheet = parameters.get();
        if (comparing.get()) {
            comparison.start(sheet.scenario(), sheet.values());
        } else {
            run.start(sheet.scenario(), sheet.values());
        }
    }

    /**
     * Shows the chosen scenario's comparison in place of its single run (which is reset), or
     * leaves the comparison (both its runs reset).
     */
    public void toggleComparison() {
        if (!canCompare.get()) {
            return;
        }
        if (comparing.get()) {
            comparison.reset();
            comparing.set(false);
        } else {
            run.reset();
            comparing.set(true);
        }
    }

    public void pauseAll() {
        onShown(comparison::pauseAll, run::pauseAll);
    }

    public void resumeAll() {
        onShown(comparison::resumeAll, run::resumeAll);
    }

    public void stop() {
        onShown(comparison::stop, run::stop);
    }

    public void reset() {
        onShown(comparison::reset, run::reset);
    }

    /** A toolbar command reaches the runs on screen: both of the comparison, or the one run. */
    private void onShown(Runnable onComparison, Runnable onRun) {
        (comparing.get() ? onComparison : onRun).run();
    }

    /** For the window closing: every run ends, each waited for (bounded). */
    public void shutdown() {
        run.shutdown();
        comparison.shutdown();
    }

    /** For the JVM's shutdown hook: every run closes at once, from any thread. */
    public void closeNow() {
        run.closeNow();
        comparison.closeNow();
    }
}
