package dev.procession.app.stage.queue;

import static dev.procession.app.stage.StageHarness.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.stage.RecordedRun;
import dev.procession.app.stage.StageChecks;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageHarness;
import dev.procession.app.stage.StageHarness.Frame;
import dev.procession.app.stage.StageShots;
import dev.procession.events.EventKind;
import dev.procession.model.QueueState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real queue runs replayed into the stage: the belt is the Queue's items, the waiters its putters and getters. */
class QueueStageTest {

    @BeforeAll
    static void toolkit() throws Exception {
        StageHarness.startToolkit();
    }

    @ParameterizedTest(name = "children={0} maxsize={1} delay={2}")
    @CsvSource({"6, 1, 1.5", "8, 0, 0"})
    void theBeltIsTheQueueAndEveryItemIsGot(int children, int maxsize, double delay) throws Exception {
        RecordedRun run = RecordedRun.of("queue", Map.of("children", String.valueOf(children), "maxsize",
                String.valueOf(maxsize), "delay", String.valueOf(delay)), 3);
        assertThat(run.exitCode()).isZero();
        QueueStage stage = StageHarness.mount(() -> new QueueStage(StageContext.NONE), 1100, 700);
        int mostWaiting = 0;
        int mostItems = 0;
        for (Frame f : StageHarness.frames(run.events())) {
            String at = "at seq " + f.state().seq();
            int[] seen = onFx(() -> {
                stage.show(f.state(), f.events(), 3);
                StageChecks.everyElementShowsItsPid(stage, f.state(), at);
                QueueState q = f.state().primitives(QueueState.class).stream().findFirst().orElse(null);
                if (q == null) {
                    assertThat(stage.beltItems()).isEmpty();
                    return new int[] {0, 0};
                }
                assertThat(stage.beltItems()).as("belt %s", at).isEqualTo(q.items().toList());
                assertThat(stage.waitingPutters()).as("putters %s", at).isEqualTo(q.putters());
                assertThat(stage.waitingGetters()).as("getters %s", at).isEqualTo(q.getters());
                return new int[] {q.putters().size(), q.size()};
            });
            if (seen[0] > mostWaiting || maxsize == 0 && seen[1] > mostItems) {
                mostWaiting = Math.max(mostWaiting, seen[0]);
                mostItems = Math.max(mostItems, seen[1]);
                onFx(() -> {
                    stage.settle();
                    return StageShots.save(stage.node(), "queue-" + (maxsize > 0 ? "full" : "unbounded"));
                });
            }
        }
        long got = run.events().stream().filter(e -> e.kind() == EventKind.GOT).count();
        assertThat(got).as("every item got").isEqualTo(children);
        assertThat(onFx(stage::beltItems)).isEmpty();
        assertThat(onFx(stage::countsText)).isEqualTo(children + " put, " + children + " got");
        if (maxsize > 0) {
            assertThat(mostWaiting).as("producers waited at the full belt").isPositive();
        }
        onFx(() -> {
            stage.settle();
            StageShots.save(stage.node(), "queue-end-" + maxsize);
            stage.dispose();
            return null;
        });
    }

    @Test
    void nowaitRefusalsAreCountedAndTheBeltStaysTheQueue() throws Exception {
        RecordedRun run = RecordedRun.of("queue", Map.of("children", "5", "maxsize", "2", "nowait", "true"), 3);
        assertThat(run.exitCode()).isZero();
        QueueStage stage = StageHarness.mount(() -> new QueueStage(StageContext.NONE), 1100, 700);
        for (Frame f : StageHarness.frames(run.events())) {
            String at = "at seq " + f.state().seq();
            onFx(() -> {
                stage.show(f.state(), f.events(), 3);
                StageChecks.everyElementShowsItsPid(stage, f.state(), at);
                QueueState q = f.state().primitives(QueueState.class).stream().findFirst().orElse(null);
                if (q != null) {
                    assertThat(stage.beltItems()).as("belt %s", at).isEqualTo(q.items().toList());
                    assertThat(stage.waitingPutters()).as("nobody waits to put_nowait %s", at).isEmpty();
                }
                return null;
            });
        }
        assertThat(onFx(stage::countsText)).isEqualTo("2 put, 2 got; refused: 3 Full, 1 Empty");
        onFx(() -> {
            stage.settle();
            return StageShots.save(stage.node(), "queue-nowait");
        });
        onFx(() -> {
            stage.dispose();
            return null;
        });
    }
}
