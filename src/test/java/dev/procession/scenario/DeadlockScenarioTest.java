package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.LockState;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import dev.procession.model.WaitCycle;
import dev.procession.supervisor.Run;
import dev.procession.testing.DeadlockChecks;
import dev.procession.testing.OsProcesses;
import dev.procession.testing.RealRun;
import dev.procession.testing.Series;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The deadlock scenarios in real processes: the naive versions deadlock, the hub says so right
 * after the wait that closes the cycle, the cycle outlives a kill (the dead process's fork stays
 * held, as in Python) and ends with a force-release; the fixed versions never deadlock.
 */
class DeadlockScenarioTest {
    /** How many runs of each fixed variant; {@value} in the environment sets a long series. */
    static final String RUNS_ENV = "PROCESSION_DEADLOCK_RUNS";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theNaivePhilosophersDeadlockAndTheHubSaysSoAtOnce() throws Exception {
        RealRun.with("philosophers", settings("philosophers", Map.of()), 1.0, run -> {
            Event deadlock = awaitDeadlock(run);
            List<Event> events = run.log().snapshot();
            DeadlockChecks.detectedAtOnce(events, deadlock);
            WaitCycle cycle = WaitCycle.of(deadlock);
            RunState s = RealRun.fold(events.subList(0, (int) deadlock.seq()));
            assertThat(s.deadlock()).as("the run model's deadlock right after the event").isEqualTo(cycle);
            assertThat(cycle.pids()).as("all five philosophers are in it").hasSize(5)
                    .containsExactlyInAnyOrderElementsOf(philosophers(s));
            assertThat(cycle.describe(s)).matches("(philosopher\\d → fork\\d → ){5}philosopher\\d");
            // Each waits for its right fork, held by its right neighbour.
            for (int i = 0; i < 5; i++) {
                String name = s.process(cycle.pids().get(i)).name();
                int seat = Integer.parseInt(name.substring("philosopher".length()));
                assertThat(s.primitive(cycle.refs().get(i)).label()).isEqualTo("fork" + (seat + 1) % 5);
            }
            assertThat(run.finished()).as("a deadlocked run hangs, as in Python").isNotDone();
            return null;
        });
    }

    @Test
    void aKillLeavesTheCycleStandingAndAForceReleaseBreaksIt() throws Exception {
        RealRun.with("philosophers", settings("philosophers", Map.of("count", "3")), 1.0, run -> {
            WaitCycle cycle = WaitCycle.of(awaitDeadlock(run));
            long victim = cycle.pids().getFirst();
            RunState before = RealRun.fold(run.log().snapshot());
            String fork = ((LockState) before.primitives().values().stream()
                    .filter(p -> p instanceof LockState l && Long.valueOf(victim).equals(l.holder()))
                    .findFirst().orElseThrow()).ref();
            run.kill(victim);
            RealRun.await(WAIT, () -> run.log().snapshot().stream()
                    .anyMatch(e -> e.kind() == EventKind.ABANDONED && fork.equals(e.obj())), "the victim's fork abandoned");
            RunState killed = RealRun.fold(run.log().snapshot());
            assertThat(killed.process(victim).alive()).isFalse();
            assertThat(killed.deadlock()).as("still deadlocked: the dead philosopher's fork stays held").isEqualTo(cycle);
            assertThat(run.finished()).isNotDone();

            run.forceRelease(fork);
            long code = run.finished().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            List<Event> events = run.log().snapshot();
            Event released = events.stream().filter(e -> e.kind() == EventKind.FORCE_RELEASE).findFirst().orElseThrow();
            RunState freed = RealRun.fold(events.subList(0, (int) released.seq()));
            assertThat(freed.deadlock()).as("the cycle is gone at the force-release").isNull();
            assertThat(code).isZero();
            Set<String> full = events.stream().filter(e -> e.kind() == EventKind.PRINT)
                    .map(e -> e.text("text")).filter(t -> t.endsWith(" is full")).collect(Collectors.toSet());
            assertThat(full).as("the two left alive eat and finish").hasSize(2);
            assertThat(events.stream().filter(e -> e.kind() == EventKind.DEADLOCK)).hasSize(1);
            return null;
        });
    }

