package dev.procession.app.shell;

import dev.procession.app.run.RunState;
import dev.procession.app.run.RunViewModel;
import dev.procession.scenario.Scenario;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The shell's state: which scenario is chosen, its parameters, and the run; with the commands of the toolbar. */
public final class ShellModel {
    private final RunViewModel run;
    private final ReadOnlyObjectWrapper<ParameterSheetModel> parameters = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper parametersValid = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canRun;
    private final BooleanBinding running;
    private final BooleanBinding canReset;
    private final BooleanBinding idle;

    public ShellModel(RunViewModel run) {
        this.run = run;
        var state = run.stateProperty();
        running = Bindings.createBooleanBinding(() -> state.get() == RunState.RUNNING, state);
        canReset = Bindings.createBooleanBinding(
                () -> state.get() != RunState.IDLE && state.get() != RunState.STARTING && state.get() != RunState.STOPPING,
                state);
        idle = Bindings.createBooleanBinding(() -> !state.get().isLive(), state);
        canRun = parametersValid.getReadOnlyProperty().and(idle);
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

    /** Starts the chosen scenario with the values on the sheet. */
    public void runChosen() {
        if (!canRun.get()) {
            return;
        }
        ParameterSheetModel sheet = parameters.get();
        run.start(sheet.scenario(), sheet.values());
    }
}
