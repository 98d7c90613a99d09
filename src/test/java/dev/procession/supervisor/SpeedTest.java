package dev.procession.supervisor;

import dev.procession.events.EventKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The run's speed changes while processes sleep and join: what is left of each wait rescales. */
class SpeedTest {
    @Test
    void aSpeedChangeMidRunShortensASleepAlreadyUnderWay() throws Exception {
        List<Event> events = RealRun.with("test-supervised", Map.of("case", "speed"), 1.0, run -> {
            RealRun.await(Duration.ofSeconds(30), () -> run.log().snapshot().stream()
                    .anyMatch(e -> e.kind() == EventKind.SLEEP && e.proc().equals("Process-1")), "the child's sleep");
            // 40 scenario seconds at speed 1; at speed 100 what is left takes under half a second.
            run.setSpeed(100);
            assertThat(run.finished().get(20, TimeUnit.SECONDS)).as("main's exit code").isZero();
            return run.log().snapshot();
        });
        Event sleep = events.stream().filter(e -> e.kind() == EventKind.SLEEP).findFirst().orElseThrow();
        Event woke = events.stream().filter(e -> e.kind() == EventKind.PRINT && "woke".equals(e.text("text")))
                .findFirst().orElseThrow();
        assertThat(events).anySatisfy(e -> assertThat(e.kind()).isEqualTo(EventKind.SPEED));
        assertThat((woke.micros() - sleep.micros()) / 1e6).as("real seconds the 40 s sleep took")
                .isLessThan(20);
        assertThat(events).anySatisfy(e -> assertThat(e.text("text")).isEqualTo("joined"));
    }
}
