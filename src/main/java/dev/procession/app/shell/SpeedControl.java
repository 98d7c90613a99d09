package dev.procession.app.shell;

import dev.procession.app.Messages;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.theme.Icons;
import dev.procession.app.theme.Styles;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.geometry.Pos;

/**
 * Scenario speed from 0.25x to 4x in doubling steps. The slider moves on a log2 scale (-2..2) and
 * snaps to whole steps, so every value it gives is one a teacher can name.
 */
final class SpeedControl extends HBox {

    SpeedControl(DoubleProperty speed) {
        getStyleClass().add(Styles.SPEED_CONTROL);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        Slider slider = new Slider(log2(RunViewModel.MIN_SPEED), log2(RunViewModel.MAX_SPEED), log2(speed.get()));
        slider.setId("speed-slider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setBlockIncrement(1);
        slider.setPrefWidth(140);
        slider.setTooltip(new Tooltip(Messages.text("speed.tooltip")));
        Label value = new Label();
        value.setId("speed-value");
        value.textProperty().bind(speed.map(s -> Messages.text("speed.value", s.doubleValue())));
        // Only snapped values reach the run: a drag between ticks would otherwise send a speed per pixel.
        slider.valueProperty().addListener((obs, old, now) -> {
            double step = Math.rint(now.doubleValue());
            if (step == now.doubleValue()) {
                speed.set(Math.pow(2, step));
            }
        });
        speed.addListener((obs, old, now) -> slider.setValue(log2(now.doubleValue())));
        Label caption = new Label(Messages.text("speed.label"), Icons.SPEED.node());
        getChildren().addAll(caption, slider, value);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
