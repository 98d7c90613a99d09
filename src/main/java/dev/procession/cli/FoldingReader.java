package dev.procession.cli;

import dev.procession.events.Event;
import dev.procession.model.RunState;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** A reader of the log that writes for a person and needs the run as it stands at each event. */
abstract class FoldingReader implements Consumer<Event> {
    protected final PrintWriter out;
    private RunState state = RunState.EMPTY;

    FoldingReader(PrintWriter out) {
        this.out = out;
    }

    @Override
    public final void accept(Event e) {
        state = state.apply(e);
        read(e);
    }

    /** {@code e}, with {@link #state()} already including it. */
    protected abstract void read(Event e);

    protected RunState state() {
        return state;
    }
}
