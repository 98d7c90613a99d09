package dev.procession.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * multiprocessing.Barrier: {@code parties} processes wait for each other. Python's
 * {@code wait} is {@link #await} (Java's Object owns wait, and CyclicBarrier says await).
 * When broken (abort, a timeout, a failed action), waits raise
 * {@link MpException.BrokenBarrierError} until {@link #reset}.
 */
public final class Barrier extends RemoteObject {
    Barrier(Mp mp, long id) {
        super(mp, id, "Barrier");
    }

    /** wait(): blocks until all parties arrived (or the barrier's own timeout passes); returns the arrival index. */
    public int await() {
        return await(null);
    }

    /** wait(timeout): timeout in scenario seconds, null for the barrier's default. */
    public int await(Double timeout) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (timeout != null) {
            m.put("timeout", Math.max(0.0, timeout));
        }
        Object reply = call("wait", m);
        if (reply instanceof Map<?, ?> runAction) {
            return runAction(runAction);
        }
        return ((Number) reply).intValue();
    }

    /** This process arrived last and the barrier has an action: run it, then let everyone go. */
    @SuppressWarnings("unchecked")
    private int runAction(Map<?, ?> reply) {
        Map<String, Object> action = (Map<String, Object>) reply.get("action");
        String target = (String) action.get("target");
        try {
            List<Object> args = (List<Object>) Values.decode(action.get("args"), mp);
            mp.targets().target(target).run(mp, new Args(args));
        } catch (RuntimeException | Error e) {
            actionFailed(e);
            throw e;
        } catch (Exception e) {
            actionFailed(e);
            throw new MpException("RuntimeError", "the barrier's action " + target + " failed: " + e);
        }
        return ((Number) call("action-done", Map.of("ok", true))).intValue();
    }

    /** As in Python, the others get BrokenBarrierError and this process the action's own error. */
    private void actionFailed(Throwable e) {
        call("action-done", Map.of("ok", false, "error", String.valueOf(e)));
    }

    /** abort(): breaks the barrier; current and later waits raise BrokenBarrierError. */
    public void abort() {
        call("abort");
    }

    /** reset(): current waiters get BrokenBarrierError; the barrier is whole and empty again. */
    public void reset() {
        call("reset");
    }

    public int parties() {
        return ((Number) call("parties")).intValue();
    }

    /** n_waiting */
    public int nWaiting() {
        return ((Number) call("n_waiting")).intValue();
    }

    public boolean broken() {
        return Boolean.TRUE.equals(call("broken"));
    }
}
