package dev.procession.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventLog;
import dev.procession.hub.ProcInfo;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.Run;
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

    /** What the hub held at one moment, read on its thread together with the log's length. */
    private record Moment(long seq, Map<String, Map<String, Object>> primitives, List<ProcInfo> processes) {
    }

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
        List<Moment> moments = new ArrayList<>();
        try (Run run = Run.start(scenario, params, 2.0, log)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!run.finished().isDone() && System.nanoTime() < deadline) {
                moments.add(run.hub().query(() -> new Moment(log.size(), run.hub().primitives(),
                        run.hub().processes())));
                LockSupport.parkNanos(Duration.ofMillis(40).toNanos());
            }
            assertThat(run.finished().get(1, TimeUnit.SECONDS)).as("main's exit code").isZero();
            moments.add(run.hub().query(() -> new Moment(log.size(), run.hub().primitives(), run.hub().processes())));
        }
        List<Event> events = log.snapshot();
        assertThat(moments).hasSizeGreaterThan(2);
        RunState state = RunState.EMPTY;
        int next = 0;
        for (Moment m : moments) {
            while (next < m.seq()) {
                state = state.apply(events.get(next++));
            }
            assertMatches(state, m);
        }
    }

    private static void assertMatches(RunState state, Moment m) {
        String at = "at seq " + m.seq();
        m.primitives().forEach((ref, hub) -> {
            PrimitiveState folded = state.primitive(ref);
            assertThat(folded).as("%s %s", ref, at).isNotNull();
            switch (folded) {
                case LockState l -> {
                    assertThat(l.holder()).as("%s holder %s", ref, at).isEqualTo(hub.get("holder"));
                    assertThat(l.waiters()).as("%s waiters %s", ref, at).isEqualTo(hub.get("waiters"));
                }
                case SemaphoreState s -> {
                    assertThat(s.value()).as("%s value %s", ref, at).isEqualTo(hub.get("value"));
                    assertThat(s.waiters()).as("%s waiters %s", ref, at).isEqualTo(hub.get("waiters"));
                    assertThat(new java.util.HashSet<Object>(s.holders())).as("%s holders %s", ref, at)
                            .isEqualTo(new java.util.HashSet<>(distinct(hub.get("holders"))));
                }
                case FlagState f -> {
                    assertThat(f.set()).as("%s flag %s", ref, at).isEqualTo(hub.get("set"));
                    assertThat(f.waiters()).as("%s waiters %s", ref, at).isEqualTo(hub.get("waiters"));
                }
                case QueueState q -> {
                    assertThat((long) q.size()).as("%s size %s", ref, at).isEqualTo(hub.get("size"));
                    assertThat(q.putters()).as("%s putters %s", ref, at).isEqualTo(hub.get("putters"));
                    assertThat(q.getters()).as("%s getters %s", ref, at).isEqualTo(hub.get("getters"));
                }
                case PipeEndState p -> {
                    assertThat((long) p.inbox().size()).as("%s in flight %s", ref, at).isEqualTo(hub.get("size"));
                    assertThat(p.receivers()).as("%s receivers %s", ref, at).isEqualTo(hub.get("receivers"));
                }
                case PoolState p -> assertThat(p.queued()).as("%s queued %s", ref, at).isEqualTo(
                        ((Number) hub.get("queued")).longValue());
                default -> { }
            }
        });
        for (ProcInfo p : m.processes()) {
            if (p.pid() == 0) {
                continue;
            }
            ProcState folded = state.process(p.pid());
            if ("created".equals(p.state())) {
                // Registered by its parent, not yet started: the log knows it from its spawn on.
                continue;
            }
            assertThat(folded).as("process %s %s", p.name(), at).isNotNull();
            assertThat(folded.name()).isEqualTo(p.name());
            assertThat(folded.daemon()).as("%s daemon %s", p.name(), at).isEqualTo(p.daemon());
            assertThat(folded.activity()).as("%s activity %s", p.name(), at).isEqualTo(activity(p));
            if (p.exited()) {
                assertThat(folded.exitCode()).as("%s exit code %s", p.name(), at).isEqualTo(p.exitCode());
            } else if (folded.activity() == Activity.BLOCKED) {
                assertThat(folded.blockedOn()).as("%s blocked on %s", p.name(), at).isEqualTo(p.blockedOn());
            }
        }
    }

    private static Activity activity(ProcInfo p) {
        return switch (p.state()) {
            case "running" -> Activity.RUNNING;
            case "blocked" -> Activity.BLOCKED;
            case "sleeping" -> Activity.SLEEPING;
            case "exited" -> Activity.EXITED;
            default -> Activity.STARTING;
        };
    }

    private static List<Object> distinct(Object pids) {
        return pids instanceof List<?> l ? new ArrayList<>(l) : List.of();
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
