package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.protocol.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * multiprocessing.Barrier (threading.Barrier's semantics): {@code parties} processes wait until
 * the last one arrives, then all go on, each told its arrival index. An abort, a reset, a
 * timed-out wait or a failed action sends BrokenBarrierError to everyone waiting; after an abort
 * or a timeout it stays broken until reset.
 *
 * <p>The optional action is a target of the program: the hub hands it to the last process to
 * arrive, which runs it and reports back ({@code action-done}) before anyone is released.
 */
final class BarrierPrimitive extends Primitive {
    private static final String BROKEN = "BrokenBarrierError";

    private final Hub hub;
    private final long parties;
    private final Double defaultTimeout;
    /** {@code {"target": name, "args": [...]}}, or null when there is no action. */
    private final Map<String, Object> action;
    /** This generation's arrivals in order; a process that dies while waiting still counts, as in Python. */
    private List<Call> arrived = new ArrayList<>();
    private Generation running;
    private boolean broken;

    private BarrierPrimitive(Hub hub, long id, String name, long parties, Double timeout, Map<String, Object> action) {
        super(id, "Barrier", name);
        this.hub = hub;
        this.parties = parties;
        this.defaultTimeout = timeout;
        this.action = action;
    }

    static BarrierPrimitive create(Hub hub, long id, String name, Map<String, Object> m) {
        long parties = Messages.integer(m, "parties");
        if (parties < 1) {
            throw new HubError("ValueError", "parties must be > 0");
        }
        Map<String, Object> action = null;
        String target = Messages.optString(m, "action", null);
        if (target != null) {
            action = new LinkedHashMap<>();
            action.put("target", target);
            action.put("args", m.containsKey("actionArgs") ? Messages.list(m, "actionArgs") : List.of());
        }
        return new BarrierPrimitive(hub, id, name, parties, Messages.optSeconds(m, "timeout"), action);
    }

    @Override
    public void handle(String op, Call call) {
        switch (op) {
            case "wait" -> arrive(call);
            case "action-done" -> actionDone(call);
            case "abort" -> {
                call.event(EventKind.ABORT, ref(), Map.of());
                breakAll(call, "abort", true);
                call.reply(null);
            }
            case "reset" -> {
                call.event(EventKind.RESET, ref(), Map.of("wasBroken", broken));
                breakAll(call, "reset", false);
                call.reply(null);
            }
            case "parties" -> call.reply(parties);
            case "n_waiting" -> call.reply(nWaiting());
            case "broken" -> call.reply(broken);
            default -> throw unknownOp(type(), op);
        }
    }

    private void arrive(Call call) {
        if (broken) {
            throw new HubError(BROKEN, "the barrier is broken");
        }
        long index = arrived.size();
        arrived.add(call);
        if (arrived.size() < parties) {
            call.event(EventKind.WAIT, ref(), Map.of("index", index, "waiting", arrived.size(), "parties", parties));
            park(call);
            return;
        }
        List<Call> generation = arrived;
        arrived = new ArrayList<>();
        generation.removeLast();
        if (action == null) {
            pass(call, generation);
            return;
        }
        // The last to arrive runs the action; the others stay parked until it reports back.
        running = new Generation(call.proc, generation);
        call.end(EventKind.ACTION, ref(), Map.of("target", action.get("target"), "index", index));
        call.reply(Map.of("index", index, "action", action));
    }

    private void park(Call call) {
        call.block(ref(), () -> timedOut(call));
        if (call.timeout() == null && defaultTimeout != null) {
            hub.timers().schedule(defaultTimeout, () -> {
                if (!call.answered()) {
                    timedOut(call);
                }
            });
        }
    }

    private void timedOut(Call call) {
        if (!call.live()) {
            return;
        }
        call.endTimedOut(ref(), Map.of("op", "wait"));
        breakAll(call, "timeout", true);
    }

    /** Releases the waiters in arrival order; {@code last} (index parties-1) is answered by the caller's op. */
    private void pass(Call last, List<Call> waiting) {
        Map<String, Object> data = Map.of("parties", parties, "pids", waiting.stream().map(Call::pid).toList());
        // The last arrival's own wait ends here, at once; after an action its wait already ended.
        if (last.message().get("op").equals("wait")) {
            last.end(EventKind.PASS, ref(), data);
        } else {
            last.event(EventKind.PASS, ref(), data);
        }
        for (int i = 0; i < waiting.size(); i++) {
            Call c = waiting.get(i);
            if (c.live() && !c.answered()) {
                c.end(EventKind.WOKE, ref(), Map.of("index", (long) i));
                c.reply((long) i);
            }
        }
        last.reply(parties - 1);
    }

    private void actionDone(Call call) {
        Generation g = running;
        if (g == null || g.runner != call.proc) {
            throw new HubError("RuntimeError", "no action of " + ref() + " is running in this process");
        }
        running = null;
        if (g.cancelled) {
            throw new HubError(BROKEN, "the barrier was broken while its action ran");
        }
        if (!Messages.optBoolean(call.message(), "ok", false)) {
            // As in Python: a failing action breaks the barrier; its runner raises the action's error.
            running = g;
            breakAll(call, "action", true);
            running = null;
            call.reply(null);
            return;
        }
        pass(call, g.waiting);
    }

    /** Fails every waiter with BrokenBarrierError; an abort or a timeout leaves it broken, a reset mends it. */
    private void breakAll(Call cause, String reason, boolean leaveBroken) {
        List<Call> waiting = new ArrayList<>(arrived);
        arrived = new ArrayList<>();
        if (running != null) {
            waiting.addAll(running.waiting);
            running.cancelled = true;
        }
        List<Call> live = waiting.stream().filter(c -> c.live() && !c.answered()).toList();
        if (leaveBroken || !live.isEmpty()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reason", reason);
            data.put("waiters", live.stream().map(Call::pid).toList());
            if (cause != null) {
                cause.event(EventKind.BROKEN, ref(), data);
            } else {
                hub.event(null, EventKind.BROKEN, ref(), data);
            }
        }
        broken = leaveBroken;
        String text = switch (reason) {
            case "abort" -> "the barrier was aborted";
            case "reset" -> "the barrier was reset";
            case "timeout" -> "a wait at the barrier timed out";
            case "action" -> "the barrier's action failed";
            default -> "the barrier is broken (" + reason + ")";
        };
        for (Call c : live) {
            if (c != cause) {
                // Each waiter's wait ends, woken by the break (the timed-out one ended with its timeout).
                c.end(EventKind.WOKE, ref(), Map.of("error", BROKEN, "reason", reason));
            }
            c.fail(BROKEN, text);
        }
    }

    /** Processes inside wait(): during the action that is all the parties, as in Python. */
    private long nWaiting() {
        return arrived.size() + (running == null ? 0 : running.waiting.size() + 1);
    }

    @Override
    protected void dropDeadWaiters() {
        if (running != null && !running.runner.connected) {
            runnerLost();
        }
    }

    @Override
    protected void processExited(long procId, long pid, String procName) {
        if (running != null && running.runner.id == procId) {
            runnerLost();
        }
    }

    private void runnerLost() {
        breakAll(null, "action-runner-died", true);
        running = null;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("parties", parties);
        s.put("waiting", arrived.stream().map(Call::pid).toList());
        s.put("broken", broken);
        s.put("timeout", defaultTimeout);
        s.put("action", action == null ? null : action.get("target"));
        s.put("actionRunner", running == null ? null : running.runner.pid);
        return s;
    }

    /** A generation whose last arrival is running the action. */
    private static final class Generation {
        final ProcRecord runner;
        final List<Call> waiting;
        boolean cancelled;

        Generation(ProcRecord runner, List<Call> waiting) {
            this.runner = runner;
            this.waiting = waiting;
        }
    }
}
