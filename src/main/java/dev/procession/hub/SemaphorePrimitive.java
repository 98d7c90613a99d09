package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.protocol.Messages;
import java.util.LinkedHashMap;
import java.util.Map;

/** Semaphore and BoundedSemaphore: a counter, and the processes waiting for it to rise. */
final class SemaphorePrimitive extends Primitive implements ForceReleasable {
    private final Hub hub;
    private final long initial;
    private final boolean bounded;
    private final WaitQueue waiters = new WaitQueue();
    /** Holders by process id, with how many units each took: the KTV room's seats. */
    private final Map<ProcRecord, Integer> holders = new LinkedHashMap<>();
    private long value;

    private SemaphorePrimitive(Hub hub, long id, String name, long value, boolean bounded) {
        super(id, bounded ? "BoundedSemaphore" : "Semaphore", name);
        this.hub = hub;
        this.initial = value;
        this.value = value;
        this.bounded = bounded;
    }

    static SemaphorePrimitive create(Hub hub, long id, String name, Map<String, Object> m, boolean bounded) {
        long value = Messages.optInteger(m, "value", 1);
        if (value < 0) {
            throw new HubError("ValueError", "semaphore initial value must be >= 0");
        }
        return new SemaphorePrimitive(hub, id, name, value, bounded);
    }

    @Override
    public void handle(String op, Call call) {
        switch (op) {
            case "acquire" -> acquire(call);
            case "release" -> release(call);
            case "value" -> call.reply(value);
            default -> throw unknownOp(type(), op);
        }
    }

    private void acquire(Call call) {
        if (value > 0 && waiters.isEmpty()) {
            take(call);
            return;
        }
        if (!call.mayWait()) {
            call.end(EventKind.TIMEOUT, ref(), call.failedAtOnce("acquire"));
            call.reply(false);
            return;
        }
        waiters.add(call);
        call.event(EventKind.ACQUIRE_WAIT, ref(), Map.of("value", value, "waiters", waiters.size()));
        call.block(ref(), () -> {
            waiters.remove(call);
            call.endTimedOut(ref(), Map.of("op", "acquire"));
            call.reply(false);
        });
    }

    private void take(Call call) {
        value--;
        holders.merge(call.proc, 1, Integer::sum);
        call.end(EventKind.ACQUIRED, ref(), Map.of("value", value));
        call.reply(true);
    }

    private void release(Call call) {
        if (bounded && value >= initial) {
            throw new HubError("ValueError", "semaphore or lock released too many times");
        }
        value++;
        holders.computeIfPresent(call.proc, (p, n) -> n > 1 ? n - 1 : null);
        call.event(EventKind.RELEASED, ref(), Map.of("value", value));
        call.reply(null);
        wake();
    }

    private void wake() {
        while (value > 0) {
            Call next = waiters.poll();
            if (next == null) {
                return;
            }
            take(next);
        }
    }

    @Override
    public void forceRelease() {
        ProcRecord dead = holders.keySet().stream().filter(p -> p.exited).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ref() + " has no unit held by a dead process"));
        if (bounded && value >= initial) {
            throw new IllegalArgumentException(ref() + " is already at its bound " + initial);
        }
        holders.computeIfPresent(dead, (p, n) -> n > 1 ? n - 1 : null);
        value++;
        hub.event(null, EventKind.FORCE_RELEASE, ref(), Map.of("holder", dead.pid, "value", value,
                "by", Hub.SUPERVISOR));
        wake();
    }

    @Override
    protected void processExited(long procId, long pid, String procName) {
        holders.keySet().stream().filter(p -> p.id == procId).findFirst().ifPresent(p ->
                hub.event(p, EventKind.ABANDONED, ref(), Map.of("holder", pid, "units", holders.get(p),
                        "note", "a dead process keeps what it acquired, as in Python, until force-released")));
    }

    @Override
    protected void dropDeadWaiters() {
        waiters.dropDead();
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("value", value);
        s.put("initial", initial);
        s.put("holders", holders.keySet().stream().map(p -> p.pid).toList());
        s.put("waiters", waiters.pids());
        return s;
    }
}
