package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.testing.RealRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/event-log.md is the log's contract: every scenario (and a few test programs) is run, and
 * every kind and every field its log holds must be documented in that kind's table there.
 * Every run also starts with its header and ends every process it started with one exit.
 */
class EventLogConformanceTest {
    private static final Path DOC = Path.of("docs/event-log.md");
    private static final double SPEED = 20;
    /** Smaller than the defaults where that keeps a run short; the rest run with their defaults. */
    private static final Map<String, Map<String, String>> SETTINGS = Map.of(
            "traffic-light", Map.of("cars", "3"),
            "manager", Map.of("processes", "2", "decrements", "3", "count", "6"),
            "pipe", Map.of("rounds", "2"));
    private static final List<Map<String, Object>> TEST_CASES = List.of(
            Map.of("program", "test-log", "case", "join-timeout"),
            Map.of("program", "test-log", "case", "exit-handling"),
            Map.of("program", "test-sharedctypes", "case", "array-from-children"),
            Map.of("program", "test-sharedctypes", "case", "value-lock-blocks"),
            Map.of("program", "test-sharedctypes", "case", "array"));

    @Test
    void everyKindAndFieldOfEveryRunIsDocumented() throws Exception {
        Contract contract = Contract.parse(Files.readString(DOC));
        Map<String, Set<String>> undocumented = new HashMap<>();
        for (Scenario scenario : Scenarios.all()) {
            RealRun.Result r = ScenarioRun.run(scenario.id(), SETTINGS.getOrDefault(scenario.id(),
                    ScenarioRun.ENDING.getOrDefault(scenario.id(), Map.of())), SPEED);
            checkHeader(r.events(), scenario);
            checkEveryStartHasOneExit(scenario.id(), r.events());
            contract.collectUndocumented(r.events(), undocumented);
        }
        for (Map<String, Object> c : TEST_CASES) {
            RealRun.Result r = RealRun.runCase((String) c.get("program"), (String) c.get("case"));
            checkEveryStartHasOneExit(c.toString(), r.events());
            contract.collectUndocumented(r.events(), undocumented);
        }
        assertThat(undocumented).as("kinds (key) and fields (value) emitted but not in %s's tables", DOC).isEmpty();
    }

    private static void checkHeader(List<Event> events, Scenario scenario) {
        Event header = events.getFirst();
        assertThat(header.kind()).isEqualTo(EventKind.RUN);
        assertThat(header.seq()).isEqualTo(1);
        assertThat(header.pid()).isZero();
        assertThat(header.get("scenario")).isEqualTo(scenario.id());
        assertThat(header.get("listing")).isEqualTo(Map.of("file", scenario.listing().fileName(),
                "lines", scenario.listing().lines()));
        Map<?, ?> java = (Map<?, ?>) header.get("java");
        assertThat(java.get("file")).isEqualTo(scenario.javaProgram().fileName());
        assertThat(java.get("lines")).isEqualTo(scenario.javaProgram().lines());
        assertThat((List<?>) java.get("atListingLine")).hasSameSizeAs(scenario.listing().lines());
    }

    private static void checkEveryStartHasOneExit(String run, List<Event> events) {
        Set<Long> started = new HashSet<>();
        Map<Long, Integer> exits = new HashMap<>();
        for (Event e : events) {
            if (e.kind() == EventKind.SPAWN || e.kind() == EventKind.START) {
                started.add(e.pid());
            } else if (e.kind() == EventKind.EXIT) {
                exits.merge(e.pid(), 1, Integer::sum);
            }
        }
        for (long pid : started) {
            assertThat(exits.get(pid)).as("exit events of pid %d in the run of %s", pid, run).isEqualTo(1);
        }
    }

    /** The fields each kind's table documents, and the fields every kind may have. */
    record Contract(Map<String, Set<String>> fieldsByKind, Set<String> common) {
        private static final Pattern CODE = Pattern.compile("`([^`]+)`");

        /** Tables whose first column is "kind" (kinds | details | ...) or "field" (common fields). */
        static Contract parse(String markdown) {
            Map<String, Set<String>> byKind = new HashMap<>();
            Set<String> common = new HashSet<>();
            String table = null;
            for (String line : markdown.lines().toList()) {
                if (!line.startsWith("|")) {
                    table = null;
                    continue;
                }
                List<String> cells = cells(line);
                if (table == null) {
                    table = cells.getFirst();
                    continue;
                }
                if (cells.getFirst().startsWith("---")) {
                    continue;
                }
                if (table.equals("field")) {
                    common.addAll(codes(cells.getFirst()));
                } else if (table.equals("kind")) {
                    for (String kind : codes(cells.getFirst())) {
                        byKind.computeIfAbsent(kind, k -> new HashSet<>()).addAll(codes(cells.get(1)));
                    }
                }
            }
            return new Contract(byKind, common);
        }

        void collectUndocumented(List<Event> events, Map<String, Set<String>> into) {
            for (Event e : events) {
                String kind = e.kind().wireName();
                Set<String> documented = fieldsByKind.get(kind);
                if (documented == null) {
                    into.computeIfAbsent(kind, k -> new TreeSet<>()).add("(the kind itself)");
                    continue;
                }
                for (String field : e.data().keySet()) {
                    if (!documented.contains(field) && !common.contains(field)) {
                        into.computeIfAbsent(kind, k -> new TreeSet<>()).add(field);
                    }
                }
            }
        }

        private static List<String> cells(String row) {
            List<String> cells = new ArrayList<>();
            for (String cell : row.substring(1).split("\\|", -1)) {
                cells.add(cell.strip());
            }
            return cells;
        }

        private static Set<String> codes(String cell) {
            Set<String> found = new LinkedHashSet<>();
            Matcher m = CODE.matcher(cell);
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        }
    }
}
