package dev.procession.app.replay;

import dev.procession.app.workspace.RunScreen;
import dev.procession.archive.RunReplay;
import dev.procession.archive.SavedRun;
import dev.procession.events.Event;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;
import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * A saved run on screen: which event the views show, and the commands that move it (seek, step one
 * event either way, jump to the next event of a process or primitive, play at 0.25x to 4x the pace
 * it was recorded at). Every view gets its frames through the run screen's pump, from the run
 * model's fold ({@link RunReplay}); going back empties them and feeds them again up to the target,
 * so what accumulates (timeline, console, narration) is as it was at that event. Nothing runs.
 */
public final class ReplayViewModel {
    public static final double MIN_RATE = 0.25;
    public static final double MAX_RATE = 4;

    private final RunScreen screen;
    private final SavedRun run;
    private final RunReplay replay;
    private final String scenario;
    private final ReadOnlyLongWrapper seq = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final DoubleProperty rate = new SimpleDoubleProperty(1);
    private final AnimationTimer player = new AnimationTimer() {
        @Override
        public void handle(long now) {
            advance(now);
        }
    };
    /** While playing: the frame time and the run's clock at the last frame. */
    private long lastNanos = -1;
    private double playMicros;

    public ReplayViewModel(RunScreen screen, SavedRun run) {
        this.screen = screen;
        this.run = run;
        this.replay = new RunReplay(run.events());
        this.scenario = run.header().scenario();
        rate.addListener((obs, old, now) -> {
            if (now.doubleValue() < MIN_RATE || now.doubleValue() > MAX_RATE) {
                throw new IllegalArgumentException("rate must be from " + MIN_RATE + " to " + MAX_RATE + ", got " + now);
            }
        });
    }

    // ---------------------------------------------------------------- properties

    /** The event the views show (0: before the first), -1 before {@link #seek} was first called. */
    public ReadOnlyLongProperty seqProperty() {
        return seq.getReadOnlyProperty();
    }

    public long seq() {
        return seq.get();
    }

    public long lastSeq() {
        return replay.lastSeq();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Play's pace: 1 is the pace the run was recorded at. */
    public DoubleProperty rateProperty() {
        return rate;
    }

    public SavedRun run() {
        return run;
    }

    public RunReplay replay() {
        return replay;
    }

    /** Seconds since the run began at the event shown. */
    public double seconds() {
        return replay.microsAt(seq.get()) / 1e6;
    }

    // ---------------------------------------------------------------- commands

    /** Shows the run as it was just after event {@code target} (clamped to the log). */
    public void seek(long target) {
        long to = Math.clamp(target, 0, replay.lastSeq());
        long from = seq.get();
        if (to == from) {
            return;
        }
        if (from < 0 || to < from) {
            // Back: every view starts again and takes the events up to the target in one frame.
            screen.clearForReplay(scenario);
            from = 0;
        }
        screen.pump().show(replay.stateAt(to), replay.between(from, to));
        seq.set(to);
    }

    public void stepForward() {
        pause();
        seek(seq.get() + 1);
    }

    public void stepBack() {
        pause();
        seek(seq.get() - 1);
    }

    /** Moves to the next event {@code which} accepts; false (and no move) if there is none. */
    public boolean jumpNext(Predicate<Event> which) {
        pause();
        OptionalLong next = replay.next(seq.get(), which);
        next.ifPresent(this::seek);
        return next.isPresent();
    }

    /** Moves to the previous event {@code which} accepts; false (and no move) if there is none. */
    public boolean jumpPrevious(Predicate<Event> which) {
        pause();
        OptionalLong previous = replay.previous(seq.get(), which);
        previous.ifPresent(this::seek);
        return previous.isPresent();
    }

    /** Plays on from the event shown (from the start when at the end), at {@link #rateProperty()}. */
    public void play() {
        if (playing.get()) {
            return;
        }
        if (seq.get() >= replay.lastSeq()) {
            seek(0);
        }
        playMicros = replay.microsAt(Math.max(0, seq.get()));
        lastNanos = -1;
        playing.set(true);
        player.start();
    }

    public void pause() {
        player.stop();
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Stops playing for good: the replay leaves the screen. */
    public void close() {
        pause();
    }

    private void advance(long nowNanos) {
        if (lastNanos >= 0) {
            playMicros += (nowNanos - lastNanos) / 1000.0 * rate.get();
        }
        lastNanos = nowNanos;
        long target = replay.seqAt((long) playMicros);
        if (target > seq.get()) {
            seek(target);
        }
        if (seq.get() >= replay.lastSeq()) {
            pause();
        }
    }

    /** The events the views were fed for the event shown: for an export of what is on screen. */
    public List<Event> eventsShown() {
        return replay.between(0, Math.max(0, seq.get()));
    }
}
