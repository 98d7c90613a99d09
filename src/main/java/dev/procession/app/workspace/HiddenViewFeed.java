package dev.procession.app.workspace;

import dev.procession.app.run.RunPump;
import dev.procession.events.Event;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Feeds a view only while it can be seen. A view in a tab not chosen is still laid out by every
 * pulse that changes it, so each frame it was fed cost the window without showing anything; it
 * gets instead, when it comes into sight, one frame from the state it last saw to the pump's
 * with the events it missed that it reads (kept while it is unseen, so a view that reads none keeps
 * none). The first frame of a run (a reset) always goes through.
 */
public final class HiddenViewFeed implements RunPump.FrameListener {
    private final RunPump.FrameListener view;
    private final Supplier<RunState> now;
    private final ObservableBooleanValue shown;
    private final Predicate<Event> reads;
    private final List<Event> missed = new ArrayList<>();
    private RunState missedFrom;

    /**
     * @param now   the pump's state, for the frame that catches the view up
     * @param reads the events the view draws from (a view drawn from the state alone reads none)
     */
    public HiddenViewFeed(RunPump.FrameListener view, ObservableBooleanValue shown, Supplier<RunState> now,
                          Predicate<Event> reads) {
        this.view = view;
        this.shown = shown;
        this.now = now;
        this.reads = reads;
        shown.addListener((obs, was, is) -> {
            if (is) {
                catchUp(now.get(), List.of());
            }
        });
    }

    /** The view fed, for a frame profile to name it (bench/run --ui). */
    public RunPump.FrameListener view() {
        return view;
    }

    @Override
    public void onFrame(RunState before, RunState after, List<Event> events) {
        if (shown.get() || after.seq() == 0) {
            if (missedFrom == null) {
                view.onFrame(before, after, events);
            } else {
                catchUp(after, events);
            }
            return;
        }
        if (missedFrom == null) {
            missedFrom = before;
        }
        for (Event e : events) {
            if (reads.test(e)) {
                missed.add(e);
            }
        }
    }

    /** Feeds what the view missed, up to {@code after} and {@code events}, in one frame. */
    private void catchUp(RunState after, List<Event> events) {
        if (missedFrom == null) {
            return;
        }
        RunState from = missedFrom;
        List<Event> all = new ArrayList<>(missed);
        all.addAll(events);
        missedFrom = null;
        missed.clear();
        view.onFrame(from, after, all);
    }
}
