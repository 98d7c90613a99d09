package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.events.Outcome;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lock and RLock. A Lock may be released by any process (as in Python); an RLock only by its
 * owner, and it counts recursive acquires. Waiters are served in arrival order.
 */
final class LockPrimitive extends Primitive implements ForceReleasable {
    private final Hub hub;
    private final boolean recursive;
    private final WaitQueue waiters = new WaitQueue();
    /** Waiters coming back from a Condition's wait: the count to restore and what wait returns. */
    private final Map<Call, Regrant> regrants = new IdentityHashMap<>();
    private ProcRecord holder;
    private int count;
    private boolean holderDead;

    LockPrimitive(Hub hub, long id, String name, boolean recursive) {
        super(id, recursive ? "RLock" : "Lock", name);
        this.hub = hub;
        this.recursive = recursive;
    }

    @Override
    public void handle(String op, Call call) {
        switch (op) {
            case "acquire" -> acquire(call);
            case "release" -> release(call);
            case "locked" -> call.reply(holder != null);
            case "owned" -> call.reply(holder == call.proc);
            default -> throw unknownOp(type(), op);
        }
    }

    private void acquire(Call call) {
        if (holder == null) {
            grant(call);
            return;
        }
        if (recursive && holder == call.proc) {
            count++;
            call.end(EventKind.ACQUIRED, ref(), Map.of("count", count));
            call.reply(true);
            return;
        }
        if (!call.mayWait()) {
            call.end(EventKind.TIMEOUT, ref(), call.failedAtOnce("acquire"));
            call.reply(false);
            return;
        }
        waiters.add(call);
        call.event(EventKind.ACQUIRE_WAIT, ref(), Map.of("holder", holder.pid, "waiters", waiters.size()));
        call.block(ref(), () -> {
            waiters.remove(call);
            call.endTimedOut(ref(), Map.of("op", "acquire"));
            call.reply(false);
        });
        hub.lockWaited(call.proc);
    }

    private void grant(Call call) {
        Regrant regrant = regrants.remove(call);
        holder = call.proc;
        holderDead = false;
        count = regrant == null ? 1 : regrant.count;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("waiters", waiters.size());
        if (regrant != null) {
            data.put("count", count);
            data.put("for", regrant.condition);
        }
        // A Condition's wait ends here, when it holds the lock again: woke if notified, else timeout.
        Outcome outcome = regrant == null ? (call.waited() ? Outcome.WOKE : Outcome.AT_ONCE)
                : regrant.result ? Outcome.WOKE : Outcome.TIMEOUT;
        call.end(EventKind.ACQUIRED, ref(), data, outcome);
        call.reply(regrant == null ? Boolean.TRUE : regrant.result);
    }

    // ---- for Condition (same package): wait releases every level, then takes them all back

    /** Who holds it, or null; the hub follows holders to find a cycle of waits. */
    ProcRecord holder() {
        return holder;
    }

    /** Whether {@code proc} holds it; a Condition's wait and notify require that. */
    boolean heldBy(ProcRecord proc) {
        return holder == proc;
    }

    /** Releases it entirely for the caller's Condition wait; returns the recursion count to restore. */
    int releaseAll(Call call, String condition) {
        int saved = count;
        holder = null;
        count = 0;
        call.event(EventKind.RELEASED, ref(), Map.of("count", 0, "for", condition));
        handOn();
        return saved;
    }

    /**
     * Takes it back for a process leaving a Condition's wait, in line behind earlier waiters;
     * once it has it, the recursion count is {@code saved} again and wait returns {@code result}.
     */
    void reacquire(Call call, int saved, boolean result, String condition) {
        regrants.put(call, new Regrant(saved, result, condition));
        if (holder == null) {
            grant(call);
            return;
        }
        waiters.add(call);
        call.event(EventKind.ACQUIRE_WAIT, ref(), Map.of("holder", holder.pid, "waiters", waiters.size(), "for", condition));
        // No timeout here: a Condition's wait timeout ends the wait, not the re-acquire.
        call.hub().blocked(call, ref());
        hub.lockWaited(call.proc);
    }

    private record Regrant(int count, boolean result, String condition) {
    }

    private void release(Call call) {
        if (holder == null) {
            throw new HubError(recursive ? "AssertionError" : "ValueError",
                    recursive ? "attempt to release recursive lock not owned by thread"
                              : "semaphore or lock released too many times");
        }
        if (recursive && holder != call.proc) {
            throw new HubError("AssertionError", "attempt to release recursive lock not owned by thread");
        }
        if (recursive && --count > 0) {
            call.event(EventKind.RELEASED, ref(), Map.of("count", count));
            call.reply(null);
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (holder != call.proc) {
            data.put("holder", holder.pid);
        }
        holder = null;
        call.event(EventKind.RELEASED, ref(), data);
        call.reply(null);
        handOn();
    }

    private void handOn() {
        Call next = waiters.poll();
        if (next != null) {
            grant(next);
        }
    }

    @Override
    public void forceRelease() {
        if (holder == null) {
            throw new IllegalArgumentException(ref() + " is not held");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("holder", holder.pid);
        data.put("holderAlive", !holder.exited);
        data.put("by", Hub.SUPERVISOR);
        hub.event(null, EventKind.FORCE_RELEASE, ref(), data);
        holder = null;
        handOn();
    }

    @Override
    protected void processExited(long procId, long pid, String procName) {
        if (holder != null && holder.id == procId && !holderDead) {
            holderDead = true;
            hub.event(holder, EventKind.ABANDONED, ref(), Map.of("holder", pid,
                    "note", "held by a dead process; it stays held, as in Python, until force-released"));
        }
    }

    @Override
    protected void dropDeadWaiters() {
        waiters.dropDead();
        regrants.keySet().removeIf(c -> !c.live());
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("locked", holder != null);
        s.put("holder", holder == null ? null : holder.pid);
        s.put("holderDead", holder != null && holderDead);
        if (recursive) {
            s.put("count", holder == null ? 0 : count);
        }
        s.put("waiters", waiters.pids());
        return s;
    }
}
