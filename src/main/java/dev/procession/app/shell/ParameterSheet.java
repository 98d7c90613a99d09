package dev.procession.app.shell;

import atlantafx.base.controls.ToggleSwitch;
import dev.procession.app.Messages;
import dev.procession.app.theme.Styles;
import dev.procession.scenario.Parameter;
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

    ParameterSheet(ParameterSheetModel model) {
        getStyleClass().add(Styles.PARAMETER_SHEET);
        int row = 0;
        for (ParameterField field : model.fields()) {
            Parameter p = field.parameter();
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
            add(note(field), 0, row++, 2, 1);
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
