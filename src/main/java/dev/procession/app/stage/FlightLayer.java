package dev.procession.app.stage;

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
 * A flight is a {@link Motion} animation, so the next state ends it first.
 */
public final class FlightLayer extends Pane {
    public FlightLayer() {
        setMouseTransparent(true);
        setPickOnBounds(false);
    }

    /** Moves {@code token} from {@code fromScene} (scene coordinates) onto {@code to}, fades it, removes it. */
    public void fly(Node token, Point2D fromScene, Node to, Motion motion) {
        if (fromScene == null || to == null || to.getScene() == null) {
            return;
        }
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
        flight.setOnFinished(e -> getChildren().remove(token));
        motion.play(flight);
    }

    /** Where {@code n} is, in scene coordinates: where a flight from it starts. */
    public static Point2D at(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return new Point2D(b.getMinX(), b.getMinY());
    }
}
