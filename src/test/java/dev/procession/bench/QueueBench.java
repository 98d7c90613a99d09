package dev.procession.bench;

import dev.procession.runtime.Args;
import dev.procession.runtime.Event;
import dev.procession.runtime.Mp;
import dev.procession.runtime.MpException;
import dev.procession.runtime.Process;
import dev.procession.runtime.Queue;
import dev.procession.runtime.Semaphore;
import dev.procession.runtime.Targets;
import java.util.Map;

/**
 * queue_throughput_per_s: two children share one Queue; the producer puts 0..M-1, the consumer
 * times its M gets (t0 just before the first get, t1 after the M-th) and checks the last item.
 * Both report ready and wait on a "go" Event that the parent sets once both are ready.
 */
final class QueueBench {
    private QueueBench() {
    }

    static void define(Targets targets) {
        targets.target("producer", (mp, a) -> {
            Semaphore ready = a.get(0, Semaphore.class);
            Event go = a.get(1, Event.class);
            Queue q = a.get(2, Queue.class);
            long m = a.integer(3);
            ready.release();
            go.await();
            for (long i = 0; i < m; i++) {
                q.put(i);
            }
            return null;
        });
        targets.target("consumer", QueueBench::consume);
    }

    private static Object consume(Mp mp, Args a) {
        Semaphore ready = a.get(0, Semaphore.class);
        Event go = a.get(1, Event.class);
        Queue q = a.get(2, Queue.class);
        long m = a.integer(3);
        ready.release();
        go.await();
        long t0 = System.nanoTime();
        Object last = null;
        for (long i = 0; i < m; i++) {
            last = q.get();
        }
        long t1 = System.nanoTime();
        if (!(last instanceof Long l) || l != m - 1) {
            throw new MpException("AssertionError", "last item " + last + " != " + (m - 1));
        }
        BenchProgram.note(mp, "queue", Map.of("m", m, "ns", t1 - t0));
        return null;
    }

    static void run(Mp mp, int repeats, long m) {
        for (int r = 0; r < repeats; r++) {
            Semaphore ready = mp.semaphore(0);
            Event go = mp.event();
            Queue q = mp.queue();
            Process consumer = mp.process("consumer", ready, go, q, m).daemon(true).start();
            Process producer = mp.process("producer", ready, go, q, m).daemon(true).start();
            try {
                BenchProgram.awaitReady(ready);
                BenchProgram.awaitReady(ready);
                go.set();
                consumer.join();
                producer.join();
            } finally {
                go.set();
            }
            if (consumer.exitCode() != 0L || producer.exitCode() != 0L) {
                throw new MpException("RuntimeError", "queue children failed: consumer " + consumer.exitCode()
                        + ", producer " + producer.exitCode());
            }
        }
    }
}
