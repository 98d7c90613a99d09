package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.procession.runtime.Programs;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The library: every scenario is complete and registered, and parameters are checked on the way in. */
class ScenariosTest {
    @Test
    void theLibraryHoldsTheSeedsScenariosInTeachingOrder() {
        assertThat(Scenarios.all()).extracting(Scenario::id)
                .containsExactly("basics", "join", "daemon", "terminate", "tickets", "ktv", "traffic-light", "queue", "pipe", "manager",
                        "pool", "philosophers", "two-locks");
    }

    @Test
    void everyScenarioIsFoundByChildJvmsThroughTheServiceFile() {
        for (Scenario s : Scenarios.all()) {
            assertThat(Programs.find(s.id())).as(s.id()).isInstanceOf(s.getClass());
        }
    }

    @Test
    void everyScenarioHasTextsInBothLanguagesAListingAndSaneParameters() {
        for (Scenario s : Scenarios.all()) {
            assertThat(s.title()).as("title of %s", s.id()).containsOnlyKeys("en", "zh-Hans")
                    .allSatisfy((lang, text) -> assertThat(text).isNotBlank());
            assertThat(s.explanation()).as("explanation of %s", s.id()).containsOnlyKeys("en", "zh-Hans")
                    .allSatisfy((lang, text) -> assertThat(text).isNotBlank());
            assertThat(s.listing().lines()).as("listing of %s", s.id()).isNotEmpty();
            var names = new HashSet<String>();
            for (Parameter p : s.parameters()) {
                assertThat(names.add(p.name())).as("%s declares %s once", s.id(), p.name()).isTrue();
                // The default must itself pass the checks a user's value goes through.
                assertThat(p.parse(String.valueOf(p.defaultValue()))).as("%s.%s", s.id(), p.name())
                        .isEqualTo(p.defaultValue());
            }
        }
    }

    @Test
    void defaultsAreTheSeedsNumbers() {
        assertThat(defaults("basics")).isEmpty();
        assertThat(defaults("join")).containsExactly(entry("children", 3L), entry("timeout", 2.0), entry("long", 5.0));
        assertThat(defaults("daemon")).containsExactly(entry("count", 5L), entry("sleep", 3.0));
        assertThat(defaults("terminate")).containsExactly(entry("delay", 0.5));
        assertThat(defaults("tickets")).containsExactly(entry("buyers", 10L), entry("stock", 1L), entry("lock", true));
        assertThat(defaults("ktv")).containsExactly(entry("people", 10L), entry("seats", 4L));
        assertThat(defaults("traffic-light")).containsExactly(entry("cars", 10L), entry("period", 2.0),
                entry("patience", 0.0));
        assertThat(defaults("queue")).containsExactly(entry("children", 10L), entry("maxsize", 0L), entry("delay", 0.0),
                entry("nowait", false));
        assertThat(defaults("pipe")).containsExactly(entry("rounds", 1L));
        assertThat(defaults("manager")).containsExactly(entry("processes", 10L), entry("decrements", 100L),
                entry("count", 1000L), entry("unlocked", true), entry("locked", true));
        assertThat(defaults("pool")).containsExactly(entry("workers", 4L), entry("tasks", 10L), entry("delay", 0.5));
    }

    @Test
    void overridesAreParsedToTheParametersTypes() {
        Map<String, Object> values = Scenarios.resolve(Scenarios.byId("tickets"),
                Map.of("buyers", " 100 ", "stock", "0", "lock", "false"));
        assertThat(values).containsExactly(entry("buyers", 100L), entry("stock", 0L), entry("lock", false));
        assertThat(Scenarios.resolve(Scenarios.byId("traffic-light"), Map.of("period", "0.1")))
                .containsEntry("period", 0.1);
    }

    @Test
    void anUnknownParameterIsNamedWithTheOnesThatExist() {
        assertThatThrownBy(() -> Scenarios.resolve(Scenarios.byId("ktv"), Map.of("rooms", "2")))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("'rooms'").hasMessageContaining("people (an integer from 1 to 100), seats (an integer from 1 to 10)");
        assertThatThrownBy(() -> Scenarios.resolve(Scenarios.byId("basics"), Map.of("counter", "1")))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("'counter'")
                .hasMessageContaining("no parameters");
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', value = {
        // out of bounds
        "tickets       | buyers  | 0     | an integer from 1 to 100",
        "tickets       | buyers  | 101   | an integer from 1 to 100",
        "tickets       | stock   | -1    | an integer from 0 to 100",
        "tickets       | stock   | 101   | an integer from 0 to 100",
        "ktv           | people  | 101   | an integer from 1 to 100",
        "ktv           | seats   | 0     | an integer from 1 to 10",
        "ktv           | seats   | 11    | an integer from 1 to 10",
        "daemon        | count   | 0     | an integer from 1 to 30",
        "daemon        | sleep   | 30.5  | a number from 0.0 to 30.0",
        "join          | timeout | -1    | a number from 0.0 to 60.0",
        "terminate     | delay   | 11    | a number from 0.0 to 10.0",
        "traffic-light | period  | 0.05  | a number from 0.1 to 30.0",
        // wrong type
        "tickets       | buyers  | ten   | an integer from 1 to 100",
        "tickets       | buyers  | 2.5   | an integer from 1 to 100",
        "tickets       | lock    | maybe | true or false",
        "ktv           | seats   | ''    | an integer from 1 to 10",
        "traffic-light | period  | NaN   | a number from 0.1 to 30.0",
        "traffic-light | period  | fast  | a number from 0.1 to 30.0",
    })
    void aBadValueIsRefusedNamingTheParameterAndItsBounds(String id, String name, String value, String bounds) {
        assertThatThrownBy(() -> Scenarios.resolve(Scenarios.byId(id), Map.of(name, value)))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining(bounds);
    }

    @Test
    void anUnknownScenarioIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> Scenarios.byId("queue-of-doom"))
                .isInstanceOf(UnknownScenarioException.class)
                .hasMessageContaining("'queue-of-doom'").hasMessageContaining("tickets");
    }

    private static Map<String, Object> defaults(String id) {
        return Scenarios.resolve(Scenarios.byId(id), Map.of());
    }
}
