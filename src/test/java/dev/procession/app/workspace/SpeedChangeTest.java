package dev.procession.app.workspace;

import static dev.procession.app.WindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.WindowFixture;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.supervisor.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The speed slider moved during a run changes how long the processes' real sleeps take. */
class SpeedChangeTest {
    @RegisterExtension
    static final WindowFixture window = new WindowFixture();

    /** The daemon scenario's p2 sleeps 1 scenario second per count: the same sleep, before and after. */
    @Test
    void aSleepStartedAfterTheSpeedGoesToFourTakesAQuarterOfItsTime() {
        Run run = window.start("daemon", Map.of("count", "8", "sleep", "0"), 1);
        long p2 = window.awaitProcess("p2 (Process-1) to start", p -> "Process-1".equals(p.name())).pid();
        await("a whole sleep of p2 at 1x", () -> sleeps(run, p2, 0).size() >= 1);
        long atOne = sleeps(run, p2, 0).getFirst();

        Slider slider = window.robot().lookup("#speed-slider").queryAs(Slider.class);
        window.robot().interact(slider::requestFocus);
        window.robot().type(KeyCode.RIGHT, 2);           // two doubling steps: 1x -> 4x
        await("the speed label to say 4x", () -> window.robot().lookup("#speed-value").queryAs(Label.class)
                .getText().startsWith("4"));
        await("the change to 4x in the log", () -> speedEvent(run, 4.0).isPresent());
        long changedAt = speedEvent(run, 4.0).orElseThrow().seq();
        assertThat(speedEvent(run, 2.0)).as("the slider's first step, 2x, came first")
                .hasValueSatisfying(e -> assertThat(e.seq()).isLessThan(changedAt));

        await("a whole sleep of p2 started after the change", () -> !sleeps(run, p2, changedAt).isEmpty());
        long atFour = sleeps(run, p2, changedAt).getFirst();
        assertThat(atOne).as("1 s at 1x, in microseconds").isBetween(950_000L, 3_000_000L);
        assertThat(atFour).as("1 s at 4x (%d us at 1x), in microseconds", atOne).isGreaterThanOrEqualTo(230_000L)
                .isLessThanOrEqualTo(atOne / 2);
        assertThat(window.fold().speed()).as("the fold's speed").isEqualTo(4.0);
    }

    /** Real durations of {@code pid}'s whole sleeps that began after {@code afterSeq}, from the log's {@code t}. */
    private static List<Long> sleeps(Run run, long pid, long afterSeq) {
        List<Event> events = run.log().snapshot().stream().filter(e -> e.pid() == pid && e.seq() > afterSeq).toList();
        List<Long> durations = new ArrayList<>();
        Event began = null;
        for (Event e : events) {
            if (e.kind() == EventKind.SLEEP) {
                began = e;
            } else if (e.kind() == EventKind.SLEEP_END && began != null) {
                durations.add(e.micros() - began.micros());
                began = null;
            }
        }
        return durations;
    }

    private static Optional<Event> speedEvent(Run run, double speed) {
        return run.log().snapshot().stream()
                .filter(e -> e.kind() == EventKind.SPEED && Double.valueOf(speed).equals(e.get("speed"))).findFirst();
    }
}
