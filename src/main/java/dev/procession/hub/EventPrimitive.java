package dev.procession.hub;

import dev.procession.events.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** multiprocessing.Event: a flag, and the processes waiting for it to be set. */
final class EventPrimitive extends Primitive {
    private final WaitQueue waiters = new WaitQueue();
    private boolean flag;

    EventPrimitive(Hub hub, long id, String name) {
        super(id, "Event", name);
    }

    @Override
    public void handle(String op, Call call) {
        switch (op) {
            case "is_set" -> {
                // A look at the flag: the moment a car sees the light, worth showing.
                call.event(EventKind.CHECK, ref(), Map.of("set", flag));
                call.reply(flag);
            }
            case "set" -> set(call);
            case "clear" -> {
                flag = false;
                call.event(EventKind.CLEAR, ref(), Map.of());
                call.reply(null);
            }
            case "wait" -> waitFor(call);
            default -> throw unknownOp(type(), op);
        }
    }

    private void set(Call call) {
        flag = true;
        List<Call> woken = new ArrayList<>();
        Call next;
        while ((next = waiters.poll()) != null) {
            woken.add(next);
        }
        call.event(EventKind.SET, ref(), Map.of("woken", woken.stream().map(Call::pid).toList()));
        call.reply(null);
        for (Call w : woken) {
            w.end(EventKind.WOKE, ref(), Map.of());
            w.reply(true);
        }
    }

    private void waitFor(Call call) {
        if (flag) {
            // Worth showing: the car saw the green light and drove on without stopping.
            call.end(EventKind.WOKE, ref(), Map.of());
            call.reply(true);
            return;
        }
        waiters.add(call);
        call.event(EventKind.WAIT, ref(), Map.of("waiters", waiters.size()));
        call.block(ref(), () -> {
            waiters.remove(call);
            call.endTimedOut(ref(), Map.of("op", "wait"));
            call.reply(false);
        });
    }

    @Override
    protected void dropDeadWaiters() {
        waiters.dropDead();
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("set", flag);
        s.put("waiters", waiters.pids());
        return s;
    }
}
