package dev.procession.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.events.EventLog;
import dev.procession.model.RunState;
import dev.procession.scenario.Scenarios;
import dev.procession.testing.HubMoment;
import dev.procession.testing.OsProcesses;
import dev.procession.testing.Series;
import dev.procession.testing.WaitsExplainedCheck;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Proof under faults: the supervisor's actions (pause, resume, terminate, kill, daemon flag on
 * and off) on random processes at random moments of running scenarios, up to
 * {@value #ACTIONS_PER_RUN} per run, the scenarios in turn. After every action the hub answers a
 * fresh request within {@link #HUB_ANSWERS}, and the log it has written so far, read between two
 * of its requests, passes {@link WaitsExplainedCheck} (no process waits for nothing) and folds
 * to the hub's own state at that moment ({@link HubMoment}). Then every
 * paused process is resumed, the check is made once more a moment later, and the run is
 * stopped, which must end within {@link #STOP_LIMIT} and leave no process; the whole log folds
 * to a finished run in which every process has exactly one exit. A run that ends by itself (its
 * main process killed, say) hands the actions left to the next one.
 *
 * <p>{@value #ACTIONS_ENV} sets the number of actions (24 by default, so ./verify stays short;
 * docs/reliability.md has the figures of a long series). Scenario sizes are small and the speed
 * is {@value #SPEED} so that a run ends within seconds yet stays busy while the actions fall.
 */
@EnabledOnOs(OS.LINUX)
class FaultInjectionTest {
    static final String ACTIONS_ENV = "PROCESSION_FAULT_ACTIONS";
    private static final double SPEED = 2;
    private static final int ACTIONS_PER_RUN = 8;
    private static final Duration HUB_ANSWERS = Duration.ofSeconds(5);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);
    private static final Duration NONE_LEFT = Duration.ofSeconds(2);
    private static final List<Setting> SETTINGS = List.of(
            new Setting("traffic-light", Map.of("cars", "4", "period", "0.5")),
            new Setting("ktv", Map.of("people", "5", "seats", "2")),
            new Setting("tickets", Map.of("buyers", "4", "stock", "2")),
            new Setting("queue", Map.of("children", "4", "maxsize", "2", "delay", "0.2")),
            new Setting("pipe", Map.of("rounds", "3")),
            new Setting("manager", Map.of("processes", "3", "decrements", "20")),
            new Setting("pool", Map.of("workers", "2", "tasks", "6", "delay", "0.3")),
            new Setting("join", Map.of("children", "2", "timeout", "1", "long", "2")));

    private record Setting(String scenario, Map<String, String> params) {
        @Override
        public String toString() {
            return scenario + " " + params;
        }
    }

    /** What the window's process menu can do to a process. */
    private enum Action {
        PAUSE, RESUME, TERMINATE, KILL, DAEMON, NOT_DAEMON
    }

    /** What the series did: actions by kind, those that found their process gone, runs and worst times. */
    private static final class Tally {
        final Map<Action, Integer> done = new EnumMap<>(Action.class);
        int actions;
        int missed;
        int runs;
        int checks;
        long worstAnswerNanos;
        long worstStopNanos;
    }

    @Test
    void randomActionsOnRunningScenariosNeverHangTheHubNorLeaveAWaitUnexplained() throws Exception {
        Series series = Series.fromEnv(ACTIONS_ENV, 24);
        Tally tally = new Tally();
        while (tally.actions < series.size()) {
            Setting setting = SETTINGS.get(tally.runs % SETTINGS.size());
            try {
                runWithFaults(setting, Math.min(ACTIONS_PER_RUN, series.size() - tally.actions), series.random(),
                        tally);
            } catch (AssertionError e) {
                throw series.failed("run " + tally.runs + " (" + setting + ")", e);
            }
            tally.runs++;
        }
        System.out.printf("fault injection: %d actions (seed %d) in %d runs, %s; %d found their process gone;"
                        + " %d log checks; the hub answered within %.0f ms, every stop ended within %.0f ms%n",
                tally.actions, series.seed(), tally.runs, tally.done, tally.missed, tally.checks,
                tally.worstAnswerNanos / 1e6, tally.worstStopNanos / 1e6);
    }

    private void runWithFaults(Setting setting, int actions, Random random, Tally tally) throws Exception {
        EventLog log = new EventLog();
        Set<Long> paused = new LinkedHashSet<>();
        Set<Long> seen = new LinkedHashSet<>();
        Run run = Run.start(setting.scenario(), Scenarios.resolve(Scenarios.byId(setting.scenario()),
                setting.params()), SPEED, log);
        try {
            for (int i = 0; i < actions; i++) {
                LockSupport.parkNanos(Duration.ofMillis(random.nextInt(400)).toNanos());
                List<ProcessNode> live = answered(run::processes, tally).stream()
                        .filter(p -> !p.exited() && p.pid() > 0).toList();
                run.livePids().forEach(pid -> {
                    OsProcesses.remember(pid);
                    seen.add(pid);
                });
                if (live.isEmpty()) {
                    // The run ended by itself: the next run takes the actions left.
                    break;
                }
                tally.actions++;
                ProcessNode target = live.get(random.nextInt(live.size()));
                Action action = Action.values()[random.nextInt(Action.values().length)];
                if (act(run, action, target.pid(), paused)) {
                    tally.done.merge(action, 1, Integer::sum);
                } else {
                    tally.missed++;
                }
                check(run, log, tally);
            }
            // Once every paused process runs again, whatever still waits must still be explained.
            for (long pid : List.copyOf(paused)) {
                act(run, Action.RESUME, pid, paused);
            }
            LockSupport.parkNanos(Duration.ofMillis(random.nextInt(500)).toNanos());
            check(run, log, tally);
        } finally {
            for (long pid : paused) {
                act(run, Action.RESUME, pid, paused);
            }
            stopWithin(run, tally);
        }
        OsProcesses.awaitGone(seen, NONE_LEFT, "no process of the run left after its stop");
        List<Event> events = log.snapshot();
        RunState end = RunState.of(events);
        assertThat(end.finished()).as("the run ended or was stopped").isTrue();
        assertThat(end.live()).as("processes the log leaves alive").isEmpty();
        Map<Long, Long> exits = events.stream().filter(e -> e.kind() == EventKind.EXIT)
                .collect(Collectors.groupingBy(Event::pid, Collectors.counting()));
        Set<Long> started = events.stream().filter(e -> e.kind() == EventKind.SPAWN || e.kind() == EventKind.START)
                .map(Event::pid).collect(Collectors.toSet());
        assertThat(exits.keySet()).as("processes with an exit").isEqualTo(started);
        assertThat(exits.values()).as("exits per process").allMatch(n -> n == 1);
    }

    /**
     * The log as the hub has written it so far, read between two of its requests, passes the
     * check, and its fold equals the hub's own state then.
     */
    private static void check(Run run, EventLog log, Tally tally) throws Exception {
        HubMoment moment = answered(() -> HubMoment.of(run), tally);
        List<Event> events = log.snapshot().subList(0, Math.toIntExact(moment.seq()));
        WaitsExplainedCheck.check(events);
        moment.assertFoldMatches(RunState.of(events));
        tally.checks++;
    }

    /** Applies {@code action}; false when the process was gone (an ordinary race with its exit). */
    private static boolean act(Run run, Action action, long pid, Set<Long> paused) {
        try {
            switch (action) {
                case PAUSE -> {
                    run.pause(pid);
                    paused.add(pid);
                }
                case RESUME -> {
                    run.resume(pid);
                    paused.remove(pid);
                }
                case TERMINATE -> run.terminate(pid);
                case KILL -> run.kill(pid);
                case DAEMON -> run.setDaemon(pid, true);
                case NOT_DAEMON -> run.setDaemon(pid, false);
            }
            return true;
        } catch (SignalException | IllegalArgumentException gone) {
            return false;
        }
    }

    /** The hub's answer to a fresh request, which must come within {@link #HUB_ANSWERS}. */
    private static <T> T answered(Supplier<T> request, Tally tally) throws Exception {
        long start = System.nanoTime();
        T answer;
        try {
            answer = CompletableFuture.supplyAsync(request).get(HUB_ANSWERS.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the hub did not answer within " + HUB_ANSWERS, e);
        }
        tally.worstAnswerNanos = Math.max(tally.worstAnswerNanos, System.nanoTime() - start);
        return answer;
    }

    private static void stopWithin(Run run, Tally tally) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(run::close);
        try {
            closing.get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Whatever the verdict, the close goes on: wait for it so no process outlives the test.
            closing.get();
            throw new AssertionError("the run's stop did not end within " + STOP_LIMIT, e);
        }
        tally.worstStopNanos = Math.max(tally.worstStopNanos, System.nanoTime() - start);
    }
}