    @Test
    void twoLocksDeadlockAndAStopEndsTheRun() throws Exception {
        Set<Long> pids;
        RealRun.Result r;
        try (Run run = Run.start("two-locks", settings("two-locks", Map.of()), 1.0, new dev.procession.events.EventLog())) {
            Event deadlock = awaitDeadlock(run);
            DeadlockChecks.detectedAtOnce(run.log().snapshot(), deadlock);
            assertThat(deadlock.get("names")).asList().containsExactlyInAnyOrder("a", "b", "lock1", "lock2");
            pids = run.livePids();
            run.stop();
            r = new RealRun.Result(run.finished().get(WAIT.toSeconds(), TimeUnit.SECONDS), run.log().snapshot());
        }
        OsProcesses.awaitGone(pids, WAIT, "the deadlocked run's processes after the stop");
        assertThat(r.of("stopped")).hasSize(1);
        assertThat(r.of("exit")).hasSize(3);
    }

    @Test
    void theFixedVariantsNeverDeadlock() throws Exception {
        Series series = Series.fromEnv(RUNS_ENV, 3);
        Map<String, Integer> runs = new HashMap<>();
        List<List<String>> variants = List.of(List.of("philosophers", "ordered"), List.of("philosophers", "waiter"),
                List.of("two-locks", "ordered"));
        long started = System.nanoTime();
        for (int i = 0; i < series.size(); i++) {
            for (List<String> v : variants) {
                RealRun.Result r = ScenarioRun.run(v.get(0), Map.of("fix", v.get(1)), 4.0);
                assertThat(r.of("deadlock")).as("deadlocks in run %d of %s", i, v).isEmpty();
                long done = r.prints().stream().filter(t -> t.endsWith(" is full") || t.endsWith(" is done")).count();
                assertThat(done).as("processes that finished in run %d of %s", i, v)
                        .isEqualTo("two-locks".equals(v.get(0)) ? 2 : 5);
                runs.merge(String.join(" fix=", v), 1, Integer::sum);
            }
        }
        System.out.printf("deadlock-free: %s runs in %.1f min, none deadlocked%n", runs,
                (System.nanoTime() - started) / 60e9);
    }

    /** In Procession the naive version deadlocks every time: the clock stands while the philosophers start. */
    @Test
    void theNaiveVersionsDeadlockInEveryRunAndAreSeenAtOnce() throws Exception {
        Series series = Series.fromEnv(RUNS_ENV, 3);
        Map<String, Integer> deadlocked = new HashMap<>();
        for (int i = 0; i < series.size(); i++) {
            for (String id : List.of("philosophers", "two-locks")) {
                RealRun.with(id, settings(id, Map.of()), 4.0, run -> {
                    Event deadlock = awaitDeadlock(run);
                    DeadlockChecks.detectedAtOnce(run.log().snapshot(), deadlock);
                    assertThat(WaitCycle.of(deadlock).pids()).hasSize("two-locks".equals(id) ? 2 : 5);
                    deadlocked.merge(id, 1, Integer::sum);
                    return null;
                });
            }
        }
        System.out.printf("naive: %s runs, every one deadlocked and seen right after the closing wait%n", deadlocked);
    }

    @Test
    void theDeadlockEventIsDocumented() throws Exception {
        RealRun.with("two-locks", settings("two-locks", Map.of()), 1.0, run -> {
            awaitDeadlock(run);
            Map<String, Set<String>> undocumented = new HashMap<>();
            EventLogConformanceTest.Contract.parse(Files.readString(Path.of("docs/event-log.md")))
                    .collectUndocumented(run.log().snapshot(), undocumented);
            assertThat(undocumented).isEmpty();
            return null;
        });
    }

    private static Event awaitDeadlock(Run run) {
        RealRun.await(WAIT, () -> run.log().snapshot().stream().anyMatch(e -> e.kind() == EventKind.DEADLOCK),
                "the deadlock event");
        return run.log().snapshot().stream().filter(e -> e.kind() == EventKind.DEADLOCK).findFirst().orElseThrow();
    }

    private static List<Long> philosophers(RunState s) {
        return s.processes().values().stream().filter(p -> "philosopher".equals(p.role())).map(ProcState::pid).toList();
    }

    private static Map<String, Object> settings(String id, Map<String, String> overrides) {
        return Scenarios.resolve(Scenarios.byId(id), overrides);
    }
}
