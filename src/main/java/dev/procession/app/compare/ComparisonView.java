package dev.procession.app.compare;

import dev.procession.app.Messages;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.stage.StageIcons;
import dev.procession.model.ProcStatus;
import dev.procession.scenario.Comparison;
import dev.procession.scenario.Scenario;
import java.util.stream.Stream;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/**
 * The two runs of a comparison side by side, each its own stage, and under them the sentence
 * that states the difference. The window's toolbar drives both (see the shell).
 */
public final class ComparisonView extends BorderPane {
    private final ComparisonModel model;
    private final ComparisonSide left;
    private final ComparisonSide right;
    private final Label statement = new Label();
    private final InvalidationListener restate = obs -> restate();
    private final Observable[] watched;

    public ComparisonView(ComparisonModel model, Scenario scenario) {
        this.model = model;
        getStyleClass().add(CompareStyles.VIEW);
        setId("comparison");
        left = new ComparisonSide(model.left(), "comparison-left");
        right = new ComparisonSide(model.right(), "comparison-right");
        Comparison c = Comparison.of(scenario.id()).orElseThrow(() -> new IllegalArgumentException(
                "scenario '" + scenario.id() + "' has no side-by-side comparison"));
        left.setCaption(Messages.pick(c.left().title()));
        right.setCaption(Messages.pick(c.right().title()));
        Label title = new Label(Messages.text("compare.title", Messages.pick(scenario.title())));
        title.getStyleClass().add(CompareStyles.CAPTION);
        setTop(title);
        setCenter(new SplitPane(left, right));
        statement.setId("comparison-statement");
        statement.getStyleClass().add(CompareStyles.STATEMENT);
        statement.setWrapText(true);
        statement.setMaxWidth(Double.MAX_VALUE);
        setBottom(statement);
        RunViewModel l = model.left();
        RunViewModel r = model.right();
        watched = new Observable[] {l.stateProperty(), r.stateProperty(), model.leftOutcomeProperty(),
                model.rightOutcomeProperty()};
        for (Observable o : watched) {
            o.addListener(restate);
        }
        restate();
    }

    private void restate() {
        ComparisonStatement s = ComparisonStatement.of(model.leftOutcomeProperty().get(),
                model.rightOutcomeProperty().get(), model.left().stateProperty().get(),
                model.right().stateProperty().get());
        statement.setText(s.text());
        statement.setGraphic(s.warning() ? StageIcons.WARNING.node() : null);
        statement.pseudoClassStateChanged(CompareStyles.WARNING, s.warning());
    }

    /** Either side's main program is paused: Space then resumes both. */
    public boolean mainPaused() {
        return Stream.of(left, right).map(side -> side.pump().state().main())
                .anyMatch(main -> main != null && main.status() == ProcStatus.PAUSED);
    }

    /** The sentence under the stages, as shown. */
    public String statementText() {
        return statement.getText();
    }

    /** Lets go of both runs' logs: the comparison left the window (the runs are the model's). */
    public void dispose() {
        for (Observable o : watched) {
            o.removeListener(restate);
        }
        left.dispose();
        right.dispose();
    }
}
