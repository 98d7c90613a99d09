package dev.procession.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The library of scenarios, in teaching order, and the checking of their parameters. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(
            new BasicsScenario(),
            new JoinScenario(),
            new DaemonScenario(),
            new TerminateScenario(),
            new TicketsScenario(),
            new KtvScenario(),
            new TrafficLightScenario(),
            new QueueScenario(),
            new PipeScenario(),
            new ManagerScenario(),
            new PoolScenario(),
            new PhilosophersScenario(),
            new TwoLocksScenario());

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    /** The scenario whose program is {@code id}; empty for other programs (test programs). */
    public static java.util.Optional<Scenario> find(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public static Scenario byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownScenarioException("unknown scenario '" + id + "'; known: "
                        + String.join(", ", ALL.stream().map(Scenario::id).toList())));
    }

    /** The defaults, overridden by the given values; any error names the parameter. */
    public static Map<String, Object> resolve(Scenario scenario, Map<String, String> overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : scenario.parameters()) {
            values.put(p.name(), p.defaultValue());
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            Parameter p = scenario.parameters().stream().filter(q -> q.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new BadParameterException("scenario '" + scenario.id()
                            + "' has no parameter '" + e.getKey() + "'; " + describeParameters(scenario)));
            values.put(p.name(), p.parse(e.getValue()));
        }
        scenario.checkTogether(values);
        return values;
    }

    /** "its parameters: cars (an integer from 1 to 30), period (...)", for error messages. */
    public static String describeParameters(Scenario s) {
        if (s.parameters().isEmpty()) {
            return "it has no parameters";
        }
        return "its parameters: " + String.join(", ", s.parameters().stream()
                .map(p -> p.name() + " (" + p.describe() + ")").toList());
    }
}
