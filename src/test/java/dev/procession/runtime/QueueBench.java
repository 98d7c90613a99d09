package dev.procession.runtime;

import dev.procession.events.EventKind;
import dev.procession.testing.RealRun;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The queue benchmark from a shell (no JUnit), so rounds can be interleaved with Python's
 * (bench/python/mp_bench.py's queue_throughput_per_s): prints the consumer's items/s and the hub
 * thread's CPU time per event. Arguments: [rounds]. Classpath: target/classes, target/test-classes
 * and the test dependencies, as absolute paths (children start in the run's folder).
 */
public final class QueueBench {
    private QueueBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        for (int i = 0; i < rounds; i++) {
            RealRun.with("bench-queue", Map.of("case", "throughput"), 1.0, run -> {
                long code = run.finished().get(5, TimeUnit.MINUTES);
                long hubCpu = hubCpuNanos();
                var prints = run.log().snapshot().stream().filter(e -> e.kind() == EventKind.PRINT)
                        .map(e -> e.text("text")).toList();
                int events = run.log().size();
                System.out.printf("java %s exit %d, %d events, hub thread CPU %.0f ms = %.2f us/event%n", prints,
                        code, events, hubCpu / 1e6, hubCpu / 1e3 / events);
                return null;
            });
        }
    }

    /** CPU time of the live hub thread: the run's, read before the run closes. */
    private static long hubCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().equals("procession-hub")) {
                sum += threads.getThreadCpuTime(id);
            }
        }
        return sum;
    }
}
