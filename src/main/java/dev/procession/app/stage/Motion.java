package dev.procession.app.stage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.TranslateTransition;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * The stages' animations, scaled by the run's speed. Before a stage draws the next state it calls
 * {@link #finishAll}: a move still under way jumps to its end, so no animation ever shows an order
 * of events other than the log's.
 */
public final class Motion {
    /** How long a move takes at speed 1. */
    public static final Duration MOVE = Duration.millis(600);
    /** How long a fade takes at speed 1. */
    public static final Duration FADE = Duration.millis(500);
    private static final double SLOWEST = 0.25;

    private final List<Animation> running = new ArrayList<>();
    private final List<Animation> aside = new ArrayList<>();
    private final List<PendingGlide> pendingGlides = new ArrayList<>();
    private double speed = 1;

    public void setSpeed(double speed) {
        this.speed = Math.max(SLOWEST, speed);
    }

    public double speed() {
        return speed;
    }

    private Duration scaled(Duration d) {
        return d.divide(speed);
    }

    /** Where each of {@code nodes} is now, to glide them from there after the layout changes. */
    public Map<Node, Point2D> positions(Collection<? extends Node> nodes) {
        Map<Node, Point2D> at = new HashMap<>();
        for (Node n : nodes) {
            if (n.getParent() != null) {
                Bounds b = n.localToScene(n.getBoundsInLocal());
                at.put(n, new Point2D(b.getMinX(), b.getMinY()));
            }
        }
        return at;
    }

    /**
     * Lays {@code layoutRoot} out, and glides every node of {@code before} that the layout moved
     * from where it was: the layout decides where things end, the animation only the way there.
     */
    public void glideFrom(Map<Node, Point2D> before, Parent layoutRoot) {
        Scene scene = layoutRoot.getScene();
        if (scene == null) {
            layoutRoot.applyCss();
            layoutRoot.layout();
            glide(before);
            return;
        }
        // The frame's own pulse lays the stage out right after the pump: glide from there instead of
        // forcing a second CSS and layout pass over the whole stage (the cost of a frame with 100 tags).
        PendingGlide pending = new PendingGlide(scene, before);
        pendingGlides.add(pending);
        scene.addPostLayoutPulseListener(pending);
    }

    /**
     * Runs {@code action} once the layout of the last {@link #glideFrom} is done (at once if none is
     * pending): what needs the new positions, such as a flight to an element or an edge between two.
     */
    public void afterLayout(Runnable action) {
        if (pendingGlides.isEmpty()) {
            action.run();
        } else {
            pendingGlides.getLast().after.add(action);
        }
    }

    /**
     * A glide waiting for the pulse's layout. If the next state comes first it is dropped (its
     * nodes already stand where the layout put them), but what was to follow the layout still runs.
     */
    private final class PendingGlide implements Runnable {
        private final Scene scene;
        private final Map<Node, Point2D> before;
        private final List<Runnable> after = new ArrayList<>();

        PendingGlide(Scene scene, Map<Node, Point2D> before) {
            this.scene = scene;
            this.before = before;
        }

        @Override
        public void run() {
            detach();
            glide(before);
            after.forEach(Runnable::run);
        }

        void cancel() {
            detach();
            after.forEach(Runnable::run);
        }

        private void detach() {
            scene.removePostLayoutPulseListener(this);
            pendingGlides.remove(this);
        }
    }

    private void glide(Map<Node, Point2D> before) {
        before.forEach((node, was) -> {
            if (node.getParent() == null || !node.isVisible()) {
                return;
            }
            Bounds now = node.localToScene(node.getBoundsInLocal());
            double dx = was.getX() - now.getMinX();
            double dy = was.getY() - now.getMinY();
            if (Math.hypot(dx, dy) < 1) {
                return;
            }
            node.setTranslateX(dx);
            node.setTranslateY(dy);
            TranslateTransition t = new TranslateTransition(scaled(MOVE), node);
            t.setToX(0);
            t.setToY(0);
            play(t);
        });
    }

    /** Fades {@code node} out, then runs {@code then} (which usually removes it). */
    public void fadeOut(Node node, Runnable then) {
        FadeTransition f = new FadeTransition(scaled(FADE), node);
        f.setToValue(0);
        f.setOnFinished(e -> then.run());
        play(f);
    }

    /** Fades {@code node} in from transparent. */
    public void fadeIn(Node node) {
        node.setOpacity(0);
        FadeTransition f = new FadeTransition(scaled(FADE), node);
        f.setToValue(1);
        play(f);
    }

    /** Plays {@code a}, an animation of a stage, so that {@link #finishAll} can end it. */
    public void play(Animation a) {
        running.add(a);
        var finished = a.getOnFinished();
        a.setOnFinished(e -> {
            running.remove(a);
            if (finished != null) {
                finished.handle(e);
            }
        });
        a.play();
    }

    /**
     * Plays {@code a}, an animation that moves no process element (a signal's bolt): it says
     * nothing of order, so a new state does not cut it short; {@link #dispose} still stops it.
     */
    public void playAside(Animation a) {
        aside.add(a);
        var finished = a.getOnFinished();
        a.setOnFinished(e -> {
            aside.remove(a);
            if (finished != null) {
                finished.handle(e);
            }
        });
        a.play();
    }

    /** Every animation under way jumps to its end state, and its end action runs. */
    public void finishAll() {
        // A glide not begun yet is dropped: its nodes already stand where the layout put them.
        List.copyOf(pendingGlides).forEach(PendingGlide::cancel);
        for (Animation a : List.copyOf(running)) {
            a.jumpTo(a.getTotalDuration());
            a.stop();
            var finished = a.getOnFinished();
            running.remove(a);
            if (finished != null) {
                finished.handle(null);
            }
        }
    }

    public boolean idle() {
        return running.isEmpty() && pendingGlides.isEmpty();
    }

    public void dispose() {
        List.copyOf(pendingGlides).forEach(PendingGlide::detach);
        List.copyOf(running).forEach(Animation::stop);
        List.copyOf(aside).forEach(Animation::stop);
        running.clear();
        aside.clear();
    }
}
