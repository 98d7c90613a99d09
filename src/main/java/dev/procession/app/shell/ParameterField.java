package dev.procession.app.shell;

import dev.procession.app.Messages;
import dev.procession.scenario.BadParameterException;
import dev.procession.scenario.Parameter;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One parameter as the user types it. Every change is checked by the engine's own validation
 * ({@link Scenarios#resolve}), so the refusal reads exactly as the CLI's, bound named; a bad value
 * is kept as typed, never clamped.
 */
public final class ParameterField {
    private final Scenario scenario;
    private final Parameter parameter;
    private final StringProperty text;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();

    ParameterField(Scenario scenario, Parameter parameter) {
        this.scenario = scenario;
        this.parameter = parameter;
        this.text = new SimpleStringProperty(display(parameter.defaultValue()));
        text.addListener((obs, old, now) -> check(now));
    }

    public Parameter parameter() {
        return parameter;
    }

    /** What the user typed (for a yes/no parameter, "true" or "false"). */
    public StringProperty textProperty() {
        return text;
    }

    /** The engine's reason for refusing the text, or null when it is accepted. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private void check(String value) {
        try {
            Scenarios.resolve(scenario, Map.of(parameter.name(), value));
            error.set(null);
        } catch (BadParameterException e) {
            error.set(Messages.pick(e.texts()));
        }
    }

    /** Says the refusal again in the window's language, after it changed. */
    public void recheck() {
        check(textProperty().get());
    }

    /** 2.0 reads as 2: the defaults are the seed's numbers, written as the course writes them. */
    private static String display(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
