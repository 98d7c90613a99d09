package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.RealRun;
import org.junit.jupiter.api.Test;

/** CPython's _TestLock, ported: each case runs in real child processes. */
class LockTest {
    @Test
    void test_lock() throws Exception {
        RealRun.runCase("test-lock", "lock");
    }

    @Test
    void test_rlock() throws Exception {
        RealRun.runCase("test-lock", "rlock");
    }

    @Test
    void test_lock_context() throws Exception {
        RealRun.runCase("test-lock", "lock-context");
    }

    @Test
    void test_rlock_context() throws Exception {
        RealRun.runCase("test-lock", "rlock-context");
    }

    @Test
    void test_lock_locked_2processes() throws Exception {
        RealRun.runCase("test-lock", "lock-locked-2processes");
    }

    @Test
    void test_rlock_locked_2processes() throws Exception {
        RealRun.runCase("test-lock", "rlock-locked-2processes");
    }

    @Test
    void lockBlocksAcrossProcessesUntilReleased() throws Exception {
        var result = RealRun.runCase("test-lock", "lock-across-processes");
        assertThat(result.of("acquire-wait")).isNotEmpty();
        assertThat(result.of("timeout")).hasSize(1);
    }
}
