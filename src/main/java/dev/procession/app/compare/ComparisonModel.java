package dev.procession.app.compare;

import dev.procession.app.run.AsyncControlFront;
import dev.procession.app.run.RunState;
import dev.procession.app.run.RunViewModel;
import dev.procession.archive.RunArchive;
import dev.procession.model.LessonOutcome;
import dev.procession.scenario.Comparison;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.Run;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Two runs of one scenario at once, side by side, each its own process tree and hub: the same
 * parameters but for what the {@link Comparison} sets on each side. The toolbar's commands reach
 * both; each side's outcome is read from its log once it has ended by itself.
 */
public final class ComparisonModel {
    private final RunViewModel left;
    private final RunViewModel right;
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LessonOutcome> leftOutcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LessonOutcome> rightOutcome = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding live;
    private final BooleanBinding running;
    private final BooleanBinding canReset;

    /**
     * @param speed   the window's speed: both sides follow it, at start and live
     * @param archive where both runs are saved as they happen, as any window run is; null for nowhere
     */
    public ComparisonModel(DoubleProperty speed, RunArchive archive) {
        left = new RunViewModel(new AsyncControlFront(), archive);
        right = new RunViewModel(new AsyncControlFront(), archive);
        left.speedProperty().bind(speed);
        right.speedProperty().bind(speed);
        live = either(RunState::isLive);
        running = either(s -> s == RunState.RUNNING);
        canReset = either(s -> s != RunState.IDLE && s != RunState.STARTING && s != RunState.STOPPING);
        outcomeOf(left, leftOutcome);
        outcomeOf(right, rightOutcome);
    }

    private BooleanBinding either(Predicate<RunState> test) {
        return Bindings.createBooleanBinding(() -> test.test(left.stateProperty().get())
                || test.test(right.stateProperty().get()), left.stateProperty(), right.stateProperty());
    }

    /** A side's outcome appears when its run ends by itself and goes when the next begins. */
    private static void outcomeOf(RunViewModel side, ReadOnlyObjectWrapper<LessonOutcome> outcome) {
        side.stateProperty().addListener((obs, old, now) -> {
            Run run = side.runProperty().get();
            outcome.set(now == RunState.FINISHED && run != null
                    ? LessonOutcome.of(run.log().since(0)).orElse(null) : null);
        });
    }

    // ---------------------------------------------------------------- properties

    /** The side that does it right (the Lock held), shown on the left. */
    public RunViewModel left() {
        return left;
    }

    /** The side that shows what goes wrong, on the right. */
    public RunViewModel right() {
        return right;
    }

    public List<RunViewModel> sides() {
        return List.of(left, right);
    }

    /** What is compared, once a comparison was started; null before. */
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LessonOutcome> leftOutcomeProperty() {
        return leftOutcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LessonOutcome> rightOutcomeProperty() {
        return rightOutcome.getReadOnlyProperty();
    }

    /** Either side's processes may be alive. */
    public BooleanBinding liveProperty() {
        return live;
    }

    /** Either side runs: pause, resume and stop apply. */
    public BooleanBinding runningProperty() {
        return running;
    }

    public BooleanBinding canResetProperty() {
        return canReset;
    }

    // ---------------------------------------------------------------- commands

    /**
     * Starts both sides of {@code scenario}'s comparison with {@code values} under each side's own;
     * a scenario without one is refused.
     */
    public void start(Scenario scenario, Map<String, String> values) {
        Comparison c = Comparison.of(scenario.id()).orElseThrow(() -> new IllegalArgumentException(
                "scenario '" + scenario.id() + "' has no side-by-side comparison"));
        Map<String, String> leftValues = Comparison.over(values, c.left());
        Map<String, String> rightValues = Comparison.over(values, c.right());
        // Both refused before either starts: one side must never run alone.
        Scenarios.resolve(scenario, leftValues);
        Scenarios.resolve(scenario, rightValues);
        comparison.set(c);
        left.start(scenario, leftValues);
        right.start(scenario, rightValues);
    }

    public void pauseAll() {
        sides().forEach(RunViewModel::pauseAll);
    }

    public void resumeAll() {
        sides().forEach(RunViewModel::resumeAll);
    }

    public void stop() {
        sides().forEach(RunViewModel::stop);
    }

    public void reset() {
        sides().forEach(RunViewModel::reset);
    }

    /** For the window closing: ends both runs, each waited for (bounded). */
    public void shutdown() {
        sides().forEach(RunViewModel::shutdown);
    }

    /** For the JVM's shutdown hook: closes both runs at once, from any thread. */
    public void closeNow() {
        sides().forEach(RunViewModel::closeNow);
    }
}
