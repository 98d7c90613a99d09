package dev.procession.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioClockTest {
    @Test
    void standsStillWhileAnyChildStartsAndRunsOnWhenTheLastHasWaited() {
        ScenarioClock clock = new ScenarioClock(1000.0);
        assertThat(clock.hold(1)).as("the first start stops the clock").isTrue();
        assertThat(clock.hold(2)).as("a second start finds it stopped").isFalse();
        double stopped = clock.now();
        assertThat(clock.now()).isEqualTo(stopped);
        assertThat(clock.release(1)).as("one start still holds it").isFalse();
        assertThat(clock.now()).isEqualTo(stopped);
        assertThat(clock.release(2)).isTrue();
        assertThat(clock.release(2)).as("released twice").isFalse();
        assertThat(clock.running()).isTrue();
    }

    @Test
    void noTimerFallsDueWhileTheClockStandsStill() {
        ScenarioClock clock = new ScenarioClock(1.0);
        Timers timers = new Timers(clock);
        List<String> fired = new ArrayList<>();
        timers.schedule(0, () -> fired.add("due before the start"));
        clock.hold(7);
        timers.schedule(0.5, () -> fired.add("later"));
        assertThat(timers.fireDue()).as("nothing to wait for but the start").isZero();
        assertThat(fired).containsExactly("due before the start");
        assertThat(clock.nanosUntilStale()).isPositive().isLessThanOrEqualTo(ScenarioClock.MAX_HOLD_NANOS);
        assertThat(clock.staleHold()).isNull();
        clock.release(7);
        assertThat(timers.fireDue()).isBetween(1L, 500L);
        assertThat(clock.nanosUntilStale()).isZero();
    }

    @Test
    void aSpeedChangeWhileStoppedTakesEffectWhenTheClockRunsAgain() {
        ScenarioClock clock = new ScenarioClock(1.0);
        clock.hold(3);
        double stopped = clock.now();
        clock.setSpeed(4.0);
        assertThat(clock.now()).isEqualTo(stopped);
        clock.release(3);
        assertThat(clock.realNanosUntil(clock.now() + 4)).isBetween(900_000_000L, 1_000_000_000L);
    }
}
