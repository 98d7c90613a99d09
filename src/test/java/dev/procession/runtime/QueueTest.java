package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CPython's _TestQueue, ported: each case runs in real child processes. */
class QueueTest {
    private static final String PROGRAM = "test-queue";

    @Test
    void test_put() throws Exception {
        var result = RealRun.runCase(PROGRAM, "put");
        assertThat(result.of("put-wait")).hasSize(2);
        // Two timed puts expire; the put_nowait calls on a full queue fail at once.
        assertThat(result.of("timeout")).filteredOn(e -> "timeout".equals(e.get("outcome")))
                .extracting(e -> e.get("op")).containsExactly("put", "put");
        assertThat(result.of("timeout")).filteredOn(e -> "at-once".equals(e.get("outcome")))
                .allSatisfy(e -> assertThat(e.get("block")).isEqualTo(false));
        // The animation's view of the contents: the size after each change, and the item.
        List<Event> puts = result.of("put");
        assertThat(puts).extracting(e -> e.get("size")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(puts).extracting(e -> e.get("item")).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void test_get() throws Exception {
        var result = RealRun.runCase(PROGRAM, "get");
        assertThat(result.of("got")).extracting(e -> e.get("size")).containsExactly(3L, 2L, 1L, 0L);
        assertThat(result.of("get-wait")).hasSize(2);
    }

    @Test
    void test_fork() throws Exception {
        RealRun.runCase(PROGRAM, "fork");
    }

    @Test
    void test_qsize() throws Exception {
        RealRun.runCase(PROGRAM, "qsize");
    }

    @Test
    void test_task_done() throws Exception {
        var result = RealRun.runCase(PROGRAM, "task_done");
        List<Event> done = result.of("task-done").stream().filter(e -> "JoinableQueue#1".equals(e.obj())).toList();
        assertThat(done).hasSize(10);
        assertThat(done.getLast().get("unfinished")).isEqualTo(0L);
        assertThat(result.of("joined")).hasSize(1);
    }

    @Test
    void test_timeout() throws Exception {
        RealRun.runCase(PROGRAM, "timeout");
    }

    @Test
    void test_closed_queue_put_get_exceptions() throws Exception {
        RealRun.runCase(PROGRAM, "closed_queue_put_get_exceptions");
    }

    @Test
    void test_queue_feeder_donot_stop_onexc() throws Exception {
        RealRun.runCase(PROGRAM, "queue_feeder_donot_stop_onexc");
    }

    @Test
    void blockedPuttersAreServedInArrivalOrder() throws Exception {
        var result = RealRun.runCase(PROGRAM, "fifo-waiters");
        List<Long> waited = result.of("put-wait").stream().map(Event::pid).toList();
        List<Long> admitted = result.of("put").stream().filter(e -> "Queue#1".equals(e.obj()))
                .map(Event::pid).skip(1).toList();
        assertThat(waited).hasSize(2).doesNotHaveDuplicates();
        assertThat(admitted).isEqualTo(waited);
    }

    @Test
    void itemsCarryHandlesOfPrimitives() throws Exception {
        var result = RealRun.runCase(PROGRAM, "items-carry-handles");
        assertThat(result.of("put").getFirst().text("item")).contains("<Event#2>");
    }

    @Test
    void valuesKeepTheirPythonTypesAndPrintAsPythonPrintsThem() throws Exception {
        var result = RealRun.runCase(PROGRAM, "python-values");
        assertThat(result.prints()).containsExactly(QueuePrograms.PYTHON_VALUES_PRINTED);
        assertThat(result.of("put").stream().map(e -> e.text("item")))
                .startsWith("(1, 'a')", "()", "(5,)", "{9: 387420489, (1, 2): 'pair', '$x': None}");
    }

    @Test
    void itemsHandedAheadComeBackForASecondGetter() throws Exception {
        var result = RealRun.runCase(PROGRAM, "second-getter");
        assertThat(result.of("got").stream().filter(e -> "Queue#1".equals(e.obj()))).hasSize(200);
    }

    @Test
    void itemsHandedAheadComeBackWhenTheGetterExits() throws Exception {
        RealRun.runCase(PROGRAM, "getter-dies");
    }
}
