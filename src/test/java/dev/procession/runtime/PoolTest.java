package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import dev.procession.testing.SubCases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CPython's _TestPool and _TestPoolWorkerErrors, ported: real worker processes. */
class PoolTest {
    private static final String PROGRAM = "test-pool";
    /** One run, one pool of 2 workers, for the cases CPython runs on its class-wide pool. */
    private static RealRun.Result shared;
    /** One run for the cases that make their own pools. */
    private static RealRun.Result ownPools;

    @BeforeAll
    static void runSharedRuns() throws Exception {
        shared = RealRun.run(PROGRAM, Map.of("case", "shared"), 1.0, Duration.ofSeconds(90));
        ownPools = RealRun.run(PROGRAM, Map.of("case", "own-pools"), 1.0, Duration.ofSeconds(90));
    }

    @Test
    void test_apply() throws Exception {
        SubCases.assertPassed(shared, "apply");
    }

    @Test
    void test_map() throws Exception {
        SubCases.assertPassed(shared, "map");
    }

    @Test
    void test_starmap() throws Exception {
        SubCases.assertPassed(shared, "starmap");
    }

    @Test
    void test_map_async() throws Exception {
        SubCases.assertPassed(shared, "map_async");
    }

    @Test
    void test_async() throws Exception {
        SubCases.assertPassed(shared, "async");
    }

    @Test
    void test_async_timeout() throws Exception {
        SubCases.assertPassed(shared, "async_timeout");
        assertThat(shared.of("timeout")).isNotEmpty();
    }

    @Test
    void test_imap() throws Exception {
        SubCases.assertPassed(shared, "imap");
    }

    @Test
    void test_make_pool() throws Exception {
        SubCases.assertPassed(ownPools, "make_pool");
    }

    @Test
    void test_terminate() throws Exception {
        SubCases.assertPassed(shared, "terminate");
        assertThat(shared.of("terminate")).hasSize(1);
        assertThat(((Number) shared.of("terminate").getFirst().get("dropped")).longValue()).isGreaterThan(900);
    }

    @Test
    void test_empty_iterable() throws Exception {
        SubCases.assertPassed(ownPools, "empty_iterable");
    }

    @Test
    void test_context() throws Exception {
        SubCases.assertPassed(ownPools, "context");
    }

    @Test
    void test_wrapped_exception() throws Exception {
        SubCases.assertPassed(shared, "wrapped_exception");
        assertThat(shared.of("task-failed")).extracting(e -> e.get("error")).contains("RuntimeError",
                "ZeroDivisionError");
    }

    /** apply_async(callback=, error_callback=) and map_async(callback=): run in the owner, not waited for in the hub. */
    @Test
    void test_callbacks() throws Exception {
        SubCases.assertPassed(ownPools, "callbacks");
    }

    @Test
    void closeThenJoinWaitsForTheQueuedTasks() throws Exception {
        SubCases.assertPassed(ownPools, "close-join-waits");
        assertThat(ownPools.of("close")).isNotEmpty();
    }

    @Test
    void aKilledWorkerIsReplacedAndTheReplacementIsLogged() throws Exception {
        SubCases.assertPassed(ownPools, "replaces-a-dead-worker");
        assertThat(ownPools.of("note")).anySatisfy(e -> assertThat(e.text("text"))
                .matches("SpawnPoolWorker-\\d+ ended with exit code -9; the pool started SpawnPoolWorker-\\d+ in its"
                        + " place, as Python's pool does"));
    }

    /** _TestPoolWorkerErrors.test_async_error_callback: the error reaches get() (and error_callback, above). */
    @Test
    void test_async_error_callback() throws Exception {
        SubCases.assertPassed(shared, "async_error");
    }

    @Test
    void test_unpickleable_result() throws Exception {
        SubCases.assertPassed(shared, "unpickleable_result");
    }

    @Test
    void aWorkerThatDiesFailsItsTaskInsteadOfHanging() throws Exception {
        SubCases.assertPassed(ownPools, "worker-dies");
        assertThat(ownPools.of("task-failed")).filteredOn(e -> "RuntimeError".equals(e.get("error")))
                .singleElement().satisfies(e -> assertThat(e.text("message")).contains("while running task 0"));
    }

    /** The seed's 08_pool.py: 4 workers serve 10 tasks and one apply_async; events say who ran what. */
    @Test
    void seedPoolShowsWhichWorkerRunsWhichTask() throws Exception {
        // At 4x speed: the tasks' half-second sleeps are not what this checks.
        var result = RealRun.run(PROGRAM, Map.of("case", "seed"), 4.0, Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.errors()).isZero();
        List<Event> tasks = result.of("task");
        assertThat(tasks).hasSize(11);
        Set<String> workers = result.of("spawn").stream().map(Event::proc)
                .filter(n -> n.startsWith("SpawnPoolWorker-")).collect(Collectors.toSet());
        assertThat(workers).containsExactlyInAnyOrder("SpawnPoolWorker-1", "SpawnPoolWorker-2",
                "SpawnPoolWorker-3", "SpawnPoolWorker-4");
        for (Event task : tasks) {
            assertThat(task.proc()).startsWith("SpawnPoolWorker-");
            assertThat(task.get("worker")).isEqualTo(task.pid());
            assertThat(task.obj()).startsWith("Pool#");
        }
        assertThat(tasks.stream().map(Event::pid).distinct().count()).as("tasks spread over workers")
                .isGreaterThan(1);
        assertThat(result.of("task-done")).hasSize(11)
                .anySatisfy(e -> assertThat(e.text("result")).startsWith("[3, 9, "));
        assertThat(result.prints()).hasSize(10);
    }
}
