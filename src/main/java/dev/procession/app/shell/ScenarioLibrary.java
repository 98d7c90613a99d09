package dev.procession.app.shell;

import dev.procession.app.Messages;
import dev.procession.app.theme.Styles;
import dev.procession.scenario.Scenario;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** The scenarios on the left, under the concept each teaches; choosing one tells {@code onChoose}. */
final class ScenarioLibrary extends TreeView<ScenarioLibrary.Entry> {

    /** A row: a concept's heading, or a scenario under it. */
    sealed interface Entry permits Heading, Lesson {
    }

    record Heading(ScenarioGroup group) implements Entry {
    }

    record Lesson(Scenario scenario) implements Entry {
    }

    ScenarioLibrary(List<Scenario> scenarios, Consumer<Scenario> onChoose) {
        super(new TreeItem<>());
        getStyleClass().add(Styles.LIBRARY);
        setShowRoot(false);
        for (Map.Entry<ScenarioGroup, List<Scenario>> group : ScenarioGroup.group(scenarios).entrySet()) {
            TreeItem<Entry> heading = new TreeItem<>(new Heading(group.getKey()));
            heading.setExpanded(true);
            group.getValue().forEach(s -> heading.getChildren().add(new TreeItem<>(new Lesson(s))));
            getRoot().getChildren().add(heading);
        }
        setCellFactory(tree -> new EntryCell());
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.getValue() instanceof Lesson lesson) {
                onChoose.accept(lesson.scenario());
            } else if (now != null && old != null && old.getValue() instanceof Lesson) {
                getSelectionModel().select(old);     // a heading is not a choice: keep the scenario
            }
        });
    }

    /**
     * Chooses the scenario {@code delta} rows below the one chosen (above for a negative delta),
     * across the groups, as a presenter's Page Down and Page Up; it stops at the first and the last.
     */
    void step(int delta) {
        List<TreeItem<Entry>> lessons = getRoot().getChildren().stream().flatMap(h -> h.getChildren().stream())
                .toList();
        int at = lessons.indexOf(getSelectionModel().getSelectedItem());
        int next = at < 0 ? (delta > 0 ? 0 : lessons.size() - 1) : Math.clamp(at + delta, 0, lessons.size() - 1);
        if (next != at && lessons.get(next).getValue() instanceof Lesson lesson) {
            select(lesson.scenario());
        }
    }

    /** Selects {@code scenario}'s row, which chooses it. */
    void select(Scenario scenario) {
        for (TreeItem<Entry> heading : getRoot().getChildren()) {
            for (TreeItem<Entry> row : heading.getChildren()) {
                if (row.getValue() instanceof Lesson lesson && lesson.scenario() == scenario) {
                    getSelectionModel().select(row);
                    scrollTo(getRow(row));
                }
            }
        }
    }

    /**
     * A row that wraps a long title onto a second line in a narrow sidebar instead of cutting it
     * short; its tooltip names the scenario in full as well.
     */
    private static final class EntryCell extends TreeCell<Entry> {
        private final Tooltip tip = new Tooltip();

        EntryCell() {
            setWrapText(true);
            // As wide as the tree, never wider: the text wraps rather than running off the side.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll(Styles.LIBRARY_GROUP, Styles.LIBRARY_SCENARIO);
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            switch (entry) {
                case Heading h -> {
                    setText(Messages.text(h.group().messageKey()));
                    setGraphic(null);
                    getStyleClass().add(Styles.LIBRARY_GROUP);
                }
                case Lesson l -> {
                    setText(Messages.pick(l.scenario().title()));
                    setGraphic(ScenarioGroup.iconOf(l.scenario()).node());
                    getStyleClass().add(Styles.LIBRARY_SCENARIO);
                }
            }
            tip.setText(getText());
            setTooltip(tip);
        }
    }
}
