package dev.procession.app.stage.pipe;

import static dev.procession.app.stage.StageHarness.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.stage.RecordedRun;
import dev.procession.app.stage.StageChecks;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageHarness;
import dev.procession.app.stage.StageHarness.Frame;
import dev.procession.app.stage.StageShots;
import dev.procession.model.PipeEndState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real pipe run replayed into the stage: the tube holds each end's inbox, each end its receivers. */
class PipeStageTest {

    @BeforeAll
    static void toolkit() throws Exception {
        StageHarness.startToolkit();
    }

    @Test
    void theTubeHoldsEachEndsMessagesInFlight() throws Exception {
        RecordedRun run = RecordedRun.of("pipe", Map.of("rounds", "3"), 2);
        assertThat(run.exitCode()).isZero();
        PipeStage stage = StageHarness.mount(() -> new PipeStage(StageContext.NONE), 1100, 600);
        boolean shot = false;
        for (Frame f : StageHarness.frames(run.events())) {
            String at = "at seq " + f.state().seq();
            boolean inFlight = onFx(() -> {
                stage.show(f.state(), f.events(), 2);
                StageChecks.everyElementShowsItsPid(stage, f.state(), at);
                List<PipeEndState> ends = f.state().primitives(PipeEndState.class);
                if (ends.isEmpty()) {
                    return false;
                }
                PipeEndState a = ends.get(0);
                PipeEndState b = (PipeEndState) f.state().primitive(a.peer());
                assertThat(stage.inFlightTowardsFirst()).as("towards %s %s", a.label(), at)
                        .isEqualTo(a.inbox().toList());
                assertThat(stage.inFlightTowardsSecond()).as("towards %s %s", b.label(), at)
                        .isEqualTo(b.inbox().toList());
                assertThat(stage.receiversAtFirst()).as("receivers %s", at).isEqualTo(a.receivers());
                assertThat(stage.receiversAtSecond()).as("receivers %s", at).isEqualTo(b.receivers());
                assertThat(stage.firstEndState()).isEqualTo(a.closed() ? "closed" : "open");
                return !a.inbox().isEmpty() || !b.inbox().isEmpty();
            });
            if (inFlight && !shot) {
                shot = true;
                onFx(() -> {
                    stage.settle();
                    return StageShots.save(stage.node(), "pipe-in-flight");
                });
            }
        }
        assertThat(onFx(stage::firstEndState)).isEqualTo("closed");
        assertThat(onFx(stage::secondEndState)).isEqualTo("closed");
        assertThat(onFx(stage::inFlightTowardsFirst)).isEmpty();
        onFx(() -> {
            stage.settle();
            StageShots.save(stage.node(), "pipe-end");
            stage.dispose();
            return null;
        });
    }
}
