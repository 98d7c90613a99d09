package dev.procession.app.stage.pool;

import static dev.procession.app.stage.StageHarness.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.stage.RecordedRun;
import dev.procession.app.stage.StageChecks;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageHarness;
import dev.procession.app.stage.StageHarness.Frame;
import dev.procession.app.stage.StageShots;
import dev.procession.model.PoolState;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real pool run replayed into the stage: desks, inbox and results tray are the Pool's. */
class PoolStageTest {
    private static final int TASKS = 7;

    @BeforeAll
    static void toolkit() throws Exception {
        StageHarness.startToolkit();
    }

    @Test
    void desksInboxAndResultsAreThePools() throws Exception {
        RecordedRun run = RecordedRun.of("pool", Map.of("workers", "3", "tasks", String.valueOf(TASKS), "delay",
                "0.4"), 3);
        assertThat(run.exitCode()).isZero();
        PoolStage stage = StageHarness.mount(() -> new PoolStage(StageContext.NONE), 1200, 700);
        int busiest = 0;
        for (Frame f : StageHarness.frames(run.events())) {
            String at = "at seq " + f.state().seq();
            int busy = onFx(() -> {
                stage.show(f.state(), f.events(), 3);
                StageChecks.everyElementShowsItsPid(stage, f.state(), at);
                PoolState pool = f.state().primitives(PoolState.class).stream().findFirst().orElse(null);
                if (pool == null) {
                    return 0;
                }
                Map<Long, String> desks = stage.desks();
                for (long pid : pool.workers()) {
                    String running = pool.running().get(pid);
                    if (running != null) {
                        assertThat(desks.get(pid)).as("desk of %d %s", pid, at).isEqualTo(running);
                    } else if (pool.idle().contains(pid)) {
                        assertThat(desks.get(pid)).as("desk of %d %s", pid, at).isEqualTo("idle");
                    }
                }
                assertThat(stage.inboxTitle()).as("inbox %s", at).isEqualTo("task inbox: " + pool.queued() + " queued");
                assertThat(stage.inboxTasks()).as("inbox tasks %s", at).hasSize((int) pool.queued());
                assertThat(stage.resultsShown()).as("results %s", at).isEqualTo(pool.results());
                return pool.queued() > 0 ? pool.running().size() + (pool.results().isEmpty() ? 0 : 1) : 0;
            });
            if (busy > busiest) {
                busiest = busy;
                onFx(() -> {
                    stage.settle();
                    return StageShots.save(stage.node(), "pool-busy");
                });
            }
        }
        assertThat(onFx(stage::resultsShown)).as("all results: map's and apply_async's").hasSize(TASKS + 1);
        onFx(() -> {
            stage.settle();
            StageShots.save(stage.node(), "pool-end");
            stage.dispose();
            return null;
        });
    }
}
