package dev.procession.app.stage.traffic;

import static dev.procession.app.stage.StageHarness.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.stage.RecordedRun;
import dev.procession.app.stage.StageChecks;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageHarness;
import dev.procession.app.stage.StageHarness.Frame;
import dev.procession.app.stage.StageShots;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.FlagState;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real traffic-light run, replayed frame by frame into the stage: it agrees with the fold. */
class TrafficLightStageTest {

    @BeforeAll
    static void toolkit() throws Exception {
        StageHarness.startToolkit();
    }

    @Test
    void carsCrossOnlyOnGreenAndEveryCarIsDrawnWhereTheFoldSays() throws Exception {
        RecordedRun run = RecordedRun.of("traffic-light", Map.of("cars", "6", "period", "0.6"), 3);
        assertThat(run.exitCode()).isZero();
        TrafficLightStage stage = StageHarness.mount(() -> new TrafficLightStage(StageContext.NONE), 1000, 700);
        boolean everGreen = false;
        int bestPicture = 0;
        for (Frame f : StageHarness.frames(run.events())) {
            for (Event e : f.events()) {
                everGreen |= e.kind() == EventKind.SET;
            }
            boolean greenSoFar = everGreen;
            String at = "at seq " + f.state().seq();
            int waiting = onFx(() -> {
                stage.show(f.state(), f.events(), 3);
                StageChecks.everyElementShowsItsPid(stage, f.state(), at);
                FlagState flag = f.state().primitives(FlagState.class).stream().findFirst().orElse(null);
                if (flag == null) {
                    assertThat(stage.passedCars()).as("cars through before there is a light").isEmpty();
                    return 0;
                }
                assertThat(stage.showsGreen()).as("light %s", at).isEqualTo(flag.set());
                if (!stage.passedCars().isEmpty()) {
                    assertThat(greenSoFar).as("a car is past the line before any green, %s", at).isTrue();
                }
                for (long pid : stage.passedCars()) {
                    ProcState car = f.state().process(pid);
                    assertThat(car.status()).as("car %d past the line %s", pid, at).isNotEqualTo(ProcStatus.BLOCKED);
                }
                List<Long> waiters = flag.waiters().stream()
                        .filter(pid -> "car".equals(f.state().process(pid).role())).toList();
                assertThat(stage.waitingCars()).as("cars before the line %s", at).hasSizeGreaterThanOrEqualTo(
                        waiters.size());
                assertThat(stage.waitingCars().subList(0, waiters.size())).as("the queue at the line %s", at)
                        .isEqualTo(waiters);
                // The picture worth keeping: most cars waiting for green, then most already through.
                return waiters.size() * 100 + stage.passedCars().size();
            });
            if (waiting > bestPicture) {
                bestPicture = waiting;
                onFx(() -> {
                    stage.settle();
                    return StageShots.save(stage.node(), "traffic-light-queue");
                });
            }
        }
        assertThat(bestPicture).as("cars waited or passed").isPositive();
        assertThat(onFx(stage::caption)).isEqualTo("6 of 6 cars through");
        onFx(() -> StageShots.save(stage.node(), "traffic-light-end"));
        onFx(() -> {
            stage.dispose();
            return null;
        });
    }

    @Test
    void aCarWhoseWaitTimedOutIsNeverDrawnPastTheLine() throws Exception {
        RecordedRun run = RecordedRun.of("traffic-light",
                Map.of("cars", "4", "period", "3", "patience", "0.5"), 4);
        assertThat(run.exitCode()).isZero();
        TrafficLightStage stage = StageHarness.mount(() -> new TrafficLightStage(StageContext.NONE), 1000, 700);
        java.util.Set<Long> timedOut = new java.util.HashSet<>();
        for (Frame f : StageHarness.frames(run.events())) {
            f.events().stream().filter(e -> e.kind() == EventKind.TIMEOUT).forEach(e -> timedOut.add(e.pid()));
            String at = "at seq " + f.state().seq();
            onFx(() -> {
                stage.show(f.state(), f.events(), 3);
                StageChecks.everyElementShowsItsPid(stage, f.state(), at);
                assertThat(stage.passedCars().stream().filter(timedOut::contains).toList())
                        .as("cars past the line that turned back %s", at).isEmpty();
                return null;
            });
        }
        assertThat(timedOut).as("cars that turned back").isNotEmpty();
        long through = run.events().stream().filter(e -> e.kind() == EventKind.PRINT
                && e.text("text").endsWith(" through")).count();
        assertThat(onFx(stage::caption)).isEqualTo(through + " of 4 cars through");
        onFx(() -> {
            stage.dispose();
            return null;
        });
    }
}
