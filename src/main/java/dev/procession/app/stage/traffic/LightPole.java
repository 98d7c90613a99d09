package dev.procession.app.stage.traffic;

import dev.procession.app.Messages;
import dev.procession.app.stage.StageIcons;
import dev.procession.app.stage.StageStyles;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The traffic light's pole: a red and a green lamp and the word, from the Event's flag. */
final class LightPole extends VBox {
    static final String STYLE = "light-pole";
    static final String LAMP = "lamp";
    static final String RED = "lamp-red";
    static final String GREEN = "lamp-green";
    static final String WORD = "light-word";

    private final Region red = new Region();
    private final Region green = new Region();
    private final Label word = new Label();

    LightPole() {
        getStyleClass().add(STYLE);
        red.getStyleClass().addAll(LAMP, RED);
        green.getStyleClass().addAll(LAMP, GREEN);
        word.getStyleClass().add(WORD);
        word.setGraphic(StageIcons.LIGHT.node());
        VBox housing = new VBox(6, red, green);
        housing.getStyleClass().add("light-housing");
        getChildren().addAll(housing, word);
    }

    /** {@code set}: the Event is set, green; else red. {@code eventName} as the program names it. */
    void show(boolean set, String eventName) {
        red.pseudoClassStateChanged(StageStyles.ON, !set);
        green.pseudoClassStateChanged(StageStyles.ON, set);
        word.setText(set ? Messages.text("stage.traffic.light.green", eventName)
                : Messages.text("stage.traffic.light.red", eventName));
        pseudoClassStateChanged(StageStyles.ON, set);
    }

    String wordText() {
        return word.getText();
    }
}
