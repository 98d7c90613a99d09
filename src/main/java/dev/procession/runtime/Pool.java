package dev.procession.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * multiprocessing.Pool: real worker processes (SpawnPoolWorker-N, daemonic, children of this
 * process) that take tasks from the hub's queue. Tasks are registered targets that return
 * plain values; a task's exception is raised again here, with its Python name.
 *
 * <p>{@code with Pool(4) as pool:} is {@code try (Pool pool = mp.pool(4)) { ... }}: leaving it
 * terminates the pool, as Python's does. Python's {@code pool.close()} is {@link #noMoreTasks()},
 * since Java's {@code close()} is what try-with-resources calls.
 */
public final class Pool extends RemoteObject implements AutoCloseable {
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
            Process worker = new Process(mp, new Object[] {pool.id}, WORKER_TARGET)
                    .prefix("SpawnPoolWorker").daemon(true);
            worker.start();
            pool.workers.add(worker);
        }
        return pool;
    }

    /** The worker processes, for their names and PIDs. */
    public List<Process> workers() {
        return List.copyOf(workers);
    }

    /** pool.apply(target, args): runs one task and waits for its result. */
    public Object apply(String target, Object... args) {
        return applyAsync(target, args).get();
    }

    /** pool.apply_async(target, args) */
    public AsyncResult applyAsync(String target, Object... args) {
        return new AsyncResult(this, submit(target, List.of(Arrays.asList(args))), true);
    }

    /** pool.map(target, items): one task per item, results in the items' order. */
    @SuppressWarnings("unchecked")
    public List<Object> map(String target, List<?> items) {
        return (List<Object>) mapAsync(target, items).get();
    }

    /** pool.map_async(target, items) */
    public AsyncResult mapAsync(String target, List<?> items) {
        return new AsyncResult(this, submit(target, items.stream().map(Arrays::asList).toList()), false);
    }

    /** pool.starmap(target, argument lists) */
    @SuppressWarnings("unchecked")
    public List<Object> starmap(String target, List<? extends List<?>> argumentLists) {
        return (List<Object>) new AsyncResult(this, submit(target, argumentLists), false).get();
    }

    /** pool.imap(target, items): the results in order, each as soon as it is ready. */
    public Iterable<Object> imap(String target, List<?> items) {
        long job = submit(target, items.stream().map(Arrays::asList).toList());
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

    private long submit(String target, List<? extends List<?>> argumentLists) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("tasks", Values.encode(argumentLists));
        Map<?, ?> reply = (Map<?, ?>) call("submit", m);
        return ((Number) reply.get("job")).longValue();
    }

    /**
     * Python's pool.close(): no more tasks; the workers exit once the queued ones are done.
     * (Java's close() is the end of a with-block, which terminates.)
     */
    public synchronized void noMoreTasks() {
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
        for (Process worker : workers) {
            if (worker.isAlive()) {
                worker.terminate();
            }
        }
        for (Process worker : workers) {
            worker.join();
        }
    }

    /** pool.join(): waits for the workers to exit; only after noMoreTasks() or terminate(). */
    public void join() {
        synchronized (this) {
            if (running) {
                throw new MpException("ValueError", "Pool is still running");
            }
        }
        for (Process worker : workers) {
            worker.join();
        }
    }

    /** The end of {@code with Pool(n) as pool:}: terminate(), as Python's __exit__ does. */
    @Override
    public void close() {
        terminate();
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
