package dev.procession.app.stage.ktv;

import static dev.procession.app.stage.StageHarness.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.stage.RecordedRun;
import dev.procession.app.stage.StageChecks;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageHarness;
import dev.procession.app.stage.StageHarness.Frame;
import dev.procession.app.stage.StageShots;
import dev.procession.model.SemaphoreState;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real KTV run, replayed frame by frame into the stage: the seats are the Semaphore's holders. */
class KtvStageTest {

    @BeforeAll
    static void toolkit() throws Exception {
        StageHarness.startToolkit();
    }

    @Test
    void atMostSeatsPeopleSitAndTheyAreTheSemaphoresHolders() throws Exception {
        RecordedRun run = RecordedRun.of("ktv", Map.of("people", "6", "seats", "3"), 4);
        assertThat(run.exitCode()).isZero();
        KtvStage stage = StageHarness.mount(() -> new KtvStage(StageContext.NONE), 1000, 700);
        int fullest = 0;
        for (Frame f : StageHarness.frames(run.events())) {
            String at = "at seq " + f.state().seq();
            int seated = onFx(() -> {
                stage.show(f.state(), f.events(), 4);
                StageChecks.everyElementShowsItsPid(stage, f.state(), at);
                SemaphoreState sem = f.state().primitives(SemaphoreState.class).stream().findFirst().orElse(null);
                List<Long> seatedPids = stage.seatedPids().stream().filter(Objects::nonNull).toList();
                if (sem == null) {
                    assertThat(seatedPids).isEmpty();
                    return 0;
                }
                assertThat(stage.seatedPids()).as("seats %s", at).hasSize((int) sem.initial());
                assertThat(new HashSet<>(seatedPids)).as("seated %s", at).isEqualTo(new HashSet<>(sem.holders()));
                assertThat(seatedPids.size()).as("seated %s", at).isLessThanOrEqualTo((int) sem.initial());
                assertThat(stage.doorQueue()).as("door %s", at).hasSizeGreaterThanOrEqualTo(sem.waiters().size());
                assertThat(stage.doorQueue().subList(0, sem.waiters().size())).as("queue order %s", at)
                        .isEqualTo(sem.waiters());
                assertThat(stage.caption()).isEqualTo(seatedPids.size() + " of " + sem.initial() + " seats taken");
                return seatedPids.size();
            });
            if (seated > fullest) {
                fullest = seated;
                onFx(() -> {
                    stage.settle();
                    return StageShots.save(stage.node(), "ktv-full");
                });
            }
        }
        assertThat(fullest).as("the room filled at some point").isEqualTo(3);
        onFx(() -> {
            stage.dispose();
            return null;
        });
    }
}
