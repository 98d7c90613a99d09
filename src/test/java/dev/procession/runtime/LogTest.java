package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.events.Outcome;
import dev.procession.supervisor.Run;
import dev.procession.testing.RealRun;
import dev.procession.testing.RealRun.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The log is complete: every wait ends with an outcome, exits and lines are where they belong. */
class LogTest {
    private static final String PROGRAM = "test-log";

    @Test
    void aTimedJoinThatExpiresEndsWithJoinEndTimeoutAndTheParentRunsOn() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "join-timeout");
        long child = spawnOf(r, "Process-1").pid();
        List<Event> ends = of(r, EventKind.JOIN_END, "MainProcess");
        assertThat(ends).hasSize(2);
        Event timedOut = ends.getFirst();
        assertThat(timedOut.get("child")).isEqualTo(child);
        assertThat(Outcome.of(timedOut)).isEqualTo(Outcome.TIMEOUT);
        assertThat(timedOut.get("exitcode")).isNull();
        assertThat(timedOut.get("line")).isEqualTo((long) LogPrograms.JOIN_LINE);
        Event after = print(r, "after the timed join");
        assertThat(after.seq()).as("main prints after its join ended").isGreaterThan(timedOut.seq());
        assertThat(blockedBetween(r, "MainProcess", timedOut.seq(), after.seq()))
                .as("main is not blocked between its join-end and its print").isFalse();
        Event woke = ends.getLast();
        assertThat(Outcome.of(woke)).isEqualTo(Outcome.WOKE);
        assertThat(woke.get("exitcode")).isEqualTo(0L);
        assertThat(woke.seq()).isGreaterThan(exitOf(r, "Process-1").seq());
    }

    @Test
    void joiningAnEndedChildReturnsAtOnce() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "join-ended");
        List<Event> ends = of(r, EventKind.JOIN_END, "MainProcess");
        assertThat(ends).as("one join-end per join, none at exit for a reaped child").hasSize(3);
        assertThat(ends.subList(1, 3)).allSatisfy(e -> {
            assertThat(Outcome.of(e)).isEqualTo(Outcome.AT_ONCE);
            assertThat(e.get("exitcode")).isEqualTo(0L);
        });
        assertThat(of(r, EventKind.JOIN, "MainProcess")).as("at most the first join waited").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void waitOnASetEventLogsWokeAtOnce() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "event-set");
        assertThat(of(r, EventKind.WAIT, "MainProcess")).isEmpty();
        assertThat(of(r, EventKind.WOKE, "MainProcess")).singleElement().satisfies(e -> {
            assertThat(Outcome.of(e)).isEqualTo(Outcome.AT_ONCE);
            assertThat(e.get("line")).isEqualTo((long) LogPrograms.JOIN_LINE);
        });
    }

    @Test
    void everySleepHasItsSleepEnd() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "sleeps");
        List<Event> sleeps = r.events().stream().filter(e -> e.kind() == EventKind.SLEEP).toList();
        assertThat(sleeps).hasSize(3);
        for (Event sleep : sleeps) {
            Event next = r.events().stream().filter(e -> e.pid() == sleep.pid() && e.seq() > sleep.seq())
                    .findFirst().orElseThrow();
            assertThat(next.kind()).as("the next event of %s after %s", sleep.proc(), sleep).isEqualTo(EventKind.SLEEP_END);
            assertThat(Outcome.of(next)).isEqualTo(
                    Double.valueOf(0).equals(sleep.get("seconds")) ? Outcome.AT_ONCE : Outcome.WOKE);
        }
    }

    @Test
    void spawnAndSignalCarryTheCallersLineAndExitHandlingIsMarked() throws Exception {
        Result r = RealRun.runCase(PROGRAM, "exit-handling");
        long main = spawnOf(r, "MainProcess").pid();
        for (String child : List.of("Process-1", "Process-2", "Process-3")) {
            Event spawn = spawnOf(r, child);
            assertThat(spawn.get("parentPid")).isEqualTo(main);
            assertThat(spawn.get("parentLine")).isEqualTo((long) LogPrograms.START_LINE);
            assertThat(spawn.get("line")).as("line belongs to the child, which ran none yet").isNull();
        }
        Event terminate = signalOf(r, "Process-2");
        assertThat(terminate.get("byPid")).isEqualTo(main);
        assertThat(terminate.get("byLine")).isEqualTo((long) LogPrograms.TERMINATE_LINE);
        assertThat(terminate.get("action")).isEqualTo("terminate");
        // At exit: the daemon is terminated with no line, the sleeper joined with atexit.
        Event daemonSignal = signalOf(r, "Process-1");
        assertThat(daemonSignal.get("byLine")).isNull();
        List<Event> atExit = r.events().stream().filter(e -> Boolean.TRUE.equals(e.get("atexit"))).toList();
        assertThat(atExit).as("events of main's exit handling").isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.pid()).isEqualTo(main);
                    assertThat(e.get("line")).isNull();
                });
        assertThat(atExit).extracting(Event::kind).contains(EventKind.JOIN_END);
        assertThat(r.events()).filteredOn(e -> e.pid() == main && e.seq() > daemonSignal.seq())
                .as("after exit handling began, main's events carry no line")
                .allSatisfy(e -> assertThat(e.get("line")).isNull());
    }

    @Test
    void aStopGivesEveryLiveProcessAnExitAndSamplesMeasureThem() throws Exception {
        List<Event> log = RealRun.with(PROGRAM, Map.of("case", "hang"), 1.0, run -> {
            RealRun.await(Duration.ofSeconds(60), () -> started(run).size() == 3, "three processes started");
            Set<Long> pids = started(run);
            RealRun.await(Duration.ofSeconds(30), () -> sampled(run, pids), "a sample with memory of every process");
            run.stop();
            return run.log().snapshot();
        });
        Set<Long> started = log.stream().filter(e -> e.kind() == EventKind.START).map(Event::pid)
                .collect(Collectors.toSet());
        for (long pid : started) {
            assertThat(log).filteredOn(e -> e.kind() == EventKind.EXIT && e.pid() == pid)
                    .as("exits of %d", pid).singleElement().satisfies(e -> {
                        assertThat(e.get("exitcode")).isEqualTo(-9L);
                        assertThat(e.get("how")).isEqualTo("killed by stop");
                    });
        }
        Event stopped = log.stream().filter(e -> e.kind() == EventKind.STOPPED).findFirst().orElseThrow();
        assertThat(log).filteredOn(e -> e.kind() == EventKind.EXIT).allSatisfy(e ->
                assertThat(e.seq()).isLessThan(stopped.seq()));
        assertThat(log.getFirst().kind()).isEqualTo(EventKind.RUN);
        assertThat(log.getFirst().get("listing")).as("a test program has no listing").isNull();
    }

    private static Set<Long> started(Run run) {
        return run.log().snapshot().stream().filter(e -> e.kind() == EventKind.START).map(Event::pid)
                .collect(Collectors.toSet());
    }

    /** Whether a sample lists every pid with its pss, uss and state. */
    @SuppressWarnings("unchecked")
    private static boolean sampled(Run run, Set<Long> pids) {
        return run.log().snapshot().stream().filter(e -> e.kind() == EventKind.SAMPLE).anyMatch(e -> {
            List<Map<String, Object>> procs = (List<Map<String, Object>>) e.get("procs");
            return pids.stream().allMatch(pid -> procs.stream().anyMatch(p -> p.get("pid").equals(pid)
                    && (Long) p.get("pss") > 0 && (Long) p.get("uss") > 0 && (Long) p.get("rss") > 0
                    && p.get("state") instanceof String s && s.length() == 1 && p.get("cpu") instanceof Double));
        });
    }

    /** Whether a blocking event of {@code proc} lies strictly between two seqs. */
    private static boolean blockedBetween(Result r, String proc, long from, long to) {
        return r.events().stream().anyMatch(e -> proc.equals(e.proc()) && e.seq() > from && e.seq() < to
                && Set.of(EventKind.JOIN, EventKind.WAIT, EventKind.SLEEP, EventKind.ACQUIRE_WAIT).contains(e.kind()));
    }

    private static List<Event> of(Result r, EventKind kind, String proc) {
        return r.events().stream().filter(e -> e.kind() == kind && proc.equals(e.proc())).toList();
    }

    private static Event spawnOf(Result r, String proc) {
        return single(r, EventKind.SPAWN, proc);
    }

    private static Event exitOf(Result r, String proc) {
        return single(r, EventKind.EXIT, proc);
    }

    private static Event signalOf(Result r, String proc) {
        return single(r, EventKind.SIGNAL, proc);
    }

    private static Event single(Result r, EventKind kind, String proc) {
        List<Event> found = of(r, kind, proc);
        assertThat(found).as("%s of %s in\n%s", kind, proc, r.transcript()).hasSize(1);
        return found.getFirst();
    }

    private static Event print(Result r, String text) {
        return r.events().stream().filter(e -> e.kind() == EventKind.PRINT && text.equals(e.text("text")))
                .findFirst().orElseThrow(() -> new AssertionError("no print of '" + text + "'"));
    }
}
