package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The markers that tie a scenario's runtime calls to its listing: every {@code mp.at("m")} of
 * its Java program names exactly one line of its Python listing, that line shows the call the
 * marker names, and no marker of the listing is left unused. No process is started.
 */
class ListingMarkersTest {

    static List<Scenario> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyMarkerOfTheJavaProgramNamesOneLineOfTheListingAndEveryListingMarkerIsUsed(Scenario s) {
        Listing python = s.listing();
        Listing java = s.javaProgram();
        assertThat(java.markers()).as("markers of %s", java.fileName()).isNotEmpty();
        assertThat(java.markers().keySet()).as("mp.at markers of %s vs the markers of %s", java.fileName(),
                python.fileName()).isEqualTo(python.markers().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachMarkedLineShowsTheCallTheMarkerNames(Scenario s) {
        Listing python = s.listing();
        for (Map.Entry<String, Integer> m : python.markers().entrySet()) {
            String code = python.line(m.getValue()).strip();
            String key = m.getKey().split("-")[0];
            assertThat(code).as("@%s of %s marks line %d", m.getKey(), python.fileName(), m.getValue())
                    .doesNotStartWith("#").contains(key);
            assertThat(s.lineOf(m.getKey())).isEqualTo(m.getValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theJavaProgramMarksEachCallOnceAndCountsNoLineByHand(Scenario s) {
        Listing java = s.javaProgram();
        String source = String.join("\n", java.lines());
        assertThat(source).as("hand-counted line numbers in %s", java.fileName()).doesNotContain("mp.line(");
        long calls = source.split(Pattern.quote(JavaMarkers.CALL), -1).length - 1L;
        assertThat(calls).as("mp.at calls in %s: each a marker of its own", java.fileName())
                .isEqualTo(java.markers().size());
        for (Map.Entry<String, Integer> m : java.markers().entrySet()) {
            String statement = java.line(m.getValue()).strip();
            assertThat(statement).as("the statement mp.at(\"%s\") marks", m.getKey())
                    .isNotEmpty().doesNotStartWith("//").doesNotStartWith(JavaMarkers.CALL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theShownListingCarriesNoMarker(Scenario s) {
        assertThat(s.listing().lines()).noneMatch(l -> l.contains("# @"));
    }

    @Test
    void anUnknownMarkerFailsNamingTheScenarioAndTheMarker() {
        Scenario lights = Scenarios.byId("traffic-light");
        assertThatThrownBy(() -> lights.lineOf("no-such-call"))
                .isInstanceOf(UnknownMarkerException.class)
                .hasMessageContaining("traffic-light").hasMessageContaining("no-such-call")
                .hasMessageContaining("04_traffic_light_event.py");
    }

    @Test
    void markerCommentsAreTakenOffAndMayNameSeveralCalls() {
        Listing l = PythonMarkers.parse("t.py", List.of(
                "with lock:   # or: lock.acquire()  # @with-enter @with-exit",
                "    e.wait()  # @wait",
                "# a comment about @wait"));
        assertThat(l.lines()).containsExactly("with lock:   # or: lock.acquire()", "    e.wait()",
                "# a comment about @wait");
        assertThat(l.markers()).isEqualTo(Map.of("with-enter", 1, "with-exit", 1, "wait", 2));
    }

    @Test
    void aMalformedOrRepeatedMarkerFailsNamingFileAndLine() {
        assertThatThrownBy(() -> PythonMarkers.parse("t.py", List.of("x()  # @bad!name")))
                .hasMessageContaining("t.py:1");
        assertThatThrownBy(() -> PythonMarkers.parse("t.py", List.of("x()  # @a", "y()  # @a")))
                .hasMessageContaining("t.py:2");
        assertThatThrownBy(() -> PythonMarkers.parse("t.py", List.of("    # @alone")))
                .hasMessageContaining("t.py:1");
        assertThatThrownBy(() -> JavaMarkers.parse("T.java", List.of("mp.at(\"a\"); x();", "y();")))
                .hasMessageContaining("T.java:1");
        assertThatThrownBy(() -> JavaMarkers.parse("T.java", List.of("mp.at(\"a\");", "x();", "mp.at(\"a\");", "y();")))
                .hasMessageContaining("T.java:3");
    }

    @Test
    void theJavaTabShowsTheStatementOfTheMarkerAndTheEntryOfAWithLine() {
        Listing python = PythonMarkers.parse("t.py", List.of("with lock:  # @with-enter @with-exit", "  x()  # @x"));
        Listing java = JavaMarkers.parse("T.java", List.of(
                "mp.at(\"with-enter\");", "lock.acquire();", "mp.at(\"x\");", "x();",
                "mp.at(\"with-exit\");", "lock.release();"));
        assertThat(ListingToJava.lines(python, java)).containsExactly(2, 4);
    }
}
