package dev.procession.hub;

import dev.procession.events.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * One submission to a pool (a map, or one apply): its tasks' results in order, and the calls
 * waiting for them. As in Python, a job is ready when every task is done or one has failed.
 */
final class PoolJob {
    final long id;
    final String target;
    /** The pool's reference: the events that end result waits name it. */
    private final String poolRef;
    private final Object[] values;
    private final Failure[] failures;
    private final boolean[] done;
    private final List<Call> waiters = new ArrayList<>();
    private int remaining;
    private Failure firstFailure;
    private Failure cancelled;
    /** Told once when the job becomes ready (apply_async's callbacks), or null. */
    private Consumer<PoolJob> onReady;

    record Failure(String error, String message) {
    }

    PoolJob(String poolRef, long id, String target, int size) {
        this.poolRef = poolRef;
        this.id = id;
        this.target = target;
        this.values = new Object[size];
        this.failures = new Failure[size];
        this.done = new boolean[size];
        this.remaining = size;
    }

    void onReady(Consumer<PoolJob> action) {
        onReady = action;
    }

    /** The outcome a callback receives: {@code ok} and the values, or the first failure. */
    Map<String, Object> outcome() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", firstFailure == null);
        if (firstFailure == null) {
            m.put("value", Arrays.asList(values));
        } else {
            m.put("error", firstFailure.error);
            m.put("message", firstFailure.message);
        }
        return m;
    }

    int size() {
        return values.length;
    }

    void succeeded(int index, Object value) {
        if (!done[index]) {
            done[index] = true;
            values[index] = value;
            remaining--;
        }
        answerWaiters();
    }

    void failed(int index, String error, String message) {
        if (!done[index]) {
            done[index] = true;
            failures[index] = new Failure(error, message);
            if (firstFailure == null) {
                firstFailure = failures[index];
            }
            remaining--;
        }
        answerWaiters();
    }

    /** The pool was terminated first: waiting for the rest would never end, so waits fail. */
    void cancel(String message) {
        if (!ready()) {
            cancelled = new Failure("ValueError", message);
            answerWaiters();
        }
    }

    boolean ready() {
        return remaining == 0 || firstFailure != null;
    }

    boolean successful() {
        return remaining == 0 && firstFailure == null;
    }

    /**
     * Answers {@code call} (a "result" for the whole job or, with an index, one task; or a
     * "wait") if it can be answered now; returns whether it was.
     */
    boolean tryAnswer(Call call, String op, Integer index) {
        if (op.equals("wait")) {
            if (ready() || cancelled != null) {
                ended(call, null);
                call.reply(null);
                return true;
            }
            return false;
        }
        if (index != null) {
            if (index < 0 || index >= values.length) {
                throw new HubError("IndexError", "job " + id + " has no task " + index);
            }
            if (done[index]) {
                answer(call, failures[index], values[index]);
                return true;
            }
        } else if (ready()) {
            answer(call, firstFailure, Arrays.asList(values));
            return true;
        }
        if (cancelled != null) {
            ended(call, cancelled);
            call.fail(cancelled.error, cancelled.message);
            return true;
        }
        return false;
    }

    /** The one event that ends a result wait: {@code woke} (or at once), with the error it raises. */
    private void ended(Call call, Failure failure) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job", id);
        data.put("error", failure == null ? null : failure.error);
        call.end(EventKind.WOKE, poolRef, data);
    }

    private void answer(Call call, Failure failure, Object value) {
        ended(call, failure);
        if (failure != null) {
            call.fail(failure.error, failure.message);
        } else {
            call.reply(value);
        }
    }

    void park(Call call) {
        waiters.add(call);
    }

    void unpark(Call call) {
        waiters.remove(call);
    }

    private void answerWaiters() {
        if (onReady != null && ready()) {
            Consumer<PoolJob> action = onReady;
            onReady = null;
            action.accept(this);
        }
        for (Iterator<Call> it = waiters.iterator(); it.hasNext(); ) {
            Call call = it.next();
            if (call.answered() || !call.live()) {
                it.remove();
                continue;
            }
            String op = call.message().get("op") instanceof String s ? s : "result";
            Integer index = call.message().get("index") instanceof Long i ? Math.toIntExact(i) : null;
            if (tryAnswer(call, op, index)) {
                it.remove();
            }
        }
    }

    void dropDeadWaiters() {
        waiters.removeIf(c -> c.answered() || !c.live());
    }
}
