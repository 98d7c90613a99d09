package dev.procession.app.shell;

import dev.procession.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.Observable;

/** A scenario's parameters as the user sets them; valid when every field is. */
public final class ParameterSheetModel {
    private final Scenario scenario;
    private final List<ParameterField> fields;
    private final BooleanBinding valid;

    public ParameterSheetModel(Scenario scenario) {
        this.scenario = scenario;
        this.fields = scenario.parameters().stream().map(p -> new ParameterField(scenario, p)).toList();
        Observable[] errors = fields.stream().map(ParameterField::errorProperty).toArray(Observable[]::new);
        this.valid = Bindings.createBooleanBinding(
                () -> fields.stream().map(f -> f.errorProperty().get()).allMatch(Objects::isNull), errors);
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<ParameterField> fields() {
        return fields;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** The values as typed, by parameter name, for {@code Scenarios.resolve}. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(f -> values.put(f.parameter().name(), f.textProperty().get()));
        return values;
    }
}
