package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.protocol.Messages;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * multiprocessing.Condition: a Lock or RLock, and the processes waiting to be notified. A wait
 * releases the lock entirely; a waiter that is notified (or times out) lines up for the lock
 * again, and its wait returns only once it holds it, with its RLock recursion count restored.
 */
final class ConditionPrimitive extends Primitive {
    private final LockPrimitive lock;
    private final WaitQueue waiters = new WaitQueue();
    /** The recursion count each waiter gave up, to restore when it takes the lock back. */
    private final Map<Call, Integer> saved = new IdentityHashMap<>();

    private ConditionPrimitive(long id, String name, LockPrimitive lock) {
        super(id, "Condition", name);
        this.lock = lock;
    }

    /** The lock is made by the caller first (an RLock when the program gave none) and named by id. */
    static ConditionPrimitive create(Hub hub, long id, String name, Map<String, Object> m) {
        Primitive p = hub.object(Messages.integer(m, "lock"));
        if (!(p instanceof LockPrimitive lock)) {
            throw new HubError("TypeError", "a Condition needs a Lock or an RLock, not a " + p.type());
        }
        return new ConditionPrimitive(id, name, lock);
    }

    @Override
    public void handle(String op, Call call) {
        switch (op) {
            // acquire and release are the lock's own: its events name the lock.
            case "acquire", "release" -> lock.handle(op, call);
            case "wait" -> waitFor(call);
            case "notify" -> notify(call, Messages.optInteger(call.message(), "n", 1));
            case "notify_all" -> notify(call, Long.MAX_VALUE);
            default -> throw unknownOp(type(), op);
        }
    }

    private void waitFor(Call call) {
        if (!lock.heldBy(call.proc)) {
            throw new HubError("AssertionError", "must acquire() condition before using wait()");
        }
        waiters.add(call);
        call.event(EventKind.WAIT, ref(), Map.of("lock", lock.ref(), "waiters", waiters.size()));
        saved.put(call, lock.releaseAll(call, ref()));
        // The wait ends with the lock's `acquired` (for this condition), which carries the outcome.
        call.block(ref(), () -> {
            // Not after a notify: a notified waiter's wait is over; it only queues for the lock.
            if (!call.live() || !saved.containsKey(call)) {
                return;
            }
            waiters.remove(call);
            call.event(EventKind.TIMEOUT, ref(), Map.of("op", "wait"));
            lock.reacquire(call, saved.remove(call), false, ref());
        });
    }

    private void notify(Call call, long n) {
        if (!lock.heldBy(call.proc)) {
            throw new HubError("AssertionError", "lock is not owned");
        }
        List<Call> woken = new ArrayList<>();
        Call next;
        while (woken.size() < n && (next = waiters.poll()) != null) {
            woken.add(next);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("n", n == Long.MAX_VALUE ? "all" : n);
        data.put("woken", woken.stream().map(Call::pid).toList());
        call.event(EventKind.NOTIFY, ref(), data);
        call.reply(null);
        // The notifier holds the lock, so each woken waiter now queues for it, in order.
        for (Call w : woken) {
            w.event(EventKind.WOKE, ref(), Map.of());
            lock.reacquire(w, saved.remove(w), true, ref());
        }
    }

    @Override
    protected void dropDeadWaiters() {
        waiters.dropDead();
        saved.keySet().removeIf(c -> !c.live());
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("lock", lock.ref());
        s.put("waiters", waiters.pids());
        return s;
    }
}
