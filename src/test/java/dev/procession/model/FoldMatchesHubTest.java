package dev.procession.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventLog;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.Run;
import dev.procession.testing.HubMoment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fold is the one replayer of the log: at moments sampled through real runs of every
 * scenario, the state it folds from the log up to that moment equals the hub's own state then.
 */
class FoldMatchesHubTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(emptyValue = "", delimiter = '|', value = {
            "basics|",
            "join|children=2,timeout=0.5,long=1",
            "daemon|count=2,sleep=1",
            "terminate|delay=0.3",
            "tickets|buyers=5,stock=2,lock=true",
            "tickets|buyers=4,stock=1,lock=false",
            "ktv|people=6,seats=3",
            "traffic-light|cars=4,period=0.5",
            "queue|children=3,maxsize=1,delay=0.2",
            "pipe|rounds=1",
            "manager|processes=3,decrements=5,count=100",
            "pool|workers=2,tasks=4,delay=0.2"})
    void everySampledMomentMatches(String scenario, String settings) throws Exception {
        Map<String, Object> params = Scenarios.resolve(Scenarios.byId(scenario), parse(settings));
        EventLog log = new EventLog();
        List<HubMoment> moments = new ArrayList<>();
        try (Run run = Run.start(scenario, params, 2.0, log)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!run.finished().isDone() && System.nanoTime() < deadline) {
                moments.add(HubMoment.of(run));
                LockSupport.parkNanos(Duration.ofMillis(40).toNanos());
            }
            assertThat(run.finished().get(1, TimeUnit.SECONDS)).as("main's exit code").isZero();
            moments.add(HubMoment.of(run));
        }
        List<Event> events = log.snapshot();
        assertThat(moments).hasSizeGreaterThan(2);
        RunState state = RunState.EMPTY;
        int next = 0;
        for (HubMoment m : moments) {
            while (next < m.seq()) {
                state = state.apply(events.get(next++));
            }
            m.assertFoldMatches(state);
        }
    }

    private static Map<String, String> parse(String settings) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String kv : settings == null || settings.isBlank() ? new String[0] : settings.split(",")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], p[1]);
        }
        return m;
    }
}
