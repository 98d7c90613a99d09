package dev.procession.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * apply_async's and map_async's {@code callback} and {@code error_callback}: the hub pushes a job's
 * outcome to its owner once it is ready, and one thread runs the callbacks in that order, as
 * Python's pool runs them on its result-handler thread. Nothing waits in the hub for them, so the
 * owner keeps its own state (running, not blocked) while its results come in.
 */
final class PoolCallbacks {
    private final Mp mp;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ExecutorService handler = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pool-result-handler");
        t.setDaemon(true);
        return t;
    });

    private record Pending(boolean single, Consumer<Object> callback, Consumer<MpException> errorCallback) {
    }

    PoolCallbacks(Mp mp) {
        this.mp = mp;
        mp.onPush("pool", this::arrived);
    }

    void expect(long pool, long job, boolean single, Consumer<Object> callback, Consumer<MpException> errorCallback) {
        pending.put(key(pool, job), new Pending(single, callback, errorCallback));
    }

    /** On the reader thread: hand the outcome to the handler thread at once. */
    private void arrived(Map<String, Object> push) {
        Pending p = pending.remove(key(((Number) push.get("obj")).longValue(), ((Number) push.get("job")).longValue()));
        if (p != null) {
            handler.execute(() -> run(p, push));
        }
    }

    private void run(Pending p, Map<String, Object> push) {
        try {
            if (Boolean.TRUE.equals(push.get("ok"))) {
                if (p.callback != null) {
                    Object value = Values.decode(push.get("value"), mp);
                    p.callback.accept(p.single ? ((List<?>) value).getFirst() : value);
                }
            } else if (p.errorCallback != null) {
                p.errorCallback.accept(MpException.of(String.valueOf(push.get("error")),
                        String.valueOf(push.get("message"))));
            }
        } catch (RuntimeException e) {
            // As in Python, a failing callback is reported and the others still run.
            ChildMain.report(mp.client(), e);
        }
    }

    private static String key(long pool, long job) {
        return pool + "/" + job;
    }
}
