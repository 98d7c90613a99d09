package dev.procession.app.stage.manager;

import static dev.procession.app.stage.StageHarness.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.stage.RecordedRun;
import dev.procession.app.stage.StageChecks;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageHarness;
import dev.procession.app.stage.StageHarness.Frame;
import dev.procession.app.stage.StageShots;
import dev.procession.events.EventKind;
import dev.procession.model.LockState;
import dev.procession.model.ManagerState;
import dev.procession.model.ProcStatus;
import dev.procession.model.SharedObjectState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real manager run replayed into the stage: the count is the dict's, lost updates are counted. */
class ManagerStageTest {
    private static final long PROCESSES = 4;
    private static final long DECREMENTS = 40;
    private static final long COUNT = 300;

    @BeforeAll
    static void toolkit() throws Exception {
        StageHarness.startToolkit();
    }

    @Test
    void theCountIsTheDictsAndLostUpdatesAreCountedOnlyWithoutTheLock() throws Exception {
        RecordedRun run = RecordedRun.of("manager", Map.of("processes", String.valueOf(PROCESSES), "decrements",
                String.valueOf(DECREMENTS), "count", String.valueOf(COUNT)), 3);
        assertThat(run.exitCode()).isZero();
        ManagerStage stage = StageHarness.mount(() -> new ManagerStage(StageContext.NONE), 1200, 760);
        boolean shotLost = false;
        boolean shotLock = false;
        for (Frame f : StageHarness.frames(run.events())) {
            String at = "at seq " + f.state().seq();
            String moment = onFx(() -> {
                stage.show(f.state(), f.events(), 3);
                StageChecks.everyElementShowsItsPid(stage, f.state(), at);
                List<SharedObjectState> dicts = f.state().primitives(SharedObjectState.class);
                if (dicts.isEmpty()) {
                    return "";
                }
                SharedObjectState d = dicts.getLast();
                // Between a round's Manager and its dict, the round has no dict yet.
                boolean current = d.manager().equals(f.state().primitives(ManagerState.class).getLast().ref());
                Object count = current && d.contents() instanceof Map<?, ?> m ? m.get("count") : null;
                assertThat(stage.countText()).as("count %s", at).isEqualTo(count == null ? "?" : count.toString());
                long calls = f.state().processes().values().stream().filter(p -> p.status() == ProcStatus.BLOCKED
                        && dicts.stream().anyMatch(x -> x.ref().equals(p.blockedOn()))).count();
                assertThat(stage.callsAtTheServer()).as("calls at the server %s", at).hasSize((int) calls);
                List<LockState> locks = f.state().primitives(LockState.class);
                LockState lock = locks.isEmpty() ? null : locks.getLast();
                if (stage.showsPadlock()) {
                    assertThat(stage.lockQueue()).as("lock queue %s", at).isEqualTo(lock.waiters());
                    if (lock.locked()) {
                        var h = f.state().process(lock.holder());
                        assertThat(stage.padlockText()).contains(h.name() + " · " + h.pid());
                    }
                }
                boolean losing = !stage.showsPadlock() && stage.rounds().size() == 1
                        && stage.rounds().getFirst().lost() > 5 && calls >= 2;
                return losing ? "lost" : stage.showsPadlock() && lock != null && lock.locked() && !lock.waiters().isEmpty() ? "lock" : "";
            });
            if (moment.equals("lost") && !shotLost || moment.equals("lock") && !shotLock) {
                shotLost |= moment.equals("lost");
                shotLock |= moment.equals("lock");
                onFx(() -> {
                    stage.settle();
                    return StageShots.save(stage.node(), "manager-" + moment);
                });
            }
        }
        List<Long> printed = run.events().stream().filter(e -> e.kind() == EventKind.PRINT)
                .map(e -> Long.parseLong(e.text("text").replaceAll(".* ", ""))).toList();
        assertThat(printed).hasSize(2);
        long expected = COUNT - PROCESSES * DECREMENTS;
        List<LostUpdates> rounds = onFx(stage::rounds);
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).lost()).as("round without the lock").isEqualTo(printed.get(0) - expected);
        assertThat(rounds.get(0).text()).startsWith("expected " + expected + ", dict says " + printed.get(0) + ": ");
        assertThat(rounds.get(1).lost()).as("round with the lock").isZero();
        assertThat(printed.get(1)).isEqualTo(expected);
        onFx(() -> {
            stage.settle();
            StageShots.save(stage.node(), "manager-end");
            stage.dispose();
            return null;
        });
    }
}
