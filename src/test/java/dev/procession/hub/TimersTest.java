package dev.procession.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimersTest {
    @Test
    void reportsTheWaitUntilTheNextDeadlineInWholeMilliseconds() {
        Timers timers = new Timers(new ScenarioClock(2.0));
        timers.schedule(10, () -> { });
        // 10 scenario seconds at speed 2 are 5 real seconds.
        assertThat(timers.fireDue()).isBetween(4_000L, 5_000L);
    }

    /** A timeout of 1e300 s overflowed the rounding and made the hub wake every millisecond. */
    @Test
    void aHugeTimeoutDoesNotOverflowIntoABusyLoop() {
        Timers timers = new Timers(new ScenarioClock(1.0));
        timers.schedule(1e300, () -> { });
        assertThat(timers.fireDue()).isGreaterThan(1_000_000_000L);
    }

    @Test
    void firesDueTimersInDeadlineOrderAndSkipsCancelledOnes() {
        Timers timers = new Timers(new ScenarioClock(1.0));
        List<String> fired = new ArrayList<>();
        timers.schedule(0, () -> fired.add("b")).cancel();
        timers.schedule(-1, () -> fired.add("a"));
        timers.schedule(0, () -> fired.add("c"));
        timers.schedule(60, () -> fired.add("later"));
        assertThat(timers.fireDue()).isPositive();
        assertThat(fired).containsExactly("a", "c");
    }
}
