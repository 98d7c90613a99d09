package dev.procession.app.stage;

import dev.procession.events.Event;
import dev.procession.model.RunState;
import java.util.List;
import javafx.scene.Node;

/**
 * The animated centre of the window for one scenario, drawn only from the run's fold. The
 * window's pump calls every method on the FX thread, {@link #show} once per animation frame.
 */
public interface ScenarioStage {

    /** The stage's root, to put in the window once. */
    Node node();

    /**
     * Draws {@code state}. {@code newEvents} are the events folded into it since the previous
     * call, in log order (empty when nothing happened); animations still running from the
     * previous call jump to their end first, so the stage never shows another order than the log's.
     *
     * @param speed the run's speed: animations take {@code 1/speed} of their time at speed 1
     */
    void show(RunState state, List<Event> newEvents, double speed);

    /** Highlights the process {@code pid} (null: none), e.g. the one selected in the process table. */
    void select(Long pid);

    /** Stops animations and removes every listener and handler this stage installed. */
    void dispose();
}
