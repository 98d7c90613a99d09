package dev.procession.app.stage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.SequentialTransition;
import javafx.animation.TranslateTransition;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A transparent layer over a stage's content where things travel between elements that live in
 * different parts of the layout: an item taken off a queue to its getter, a reply to its caller.
 * A flight is a {@link Motion} animation, so the next state ends it first; a layer made
 * {@link #lettingFlightsLand()} lets each flight land unless its own target gets news first.
 */
public final class FlightLayer extends Pane {
    /** A flight under way to its target, and where the target stood when it took off. */
    private record Landing(Animation flight, Bounds targetAt) {
    }

    private final Map<Node, Landing> landing = new HashMap<>();
    private boolean letLand;

    public FlightLayer() {
        setMouseTransparent(true);
        setPickOnBounds(false);
    }

    /**
     * Flights are no longer ended by the next state, which at a high call rate came every frame and
     * cut every flight to a flicker: a flight ends early only when {@link #land} is told that its
     * target has something newer to show, or when its target moved (it would fade over another).
     */
    public FlightLayer lettingFlightsLand() {
        letLand = true;
        return this;
    }

    /** Ends the flight to {@code target}, if one is under way: {@code target} has news of its own now. */
    public void land(Node target) {
        Landing l = target == null ? null : landing.remove(target);
        if (l != null) {
            l.flight().jumpTo(l.flight().getTotalDuration());
            l.flight().stop();
            l.flight().getOnFinished().handle(null);
        }
    }

    /** Ends every flight whose target is gone or stands elsewhere than when the flight took off. */
    public void landMoved() {
        for (Map.Entry<Node, Landing> e : List.copyOf(landing.entrySet())) {
            Node target = e.getKey();
            Bounds now = target.getScene() == null ? null : target.localToScene(target.getBoundsInLocal());
            Bounds was = e.getValue().targetAt();
            if (now == null || Math.abs(now.getMinX() - was.getMinX()) > 1 || Math.abs(now.getMinY() - was.getMinY()) > 1) {
                land(target);
            }
        }
    }

    /** Moves {@code token} from {@code fromScene} (scene coordinates) onto {@code to}, fades it, removes it. */
    public void fly(Node token, Point2D fromScene, Node to, Motion motion) {
        if (fromScene == null || to == null || to.getScene() == null) {
            return;
        }
        land(to);
        Point2D from = sceneToLocal(fromScene);
        Bounds target = sceneToLocal(to.localToScene(to.getBoundsInLocal()));
        token.setManaged(false);
        getChildren().add(token);
        token.applyCss();
        token.autosize();
        token.relocate(from.getX(), from.getY());
        TranslateTransition move = new TranslateTransition(Motion.MOVE, token);
        move.setToX(target.getMinX() + 8 - from.getX());
        move.setToY(target.getCenterY() - from.getY());
        FadeTransition fade = new FadeTransition(Motion.FADE, token);
        fade.setToValue(0);
        SequentialTransition flight = new SequentialTransition(move, fade);
        flight.setRate(motion.speed());
        if (!letLand) {
            flight.setOnFinished(e -> getChildren().remove(token));
            motion.play(flight);
            return;
        }
        // It lingers on its target a moment before it fades, so that a reply can be read.
        fade.setDelay(Motion.FADE);
        landing.put(to, new Landing(flight, to.localToScene(to.getBoundsInLocal())));
        flight.setOnFinished(e -> {
            getChildren().remove(token);
            landing.values().removeIf(l -> l.flight() == flight);
        });
        motion.playAside(flight);
    }

    /** Where {@code n} is, in scene coordinates: where a flight from it starts. */
    public static Point2D at(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return new Point2D(b.getMinX(), b.getMinY());
    }
}
