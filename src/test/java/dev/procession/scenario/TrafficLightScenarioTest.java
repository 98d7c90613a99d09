package dev.procession.scenario;

import dev.procession.events.EventKind;
import static dev.procession.scenario.ScenarioRun.exitOf;
import static dev.procession.scenario.ScenarioRun.printOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficLightScenarioTest {
    @Test
    void noCarPassesAtRedAndTheDaemonLightEndsWithMainsCode() throws Exception {
        RealRun.Result r = ScenarioRun.run("traffic-light", Map.of(), 10);
        String light = ScenarioRun.objectOf(r, "Event");
        List<Event> events = r.events();
        for (int car = 0; car < 10; car++) {
            String name = "car" + car;
            Event through = printOf(r, name, name + " through");
            assertPassedAtGreen(events, light, name, through);
        }

        Event over = printOf(r, "MainProcess", "The main program is over!");
        Event lightExit = exitOf(r, "light");
        assertThat(lightExit.get("exitcode")).as("the daemon light is terminated").isEqualTo(-15L);
        assertThat(lightExit.seq()).isGreaterThan(over.seq());
        assertThat(r.of("signal")).filteredOn(e -> "light".equals(e.proc()))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("signal")).isEqualTo("SIGTERM");
                    assertThat(e.seq()).as("SIGTERM after main's last print").isGreaterThan(over.seq());
                });
    }

    /**
     * With patience, a car that meets a long red waits only that long: its wait ends with outcome
     * timeout while the light stayed clear, it prints wait's False, and it never passes. The others
     * pass at green. The first car starts at red (the light turns green after a whole period).
     */
    @Test
    void aCarWithPatienceTurnsBackWhenItsWaitTimesOutAtRed() throws Exception {
        RealRun.Result r = ScenarioRun.run("traffic-light", Map.of("cars", "6", "period", "3", "patience", "0.5"), 4);
        String light = ScenarioRun.objectOf(r, "Event");
        List<Event> events = r.events();
        int turnedBack = 0;
        for (int car = 0; car < 6; car++) {
            String name = "car" + car;
            List<String> said = ScenarioRun.prints(r, name).stream().map(e -> e.text("text")).toList();
            if (said.contains(name + " through")) {
                assertPassedAtGreen(events, light, name, printOf(r, name, name + " through"));
                continue;
            }
            turnedBack++;
            Event back = printOf(r, name, name + " turns back: e.wait(PATIENCE) returned False");
            Event wait = events.stream().filter(e -> name.equals(e.proc()) && light.equals(e.obj())
                    && e.kind() == EventKind.WAIT).findFirst().orElseThrow();
            Event end = events.stream().filter(e -> name.equals(e.proc()) && light.equals(e.obj())
                    && e.get("outcome") != null).findFirst().orElseThrow();
            assertThat(end.kind()).as("how %s's wait ended", name).isEqualTo(EventKind.TIMEOUT);
            assertThat(end.get("outcome")).isEqualTo("timeout");
            assertThat(end.seq()).isBetween(wait.seq(), back.seq());
            assertThat(lastChange(events, light, end.seq())).as("the light when %s gave up", name).isEqualTo("clear");
            assertThat(events).as("the light changed while %s waited", name)
                    .filteredOn(e -> e.seq() > wait.seq() && e.seq() < end.seq() && light.equals(e.obj())
                            && (e.kind() == EventKind.SET || e.kind() == EventKind.CLEAR)).isEmpty();
        }
        assertThat(turnedBack).as("cars that turned back (car0 meets the first red)").isPositive();
    }

    /**
     * A car passes at green when the last thing it learnt of the light before "through" says so:
     * a check that saw it set, or the end of its wait: a wake-up by a set, or (when the light
     * turned green between its check and its wait) a wait that returned at once, which the log
     * records as a {@code woke} with outcome at-once. The light may turn red again before the car
     * prints "through", as it may in Python.
     */
    static void assertPassedAtGreen(List<Event> events, String light, String car, Event through) {
        Event decision = lastLook(events, light, car, through.seq());
        assertThat(decision).as("%s looked at the light before passing", car).isNotNull();
        String lastChange = lastChange(events, light, decision.seq());
        switch (decision.kind()) {
            case CHECK -> assertThat(decision.get("set")).as("what %s's last check saw", car).isEqualTo(true);
            case WOKE -> assertThat(decision.get("outcome")).as("how %s's wait ended", car).isIn("woke", "at-once");
            default -> throw new AssertionError(car + " passed after " + decision + " without seeing green");
        }
        assertThat(lastChange).as("the light when %s last looked at it", car).isEqualTo("set");
    }

    /** The car's last event on the light (check, wait or woke) before {@code seq}. */
    private static Event lastLook(List<Event> events, String light, String car, long seq) {
        Event last = null;
        for (Event e : events) {
            if (e.seq() >= seq) {
                break;
            }
            if (car.equals(e.proc()) && light.equals(e.obj())) {
                last = e;
            }
        }
        return last;
    }

    /** "set" or "clear": the light's last change before {@code seq}, or "clear" (its start) if none. */
    private static String lastChange(List<Event> events, String light, long seq) {
        String last = "clear";
        for (Event e : events) {
            if (e.seq() >= seq) {
                break;
            }
            if (light.equals(e.obj()) && (e.kind() == EventKind.SET || e.kind() == EventKind.CLEAR)) {
                last = e.kind().wireName();
            }
        }
        return last;
    }
}
