package dev.procession.cli;

import dev.procession.scenario.BadParameterException;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --set KEY=VALUE} as both the CLI and the window take it: split here, checked by the
 * engine ({@link Scenarios#resolve}), so a refusal reads the same from either.
 */
public final class Settings {
    private Settings() {
    }

    /** The values by name, as typed; fails naming the scenario's parameters when one is not KEY=VALUE. */
    public static Map<String, String> parse(Scenario scenario, List<String> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new BadParameterException("--set takes KEY=VALUE, got '" + s + "'; "
                        + Scenarios.describeParameters(scenario));
            }
            String key = s.substring(0, eq).trim();
            if (values.put(key, s.substring(eq + 1)) != null) {
                throw new BadParameterException("--set " + key + " is given twice; give each parameter once");
            }
        }
        return values;
    }
}
