package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import java.util.Map;

/**
 * Queue throughput between two children, defined as bench/python/mp_bench.py's
 * queue_throughput_per_s: a producer puts 0..M-1, a consumer gets M; the consumer times its gets
 * from just before the first to just after the last, once both are ready.
 */
public final class QueueBenchPrograms extends CaseProgram {
    static final int ITEMS = Integer.getInteger("procession.bench.items", 50_000);

    @Override
    public String id() {
        return "bench-queue";
    }

    @Override
    protected void define() {
        test("throughput", (mp, a) -> {
            Queue q = mp.queue("q", 0);
            Queue ready = mp.queue("ready", 0);
            Event go = mp.event("go");
            Process producer = mp.process("produce", q, ready, go, (long) ITEMS).start();
            Process consumer = mp.process("consume", q, ready, go, (long) ITEMS).start();
            ready.get();
            ready.get();
            go.set();
            Map<?, ?> result = (Map<?, ?>) ready.get();
            mp.print("items/s", result.get("perSecond"));
            producer.join();
            consumer.join();
            return null;
        });
        target("produce", (mp, a) -> {
            Queue q = a.get(0, Queue.class);
            a.get(1, Queue.class).put("producer");
            a.get(2, Event.class).await();
            long m = a.integer(3);
            long t0 = System.nanoTime();
            for (long i = 0; i < m; i++) {
                q.put(i);
            }
            mp.print("producer puts/s", Math.round(m / ((System.nanoTime() - t0) / 1e9)));
            return null;
        });
        target("consume", (mp, a) -> {
            Queue q = a.get(0, Queue.class);
            Queue ready = a.get(1, Queue.class);
            ready.put("consumer");
            a.get(2, Event.class).await();
            long m = a.integer(3);
            long t0 = System.nanoTime();
            Object last = null;
            for (long i = 0; i < m; i++) {
                last = q.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!Long.valueOf(m - 1).equals(last)) {
                throw new AssertionError("last item " + last);
            }
            ready.put(Map.of("perSecond", Math.round(m / seconds)));
            return null;
        });
    }
}
