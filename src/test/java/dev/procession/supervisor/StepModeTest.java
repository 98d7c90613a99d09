package dev.procession.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.events.EventLog;
import dev.procession.model.PendingStep;
import dev.procession.model.RunState;
import dev.procession.scenario.Scenarios;
import dev.procession.testing.HubMoment;
import dev.procession.testing.OsProcesses;
import dev.procession.testing.RealRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Step mode with real processes: the user is the scheduler, and the log shows every choice. */
@EnabledOnOs(OS.LINUX)
class StepModeTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final int LOAD_BUY = Scenarios.byId("tickets").listing().lineOf("load-buy");

    @Test
    void aScriptOfChoicesPlaysTheSameTwice() throws Exception {
        // An index lets that process go if it has a call held, else the oldest goes: -1 is always the oldest.
        List<Integer> script = List.of(-1, 1, 1, 2, -1, 3, 2, 2, 1, -1, 3, 3, 2, -1, 1, 3, -1, -1, 2, 1);
        List<Event> first = scripted(script);
        List<Event> second = scripted(script);
        assertThat(stepsOf(second)).as("who went when").isEqualTo(stepsOf(first)).hasSizeGreaterThan(script.size());
        assertThat(perProcess(second)).as("what each process did").isEqualTo(perProcess(first));
    }

    @Test
    void withoutTheLockAChosenOrderOversellsAndWithItTheSameAttemptCannot() throws Exception {
        Attempt unlocked = bothReadBeforeEitherWrites(false);
        assertThat(unlocked.sold).as("tickets sold from a stock of 1 without the lock").isEqualTo(2);
        assertThat(unlocked.secondReadFirst).as("buyer1 read for buying while buyer0 had not written").isTrue();

        Attempt locked = bothReadBeforeEitherWrites(true);
        assertThat(locked.secondReadFirst).as("with the lock buyer1 cannot read before buyer0 wrote").isFalse();
        assertThat(locked.sold).as("tickets sold from a stock of 1 with the lock").isEqualTo(1);
    }

    @Test
    void stepModeGoesOnAndOffMidRun() throws Exception {
        EventLog log = new EventLog();
        try (Run run = Run.start("tickets", tickets(3, true), 1, log)) {
            RealRun.await(LIMIT, () -> RunState.of(log.snapshot()).processes().size() >= 2, "a buyer spawned");
            run.setStepMode(true);
            assertThat(run.stepMode()).isTrue();
            RunState held = awaitChoice(log);
            assertThat(held.steps().pending()).isNotEmpty();
            assertThat(run.pending()).extracting(s -> s.pid())
                    .isEqualTo(held.steps().pending().stream().map(PendingStep::pid).toList());
            assertThat(run.step()).isTrue();
            awaitChoice(log);
            run.setStepMode(false);
            assertThat(run.pending()).isEmpty();
            assertThat(run.finished().get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isZero();
            List<Event> events = log.snapshot();
            assertThat(events).filteredOn(e -> e.kind() == EventKind.STEP_MODE).extracting(e -> e.get("on"))
                    .containsExactly(true, false);
            assertThat(events).filteredOn(e -> e.kind() == EventKind.STEP).extracting(e -> e.get("choice"))
                    .startsWith("oldest").contains("free");
            RunState end = RunState.of(events);
            assertThat(end.steps().pending()).isEmpty();
            assertThat(end.steps().on()).isFalse();
        }
    }

    @Test
    void aStopWithCallsHeldLeavesNoProcess() throws Exception {
        EventLog log = new EventLog();
        Set<Long> pids = new LinkedHashSet<>();
        try (Run run = Run.startInStepMode("tickets", tickets(3, true), 1, log)) {
            RunState s = awaitChoice(log);
            while (s.steps().pending().size() < 4) {
                assertThat(run.step()).isTrue();
                s = awaitChoice(log);
            }
            s.live().forEach(p -> pids.add(p.pid()));
            assertThat(pids).hasSize(4);
            HubMoment moment = HubMoment.of(run);
            moment.assertFoldMatches(RunState.of(log.snapshot().subList(0, (int) moment.seq())));
            run.stop();
            OsProcesses.awaitGone(pids, Duration.ofSeconds(10), "the run's processes after the stop");
            RunState end = RunState.of(log.snapshot());
            assertThat(end.live()).isEmpty();
            assertThat(end.steps().pending()).isEmpty();
        }
        assertThat(OsProcesses.aliveAmong(pids)).isEmpty();
    }

    /** A held sleep's time starts when it goes: however long it was held, it then sleeps its full length. */
    @Test
    void aHeldCallsTimeStartsWhenItGoes() throws Exception {
        EventLog log = new EventLog();
        try (Run run = Run.startInStepMode("tickets", tickets(1, true), 1, log)) {
            RunState s = stepUntil(run, log, "buyer0", p -> "sleep".equals(p.op()));
            PendingStep sleep = s.steps().pending().stream().filter(p -> "buyer0".equals(p.proc())).findFirst()
                    .orElseThrow();
            long heldSince = System.nanoTime();
            // Held for longer than the sleep itself (0.2 scenario seconds at speed 1).
            RealRun.await(LIMIT, () -> System.nanoTime() - heldSince > 600_000_000L, "the sleep held 0.6 s");
            assertThat(run.step(sleep.pid())).isTrue();
            run.setStepMode(false);
            assertThat(run.finished().get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isZero();
            List<Event> events = log.snapshot();
            Event went = events.stream().filter(e -> e.kind() == EventKind.STEP && e.pid() == sleep.pid()
                    && "sleep".equals(e.get("op"))).findFirst().orElseThrow();
            Event ended = events.stream().filter(e -> e.kind() == EventKind.SLEEP_END && e.seq() > went.seq())
                    .findFirst().orElseThrow();
            assertThat(ended.micros() - went.micros()).as("microseconds from its release to its end")
                    .isGreaterThanOrEqualTo(200_000);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> tickets(int buyers, boolean lock) {
        return Scenarios.resolve(Scenarios.byId("tickets"), Map.of("buyers", String.valueOf(buyers), "stock", "1",
                "lock", String.valueOf(lock)));
    }

    /** Waits until the run waits for a choice alone, or has ended; returns the state then. */
    private static RunState awaitChoice(EventLog log) {
        RunState[] s = {RunState.EMPTY};
        RealRun.await(LIMIT, () -> {
            s[0] = RunState.of(log.snapshot());
            return s[0].awaitsStep() || s[0].finished();
        }, "a run that waits for a choice");
        return s[0];
    }

    private static List<Event> scripted(List<Integer> script) throws Exception {
        EventLog log = new EventLog();
        try (Run run = Run.startInStepMode("tickets", tickets(3, true), 1, log)) {
            for (int choice : script) {
                RunState s = awaitChoice(log);
                if (s.finished()) {
                    break;
                }
                PendingStep chosen = s.steps().pending().stream().filter(p -> p.index() == choice).findFirst()
                        .orElse(null);
                assertThat(chosen == null ? run.step() : run.step(chosen.pid())).isTrue();
            }
            awaitChoice(log);
            run.setStepMode(false);
            assertThat(run.finished().get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isZero();
            return log.snapshot();
        }
    }

    /** The order processes went in, by name, with the call each was let go for. */
    private static List<String> stepsOf(List<Event> events) {
        return events.stream().filter(e -> e.kind() == EventKind.STEP)
                .map(e -> e.proc() + " " + e.get("op") + " " + e.get("line") + " " + e.get("choice")).toList();
    }

    /** Each process's events in its own order, without what varies between runs (times, pids, samples). */
    private static Map<String, List<String>> perProcess(List<Event> events) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (Event e : events) {
            if (e.proc() != null) {
                by.computeIfAbsent(e.proc(), k -> new ArrayList<>()).add(e.kind().wireName() + " " + e.obj() + " "
                        + e.get("line") + " " + e.get("count") + " " + e.get("text") + " " + e.get("outcome"));
            }
        }
        return by;
    }

    private record Attempt(long sold, boolean secondReadFirst) {
    }

    /**
     * Lets buyer0 go until it has read the stock to buy, then buyer1 until it has too (or waits for
     * the lock), then runs freely: the race without the lock, forced.
     */
    private static Attempt bothReadBeforeEitherWrites(boolean lock) throws Exception {
        EventLog log = new EventLog();
        try (Run run = Run.startInStepMode("tickets", tickets(2, lock), 1, log)) {
            RunState s = stepUntil(run, log, "buyer0", p -> p.line() == LOAD_BUY && "file-read".equals(p.op()));
            s = stepUntil(run, log, "buyer1", p -> p.line() == LOAD_BUY && "file-read".equals(p.op()));
            boolean secondRead = s.steps().pending().stream().anyMatch(p -> "buyer1".equals(p.proc())
                    && p.line() == LOAD_BUY);
            run.setStepMode(false);
            assertThat(run.finished().get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isZero();
            long sold = log.snapshot().stream().filter(e -> e.kind() == EventKind.PRINT
                    && String.valueOf(e.get("text")).startsWith("ticket bought by ")).count();
            return new Attempt(sold, secondRead);
        }
    }

    /**
     * Lets {@code proc} go (or the main program while {@code proc} has nothing held) until its held
     * call matches {@code reached}, or it can go no further (it waits for another process).
     */
    private static RunState stepUntil(Run run, EventLog log, String proc, Predicate<PendingStep> reached) {
        for (int i = 0; i < 50; i++) {
            RunState s = awaitChoice(log);
            PendingStep mine = s.steps().pending().stream().filter(p -> proc.equals(p.proc())).findFirst()
                    .orElse(null);
            if (mine != null && reached.test(mine)) {
                return s;
            }
            PendingStep main = s.steps().pending().stream().filter(p -> "MainProcess".equals(p.proc())).findFirst()
                    .orElse(null);
            boolean started = s.processes().values().stream().anyMatch(p -> proc.equals(p.name()));
            if (mine == null && (started || main == null)) {
                return s;
            }
            assertThat(run.step(mine != null ? mine.pid() : main.pid())).isTrue();
        }
        throw new AssertionError(proc + " never reached the call looked for");
    }
}
