package dev.procession.runtime;

import java.util.List;

/** The result of apply_async or map_async: get(), get(timeout), ready(), successful(), wait. */
public final class AsyncResult {
    private final Pool pool;
    private final long job;
    private final boolean single;

    AsyncResult(Pool pool, long job, boolean single) {
        this.pool = pool;
        this.job = job;
        this.single = single;
    }

    /** Waits for the result; raises the task's exception if it failed. */
    public Object get() {
        return unwrap(pool.result(job, null));
    }

    /** get(timeout): raises {@link MpException.TimeoutError} if not ready in time (scenario seconds). */
    public Object get(double timeout) {
        return unwrap(pool.result(job, timeout));
    }

    private Object unwrap(Object results) {
        return single ? ((List<?>) results).getFirst() : results;
    }

    public boolean ready() {
        return Boolean.TRUE.equals(pool.jobCall("ready", job, null));
    }

    /** Whether it ended without an exception; ValueError if not ready yet. */
    public boolean successful() {
        return Boolean.TRUE.equals(pool.jobCall("successful", job, null));
    }

    /** wait(): until ready. (Python's name; Java's Object.wait is taken.) */
    public void await() {
        pool.jobCall("wait", job, null);
    }

    /** wait(timeout) in scenario seconds. */
    public void await(double timeout) {
        pool.jobCall("wait", job, timeout);
    }

    @Override
    public String toString() {
        return "<AsyncResult job=" + job + ">";
    }
}
