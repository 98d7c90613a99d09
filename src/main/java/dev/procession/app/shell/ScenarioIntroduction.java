package dev.procession.app.shell;

import dev.procession.app.Messages;
import dev.procession.app.theme.Styles;
import dev.procession.scenario.Scenario;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A scenario's title and its one-paragraph explanation, large enough for the back row. */
final class ScenarioIntroduction extends VBox {

    ScenarioIntroduction(Scenario scenario) {
        getStyleClass().add(Styles.INTRO);
        Label title = new Label(Messages.pick(scenario.title()));
        title.getStyleClass().add(Styles.INTRO_TITLE);
        title.setWrapText(true);
        title.setId("intro-title");
        Label explanation = new Label(Messages.pick(scenario.explanation()));
        explanation.getStyleClass().add(Styles.INTRO_TEXT);
        explanation.setWrapText(true);
        explanation.setId("intro-explanation");
        getChildren().addAll(title, explanation);
    }
}
