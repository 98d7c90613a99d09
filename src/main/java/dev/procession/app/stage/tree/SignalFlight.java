package dev.procession.app.stage.tree;

import dev.procession.app.Messages;
import dev.procession.app.stage.Motion;
import dev.procession.app.stage.StageIcons;
import javafx.animation.FadeTransition;
import javafx.animation.SequentialTransition;
import javafx.animation.TranslateTransition;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

/** A signal in flight: a bolt with its name ("SIGTERM") travelling from the sender to the target. */
final class SignalFlight {
    static final String STYLE = "signal-flight";

    private SignalFlight() {
    }

    /** Flies {@code signal} across {@code layer} from {@code from} to {@code to}, then fades it out. */
    static void fly(Pane layer, Motion motion, String signal, String by, Point2D from, Point2D to) {
        Label bolt = new Label(by == null ? signal : Messages.text("stage.tree.signal.from", signal, by),
                StageIcons.SIGNAL.node());
        bolt.getStyleClass().add(STYLE);
        bolt.relocate(from.getX(), from.getY());
        layer.getChildren().add(bolt);
        TranslateTransition move = new TranslateTransition(Motion.MOVE.multiply(2), bolt);
        move.setToX(to.getX() - from.getX());
        move.setToY(to.getY() - from.getY());
        FadeTransition fade = new FadeTransition(Motion.FADE.multiply(2), bolt);
        fade.setToValue(0);
        SequentialTransition flight = new SequentialTransition(move, fade);
        flight.setRate(motion.speed());
        flight.setOnFinished(e -> layer.getChildren().remove(bolt));
        motion.playAside(flight);
    }
}
