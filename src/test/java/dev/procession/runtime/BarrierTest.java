package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.RealRun;
import org.junit.jupiter.api.Test;

/** CPython's _TestBarrier, ported: each case runs in real child processes (3 parties). */
class BarrierTest {
    @Test
    void test_barrier() throws Exception {
        RealRun.runCase("test-barrier", "barrier");
    }

    @Test
    void test_barrier_10() throws Exception {
        var result = RealRun.runCase("test-barrier", "barrier-10");
        assertThat(result.of("pass")).hasSize(20);
    }

    @Test
    void test_wait_return() throws Exception {
        var result = RealRun.runCase("test-barrier", "wait-return");
        assertThat(result.prints()).containsExactlyInAnyOrder("index 0", "index 1", "index 2");
    }

    @Test
    void test_action() throws Exception {
        var result = RealRun.runCase("test-barrier", "action");
        assertThat(result.of("action")).hasSize(1);
    }

    @Test
    void test_abort() throws Exception {
        var result = RealRun.runCase("test-barrier", "abort");
        assertThat(result.of("abort")).hasSize(1);
    }

    @Test
    void test_reset() throws Exception {
        RealRun.runCase("test-barrier", "reset");
    }

    @Test
    void test_abort_and_reset() throws Exception {
        RealRun.runCase("test-barrier", "abort-and-reset");
    }

    @Test
    void test_timeout() throws Exception {
        var result = RealRun.runCase("test-barrier", "timeout");
        assertThat(result.of("broken")).singleElement().satisfies(e -> assertThat(e.get("reason")).isEqualTo("timeout"));
    }

    @Test
    void test_default_timeout() throws Exception {
        var result = RealRun.runCase("test-barrier", "default-timeout");
        assertThat(result.of("broken")).singleElement().satisfies(e -> assertThat(e.get("reason")).isEqualTo("timeout"));
    }

    @Test
    void test_single_thread() throws Exception {
        RealRun.runCase("test-barrier", "single-thread");
    }

    @Test
    void aFailingActionBreaksTheBarrier() throws Exception {
        var result = RealRun.runCase("test-barrier", "failing-action");
        assertThat(result.of("broken")).singleElement().satisfies(e -> assertThat(e.get("reason")).isEqualTo("action"));
    }
}
