package dev.procession.app.stage;

import static dev.procession.app.stage.StageHarness.onFx;

import dev.procession.app.stage.StageHarness.Frame;
import dev.procession.app.stage.ktv.KtvStage;
import dev.procession.app.stage.tickets.TicketsStage;
import dev.procession.app.stage.traffic.TrafficLightStage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The stages of the scenarios that scale to 100 processes, at the width a 1280-pixel window
 * leaves them and at the narrowest window: every label reads in full (the pid of every element
 * included), at every frame of a real run with 100 processes.
 */
class NarrowStageTest {
    private static final Map<String, Function<StageContext, ScenarioStage>> STAGES = Map.of(
            "tickets", TicketsStage::new, "ktv", KtvStage::new, "traffic-light", TrafficLightStage::new);

    @BeforeAll
    static void toolkit() throws Exception {
        StageHarness.startToolkit();
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource({"ktv, people, 100", "tickets, buyers, 100", "traffic-light, cars, 100"})
    void everyLabelReadsInFullAtANarrowWidth(String scenario, String countParameter, String count) throws Exception {
        List<Frame> frames = StageHarness.frames(
                RecordedRun.of(scenario, Map.of(countParameter, count), 4, 300, r -> null).events());
        for (int width : new int[] {680, 440}) {
            ScenarioStage stage = StageHarness.mount(() -> STAGES.get(scenario).apply(StageContext.NONE), width, 600);
            // Every frame: a label is cut or an element pushed off the side in one frame as well as in many.
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
                String at = "at " + width + " px, seq " + f.state().seq();
                boolean last = i == frames.size() - 1;
                onFx(() -> {
                    stage.show(f.state(), f.events(), 4);
                    StageChecks.everyElementShowsItsPid(stage, f.state(), at);
                    return null;
                });
                // Checked as the next pulse has laid it out, as a person would see it.
                WaitForAsyncUtils.waitForFxEvents();
                onFx(() -> {
                    // Where the layout puts things, not where a glide towards it has them now.
                    ((StageBase) stage).settle();
                    StageChecks.nothingIsCutShort(stage, at);
                    return null;
                });
                if (i == frames.size() / 2 || last) {
                    int shot = i;
                    onFx(() -> StageShots.save(stage.node(), "narrow-" + scenario + "-" + width + "-" + shot));
                }
            }
            onFx(() -> {
                stage.dispose();
                return null;
            });
        }
    }
}
