package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a scenario of the library in real processes and reads what happened from its log. */
final class ScenarioRun {
    /** The scenarios that deadlock by default (and hang until the user acts, as in Python), fixed so that they end. */
    static final Map<String, Map<String, String>> ENDING = Map.of(
            "philosophers", Map.of("fix", "ordered"),
            "two-locks", Map.of("fix", "ordered"));

    private ScenarioRun() {
    }

    /**
     * Runs {@code id} with its defaults overridden by {@code settings}; checks that the main
     * process ended with 0, that no process raised, and that every line marked in the log is
     * a line of code in the scenario's listing.
     */
    static RealRun.Result run(String id, Map<String, String> settings, double speed) throws Exception {
        Scenario scenario = Scenarios.byId(id);
        RealRun.Result r = RealRun.run(id, Scenarios.resolve(scenario, settings), speed, Duration.ofSeconds(60));
        check(scenario, r);
        return r;
    }

    /** The checks every scenario run passes: exit code 0, no error, lines of code marked. */
    static void check(Scenario scenario, RealRun.Result r) {
        assertThat(r.exitCode()).as("main's exit code; errors:\n%s\nprints: %s", r.errors(), r.prints()).isZero();
        assertThat(r.of("error")).as("errors raised in the run:\n%s", r.errors()).isEmpty();
        checkListingLines(scenario.listing(), r.events());
    }

    /** A code view puts a process's cursor on the marked line: it must be code, not a comment or blank. */
    static void checkListingLines(Listing listing, List<Event> events) {
        for (Event e : events) {
            if (e.get("line") instanceof Long line) {
                assertThat(line).as("line of %s", e).isBetween(1L, (long) listing.lines().size());
                String code = listing.line(line.intValue()).strip();
                assertThat(code).as("listing line %d marked by %s", line, e).isNotEmpty().doesNotStartWith("#");
            }
        }
    }

    static long pidOf(RealRun.Result r, String proc) {
        return spawnOf(r, proc).pid();
    }

    static Event spawnOf(RealRun.Result r, String proc) {
        return r.of("spawn").stream().filter(e -> proc.equals(e.proc())).findFirst()
                .orElseThrow(() -> new AssertionError("no spawn of " + proc + " in\n" + r.transcript()));
    }

    static Event exitOf(RealRun.Result r, String proc) {
        return r.of("exit").stream().filter(e -> proc.equals(e.proc())).findFirst()
                .orElseThrow(() -> new AssertionError("no exit of " + proc + " in\n" + r.transcript()));
    }

    static Long exitCodeOf(RealRun.Result r, String proc) {
        return (Long) exitOf(r, proc).get("exitcode");
    }

    /** The print of {@code text} by {@code proc}. */
    static Event printOf(RealRun.Result r, String proc, String text) {
        return prints(r, proc).stream().filter(e -> text.equals(e.text("text"))).findFirst()
                .orElseThrow(() -> new AssertionError(proc + " did not print '" + text + "'; prints: " + r.prints()));
    }

    static List<Event> prints(RealRun.Result r, String proc) {
        return r.of("print").stream().filter(e -> proc.equals(e.proc())).toList();
    }

    /** The ref ("Event#1") of the one primitive of {@code type} the run created. */
    static String objectOf(RealRun.Result r, String type) {
        List<String> refs = r.of("new").stream().filter(e -> type.equals(e.get("type"))).map(Event::obj).toList();
        assertThat(refs).as("%s objects created", type).hasSize(1);
        return refs.getFirst();
    }
}
