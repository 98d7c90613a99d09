package dev.procession.app.run;

import dev.procession.events.Event;
import dev.procession.events.EventLog;
import dev.procession.model.RunState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The one place the event log crosses into the FX thread: once per frame it pulls the events
 * appended since the last frame, folds them into the {@link RunState}, and hands the new state
 * and those events to every view at once. A burst of 10,000 events costs one frame, not 10,000.
 */
public final class RunPump {
    /** A view fed once per frame with the state before and after the frame's events. */
    @FunctionalInterface
    public interface FrameListener {
        void onFrame(RunState before, RunState after, List<Event> events);
    }

    /**
     * Watches the pump's work, for the UI benchmark (src/test/java/dev/procession/bench/UiBench):
     * told of every frame that had events and of what each view took in it. Null by default, and
     * then a frame pays one field read; with an observer, two clock reads per view.
     */
    public interface FrameObserver {
        /** A pull has events to fold and is about to; the observer may read a clock of its own. */
        default void pulling() {
        }

        /** One listener's share of the frame, in nanoseconds; called before {@link #frame}. */
        void listener(FrameListener listener, long nanos);

        /**
         * A frame that folded {@code events}: when its pull began, when the fold ended and when
         * the last view returned ({@link System#nanoTime}).
         */
        void frame(long startNanos, long foldedNanos, long endNanos, List<Event> events);
    }

    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.EMPTY);
    private final List<FrameListener> listeners = new CopyOnWriteArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pull();
        }
    };
    private EventLog log;
    private long seq;
    private FrameObserver observer;

    // ---------------------------------------------------------------- properties

    /** The run as its log tells it, as of the last frame. */
    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RunState state() {
        return state.get();
    }

    // ---------------------------------------------------------------- commands

    public void addListener(FrameListener listener) {
        listeners.add(listener);
    }

    public void removeListener(FrameListener listener) {
        listeners.remove(listener);
    }

    /** Sets (or with null removes) the one observer of the pump's frames; FX thread only. */
    public void setObserver(FrameObserver frameObserver) {
        observer = frameObserver;
    }

    /** Starts following {@code runLog} from its first event; views start from an empty run. */
    public void follow(EventLog runLog) {
        RunState before = state.get();
        log = runLog;
        seq = 0;
        state.set(RunState.EMPTY);
        listeners.forEach(l -> l.onFrame(before, RunState.EMPTY, List.of()));
        timer.start();
        pull();
    }

    /** Stops following; the last state stays on screen until the next {@link #follow}. */
    public void stop() {
        pull();
        timer.stop();
        log = null;
    }

    /**
     * Shows a state that comes from elsewhere than a log being followed (a replay of a saved run):
     * stops following, and hands every view one frame from the state on screen to {@code after},
     * with {@code events} the events between them (none for a reset to {@link RunState#EMPTY}).
     */
    public void show(RunState after, List<Event> events) {
        timer.stop();
        log = null;
        RunState before = state.get();
        state.set(after);
        for (FrameListener l : listeners) {
            l.onFrame(before, after, events);
        }
    }

    /** Folds what the log gained since the last call; public so a test can drive frames itself. */
    public void pull() {
        if (log == null) {
            return;
        }
        FrameObserver watch = observer;
        long start = watch == null ? 0 : System.nanoTime();
        List<Event> fresh = log.since(seq);
        if (fresh.isEmpty()) {
            return;
        }
        if (watch != null) {
            watch.pulling();
        }
        RunState before = state.get();
        RunState after = before;
        for (Event e : fresh) {
            after = after.apply(e);
        }
        seq = fresh.getLast().seq();
        state.set(after);
        if (watch == null) {
            for (FrameListener l : listeners) {
                l.onFrame(before, after, fresh);
            }
            return;
        }
        long folded = System.nanoTime();
        long last = folded;
        for (FrameListener l : listeners) {
            l.onFrame(before, after, fresh);
            long now = System.nanoTime();
            watch.listener(l, now - last);
            last = now;
        }
        watch.frame(start, folded, last, fresh);
    }
}
