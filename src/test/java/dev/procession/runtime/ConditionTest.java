package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.RealRun;
import org.junit.jupiter.api.Test;

/** CPython's _TestCondition, ported: each case runs in real child processes. */
class ConditionTest {
    @Test
    void test_notify() throws Exception {
        checkInvariant(RealRun.runCase("test-condition", "notify"));
    }

    @Test
    void aNotifiedWaitDoesNotTimeOutWhileItWaitsForTheLock() throws Exception {
        var result = RealRun.runCase("test-condition", "notified-then-timeout-passes");
        assertThat(result.of("timeout")).isEmpty();
        assertThat(result.of("hub-error")).isEmpty();
    }

    @Test
    void test_notify_all() throws Exception {
        var result = RealRun.runCase("test-condition", "notify-all");
        checkInvariant(result);
        assertThat(onCondition(result, "timeout")).isEqualTo(ConditionPrograms.NOTIFY_ALL_WAITERS);
    }

    @Test
    void test_notify_n() throws Exception {
        checkInvariant(RealRun.runCase("test-condition", "notify-n"));
    }

    @Test
    void test_timeout() throws Exception {
        checkInvariant(RealRun.runCase("test-condition", "timeout"));
    }

    @Test
    void test_waitfor() throws Exception {
        checkInvariant(RealRun.runCase("test-condition", "waitfor"));
    }

    @Test
    void test_waitfor_timeout() throws Exception {
        checkInvariant(RealRun.runCase("test-condition", "waitfor-timeout"));
    }

    @Test
    void test_wait_result() throws Exception {
        checkInvariant(RealRun.runCase("test-condition", "wait-result"));
    }

    @Test
    void waitAndNotifyWithoutTheLockRaiseAssertionError() throws Exception {
        RealRun.runCase("test-condition", "wait-and-notify-need-the-lock");
    }

    @Test
    void waitRestoresTheRLockRecursionCount() throws Exception {
        var result = RealRun.runCase("test-condition", "rlock-count-restored");
        assertThat(result.of("acquired")).anySatisfy(e -> {
            assertThat(e.get("for")).asString().startsWith("Condition#");
            assertThat(((Number) e.get("count")).longValue()).isEqualTo(3L);
        });
    }

    @Test
    void aNotifiedWaiterRetakesTheLockBeforeWaitReturns() throws Exception {
        var result = RealRun.runCase("test-condition", "woken-waiter-retakes-lock");
        assertThat(result.of("acquire-wait")).anySatisfy(e -> assertThat(e.get("for")).asString().startsWith("Condition#"));
    }

    /** CPython's check_invariant, from the log: every wait on the condition ended, woken or timed out. */
    private static void checkInvariant(RealRun.Result result) {
        assertThat(onCondition(result, "woke") + onCondition(result, "timeout"))
                .as("waits that ended").isEqualTo(onCondition(result, "wait"));
    }

    private static long onCondition(RealRun.Result result, String kind) {
        return result.of(kind).stream().map(dev.procession.events.Event::obj).filter(o -> o != null && o.startsWith("Condition#")).count();
    }
}
