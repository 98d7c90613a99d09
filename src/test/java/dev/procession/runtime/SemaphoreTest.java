package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.RealRun;
import org.junit.jupiter.api.Test;

/** CPython's _TestSemaphore, ported: each case runs in real child processes. */
class SemaphoreTest {
    @Test
    void test_semaphore() throws Exception {
        RealRun.runCase("test-semaphore", "semaphore");
    }

    @Test
    void test_bounded_semaphore() throws Exception {
        RealRun.runCase("test-semaphore", "bounded-semaphore");
    }

    @Test
    void test_timeout() throws Exception {
        var result = RealRun.runCase("test-semaphore", "timeout");
        // Two timed acquires expire; the two non-blocking ones fail at once, and say so.
        assertThat(result.of("timeout")).extracting(e -> e.get("outcome"))
                .containsExactly("at-once", "at-once", "timeout", "timeout");
    }
}
