package dev.procession.app.narration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.RunState;
import dev.procession.model.WaitCycle;
import dev.procession.scenario.Scenarios;
import dev.procession.testing.RealRun;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The story of a deadlock, told from a real two-locks run: the cycle named when it closes, a kill
 * that leaves it standing, and the force-release that breaks it, in English and in Chinese.
 */
class DeadlockNarrationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theDeadlockItsKillAndItsBreakAreTold() throws Exception {
        List<Event> events = RealRun.with("two-locks", Scenarios.resolve(Scenarios.byId("two-locks"), Map.of()), 1.0,
                run -> {
                    RealRun.await(WAIT, () -> RealRun.fold(run.log().snapshot()).deadlock() != null, "the deadlock");
                    WaitCycle cycle = RealRun.fold(run.log().snapshot()).deadlock();
                    long victim = cycle.pids().getFirst();
                    String lock = cycle.refs().getLast();
                    run.kill(victim);
                    RealRun.await(WAIT, () -> has(run.log().snapshot(), EventKind.ABANDONED), "the abandoned lock");
                    run.forceRelease(lock);
                    run.finished().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                    return run.log().snapshot();
                });
        RunState end = RealRun.fold(events);
        List<String> english = said(NarrationTexts.in(Locale.ROOT), events);
        String cycle = WaitCycle.of(events.stream().filter(e -> e.kind() == EventKind.DEADLOCK).findFirst()
                .orElseThrow()).describe(end);
        assertThat(english).anyMatch(t -> t.startsWith("Deadlock: " + cycle + ". Each waits for a lock"));
        assertThat(english).anyMatch(t -> t.contains("the deadlock goes on. Force-release"));
        assertThat(english).anyMatch(t -> t.startsWith("The deadlock is broken: lock"));
        List<String> chinese = said(NarrationTexts.in(Locale.SIMPLIFIED_CHINESE), events);
        assertThat(chinese).anyMatch(t -> t.startsWith("死锁：" + cycle)).anyMatch(t -> t.startsWith("死锁被打破了"));
    }

    private static List<String> said(NarrationTexts texts, List<Event> events) {
        return new Narrator(texts).narrate(RunState.EMPTY, events).stream().map(NarrationLine::text).toList();
    }

    private static boolean has(List<Event> events, EventKind kind) {
        return events.stream().anyMatch(e -> e.kind() == kind);
    }
}
