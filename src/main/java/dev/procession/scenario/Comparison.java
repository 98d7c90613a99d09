package dev.procession.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lesson shown as two runs of one scenario side by side that differ in one thing (the Lock,
 * most often): what each side sets over the user's own parameters, and what each is called.
 *
 * @param scenario the scenario both sides run
 * @param left     the side shown on the left: the one that does it right
 * @param right    the side shown on the right: the one that shows what goes wrong
 */
public record Comparison(String scenario, Side left, Side right) {

    /**
     * One side of a comparison.
     *
     * @param values what it sets, as a user would type it ({@code lock=false})
     * @param title  its caption by language tag, as {@link Scenario#title()}
     */
    public record Side(Map<String, String> values, Map<String, String> title) {
        public Side {
            values = Map.copyOf(values);
            title = Map.copyOf(title);
        }

        Side setting(Map<String, String> these) {
            return new Side(these, title);
        }
    }

    private static final Side WITH_LOCK = new Side(Map.of(), Map.of(
            Parameter.ENGLISH, "With the Lock", Parameter.CHINESE, "加锁"));
    private static final Side WITHOUT_LOCK = new Side(Map.of(), Map.of(
            Parameter.ENGLISH, "Without the Lock", Parameter.CHINESE, "不加锁"));

    private static final List<Comparison> ALL = List.of(
            new Comparison("tickets", WITH_LOCK.setting(Map.of("lock", "true")),
                    WITHOUT_LOCK.setting(Map.of("lock", "false"))),
            new Comparison("manager", WITH_LOCK.setting(Map.of("unlocked", "false", "locked", "true")),
                    WITHOUT_LOCK.setting(Map.of("unlocked", "true", "locked", "false"))));

    /** The comparison a scenario offers, if any. */
    public static Optional<Comparison> of(String scenario) {
        return ALL.stream().filter(c -> c.scenario.equals(scenario)).findFirst();
    }

    /** The scenarios that offer one, in the library's order. */
    public static List<String> scenarios() {
        return ALL.stream().map(Comparison::scenario).toList();
    }

    /** {@code values}, with what {@code side} sets in their place: the side's own always wins. */
    public static Map<String, String> over(Map<String, String> values, Side side) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(side.values());
        return merged;
    }
}
