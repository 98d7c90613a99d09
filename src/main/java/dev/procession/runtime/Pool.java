package dev.procession.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * multiprocessing.Pool: real worker processes (SpawnPoolWorker-N, daemonic, children of this
 * process) that take tasks from the hub's queue. Tasks are registered targets that return
 * plain values; a task's exception is raised again here, with its Python name. A worker that
 * dies while the pool runs is replaced, as Python's pool replaces it.
 *
 * <p>{@link #close()} and {@link #terminate()} mean what they mean in Python. {@code with Pool(4)
 * as pool:}, which terminates the pool on the way out, is {@code try (Held with = pool.with())}.
 */
public final class Pool extends RemoteObject {
    static final String WORKER_TARGET = "$pool-worker";
    private final List<Process> workers = new ArrayList<>();
    private boolean running = true;
    private boolean terminated;

    private Pool(Mp mp, long id) {
        super(mp, id, "Pool");
    }

    static Pool start(Mp mp, int processes) {
        if (processes < 1) {
            throw new MpException("ValueError", "Number of processes must be at least 1");
        }
        Pool pool = new Pool(mp, mp.create("Pool", null, Map.of("processes", (long) processes)));
        mp.atExit(pool::terminate);
        for (int i = 0; i < processes; i++) {
            pool.startWorker();
        }
        return pool;
    }

    private synchronized Process startWorker() {
        Process worker = new Process(mp, new Object[] {id}, WORKER_TARGET).prefix("SpawnPoolWorker").daemon(true);
        worker.start();
        workers.add(worker);
        worker.onExit(code -> replace(worker, code));
        return worker;
    }

    /** A worker ended while the pool still runs (killed, say): start another in its place. */
    private void replace(Process worker, long code) {
        synchronized (this) {
            if (!running) {
                return;
            }
            workers.remove(worker);
        }
        try {
            Process successor = startWorker();
            mp.client().call("log", Map.of("kind", "note", "ref", ref(), "text", worker.name() + " ended with exit code "
                    + code + "; the pool started " + successor.name() + " in its place, as Python's pool does"));
        } catch (MpException e) {
            // The run is ending: there is nobody left to replace it for.
        }
    }

    /** The worker processes, for their names and PIDs. */
    public synchronized List<Process> workers() {
        return List.copyOf(workers);
    }

    /** pool.apply(target, args): runs one task and waits for its result. */
    public Object apply(String target, Object... args) {
        return applyAsync(target, args).get();
    }

    /** pool.apply_async(target, args) */
    public AsyncResult applyAsync(String target, Object... args) {
        return applyAsync(target, Arrays.asList(args), null, null);
    }

    /**
     * pool.apply_async(target, args, callback=, error_callback=): the callbacks run in this
     * process, one at a time, when the result is ready (either may be null).
     */
    public AsyncResult applyAsync(String target, List<?> args, Consumer<Object> callback,
                                  Consumer<MpException> errorCallback) {
        long job = submit(target, List.of(args), callback != null || errorCallback != null);
        expect(job, true, callback, errorCallback);
        return new AsyncResult(this, job, true);
    }

    /** pool.map(target, items): one task per item, results in the items' order. */
    @SuppressWarnings("unchecked")
    public List<Object> map(String target, List<?> items) {
        return (List<Object>) mapAsync(target, items).get();
    }

    /** pool.map_async(target, items) */
    public AsyncResult mapAsync(String target, List<?> items) {
        return mapAsync(target, items, null, null);
    }

    /** pool.map_async(target, items, callback=, error_callback=): the callback gets the whole list. */
    public AsyncResult mapAsync(String target, List<?> items, Consumer<Object> callback,
                                Consumer<MpException> errorCallback) {
        long job = submit(target, items.stream().map(Arrays::asList).toList(), callback != null || errorCallback != null);
        expect(job, false, callback, errorCallback);
        return new AsyncResult(this, job, false);
    }

    private void expect(long job, boolean single, Consumer<Object> callback, Consumer<MpException> errorCallback) {
        if (callback != null || errorCallback != null) {
            mp.poolCallbacks().expect(id, job, single, callback, errorCallback);
        }
    }

    /** pool.starmap(target, argument lists) */
    @SuppressWarnings("unchecked")
    public List<Object> starmap(String target, List<? extends List<?>> argumentLists) {
        return (List<Object>) new AsyncResult(this, submit(target, argumentLists, false), false).get();
    }

    /** pool.imap(target, items): the results in order, each as soon as it is ready. */
    public Iterable<Object> imap(String target, List<?> items) {
        long job = submit(target, items.stream().map(Arrays::asList).toList(), false);
        int size = items.size();
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Object next() {
                if (next >= size) {
                    throw new NoSuchElementException("StopIteration");
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("job", job);
                m.put("index", (long) next++);
                return Values.decode(call("result", m), mp);
            }
        };
    }

    /** Submits a job; with {@code notify}, the hub pushes its outcome here once it is ready. */
    private long submit(String target, List<? extends List<?>> argumentLists, boolean notify) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("tasks", Values.encode(argumentLists));
        if (notify) {
            m.put("notify", true);
        }
        Map<?, ?> reply = (Map<?, ?>) call("submit", m);
        return ((Number) reply.get("job")).longValue();
    }

    /** pool.close(): no more tasks; the workers exit once the queued ones are done. */
    public synchronized void close() {
        if (running) {
            running = false;
            call("close");
        }
    }

    /** pool.terminate(): queued tasks are dropped, the workers are sent SIGTERM and reaped. */
    public void terminate() {
        synchronized (this) {
            if (terminated) {
                return;
            }
            running = false;
            terminated = true;
        }
        call("terminate");
        List<Process> all;
        synchronized (this) {
            all = List.copyOf(workers);
        }
        for (Process worker : all) {
            if (worker.isAlive()) {
                worker.terminate();
            }
        }
        for (Process worker : all) {
            worker.join();
        }
    }

    /** pool.join(): waits for the workers to exit; only after close() or terminate(). */
    public void join() {
        List<Process> all;
        synchronized (this) {
            if (running) {
                throw new MpException("ValueError", "Pool is still running");
            }
            all = List.copyOf(workers);
        }
        for (Process worker : all) {
            worker.join();
        }
    }

    /** {@code with pool:} in Python: leaving the block terminates the pool, as its __exit__ does. */
    public Held with() {
        return this::terminate;
    }

    Object result(long job, Double timeout) {
        Map<String, Object> m = blocking(true, timeout);
        m.put("job", job);
        return Values.decode(call("result", m), mp);
    }

    Object jobCall(String op, long job, Double timeout) {
        Map<String, Object> m = blocking(true, timeout);
        m.put("job", job);
        return call(op, m);
    }
}
