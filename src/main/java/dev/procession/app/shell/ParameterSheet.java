package dev.procession.app.shell;

import atlantafx.base.controls.ToggleSwitch;
import dev.procession.app.Messages;
import dev.procession.app.theme.Styles;
import dev.procession.scenario.Comparison;
import dev.procession.scenario.Parameter;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A scenario's parameters, three rows each: the name on a line of its own (never cut short, however
 * narrow the sidebar), the field and its bounds, then the help line or, for a refused value, the
 * engine's reason in its place.
 */
final class ParameterSheet extends GridPane {

    /** @param comparing the side-by-side comparison is shown: the values its sides set are theirs, not the sheet's */
    ParameterSheet(ParameterSheetModel model, ObservableBooleanValue comparing) {
        getStyleClass().add(Styles.PARAMETER_SHEET);
        Optional<Comparison> comparison = Comparison.of(model.scenario().id());
        int row = 0;
        for (ParameterField field : model.fields()) {
            Parameter p = field.parameter();
            Optional<String> bySides = comparison.flatMap(c -> setBySides(c, p.name()));
            Label name = new Label(p.name());
            name.getStyleClass().add(Styles.PARAMETER_NAME);
            name.setMinWidth(Region.USE_PREF_SIZE);
            Node input = input(field);
            name.setLabelFor(input);
            add(name, 0, row++, 2, 1);
            add(input, 0, row);
            Label bounds = new Label(bounds(p));
            bounds.getStyleClass().add(Styles.PARAMETER_BOUNDS);
            bounds.setWrapText(true);
            setHgrow(bounds, Priority.ALWAYS);
            add(bounds, 1, row++);
            Label note = note(field);
            add(note, 0, row++, 2, 1);
            bySides.ifPresent(said -> {
                input.disableProperty().bind(comparing);
                note.textProperty().unbind();
                ObservableValue<String> own = field.errorProperty().orElse(Messages.pick(p.helpTexts()));
                note.textProperty().bind(Bindings.createStringBinding(() -> comparing.get() ? said : own.getValue(),
                        comparing, own));
            });
        }
        if (model.fields().isEmpty()) {
            add(new Label(Messages.text("parameters.none")), 0, 0);
        }
    }

    private static Node input(ParameterField field) {
        if (field.parameter().type() == Parameter.Type.BOOL) {
            ToggleSwitch toggle = new ToggleSwitch();
            toggle.setSelected(Boolean.parseBoolean(field.textProperty().get()));
            toggle.selectedProperty().addListener((obs, old, now) -> field.textProperty().set(now.toString()));
            toggle.setId(fieldId(field));
            return toggle;
        }
        if (field.parameter().type() == Parameter.Type.CHOICE) {
            ChoiceBox<String> choice = new ChoiceBox<>(FXCollections.observableArrayList(field.parameter().choices()));
            choice.setValue(field.textProperty().get());
            choice.valueProperty().addListener((obs, old, now) -> field.textProperty().set(now));
            choice.setId(fieldId(field));
            return choice;
        }
        TextField text = new TextField();
        text.textProperty().bindBidirectional(field.textProperty());
        text.setPrefColumnCount(6);
        text.setId(fieldId(field));
        text.setTooltip(new Tooltip(Messages.pick(field.parameter().helpTexts())));
        field.errorProperty().addListener((obs, old, now) -> text.pseudoClassStateChanged(Styles.INVALID, now != null));
        setHgrow(text, Priority.NEVER);
        return text;
    }

    /** Under the field: its help, or the reason its value is refused. */
    private static Label note(ParameterField field) {
        Label note = new Label();
        note.setWrapText(true);
        note.setId(fieldId(field) + "-note");
        note.getStyleClass().add(Styles.PARAMETER_NOTE);
        note.textProperty().bind(field.errorProperty().orElse(Messages.pick(field.parameter().helpTexts())));
        field.errorProperty().addListener((obs, old, now) -> note.pseudoClassStateChanged(Styles.INVALID, now != null));
        return note;
    }

    /** "Each side sets its own: true on the left, false on the right", for a value a comparison sets. */
    private static Optional<String> setBySides(Comparison c, String name) {
        String left = c.left().values().get(name);
        String right = c.right().values().get(name);
        if (left == null && right == null) {
            return Optional.empty();
        }
        return Optional.of(Messages.text("compare.setBySides", Objects.toString(left, "\u2014"),
                Objects.toString(right, "\u2014")));
    }

    private static String bounds(Parameter p) {
        return switch (p.type()) {
            case BOOL -> Messages.text("parameters.yesNo");
            case INT, NUMBER -> Messages.text("parameters.range", p.min(), p.max());
            case CHOICE -> Messages.text("parameters.oneOf", String.join(" | ", p.choices()));
        };
    }

    /** "parameter-cars": how tests and scripts find a field. */
    static String fieldId(ParameterField field) {
        return "parameter-" + field.parameter().name();
    }
}
