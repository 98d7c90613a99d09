package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.RealRun;
import org.junit.jupiter.api.Test;

/** CPython's _TestEvent, ported: each case runs in real child processes. */
class EventTest {
    @Test
    void test_event() throws Exception {
        var result = RealRun.runCase("test-event", "event");
        // wait(0.0) and wait(TIMEOUT1) on the clear event
        assertThat(result.of("timeout")).hasSize(2);
    }

    @Test
    void setWakesEveryWaitingProcess() throws Exception {
        var result = RealRun.runCase("test-event", "set-wakes-every-waiter");
        assertThat(result.of("set")).hasSize(1);
        // Every process that blocked in wait() was woken by the one set() (the parent lets them settle
        // first, so normally all of them are; a very late one finds the flag set and does not block).
        assertThat(result.of("woke")).hasSameSizeAs(result.of("wait")).isNotEmpty();
    }
}
