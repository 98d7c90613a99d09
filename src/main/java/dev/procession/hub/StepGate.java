package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.protocol.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Step mode: the user is the scheduler. While it is on, every request that is a step (see
 * {@link #isStep}) is held before the hub carries it out; its process stays blocked in its socket
 * read until the user lets it go. Hub thread only.
 *
 * <p>"Oldest" is the step that has waited through the most releases, ties going to the process
 * that appeared first in the log: an order that, unlike arrival order, does not depend on which
 * of two processes let go together reached the hub first, so a script of choices replays the same.
 */
final class StepGate {
    /** Calls on primitives that block, change shared state, or read shared data another process may change. */
    private static final Set<String> STEP_OPS = Set.of("acquire", "release", "wait", "set", "clear", "is_set",
            "notify", "notify_all", "abort", "reset", "put", "get", "join", "task_done", "send", "recv", "poll",
            "getitem", "setitem", "delitem", "getslice", "setslice", "append", "extend", "insert", "pop", "remove",
            "update", "setdefault", "submit", "result");
    /** Process-logged kinds that are steps: the tickets database's reads and writes, where the race lies. */
    private static final Set<String> STEP_LOGS = Set.of("file-read", "file-write");

    /** The choice that let a step go, as its {@code step} event says. */
    enum Choice {
        CHOSEN("chosen"), OLDEST("oldest"), FREE("free");

        final String wireName;

        Choice(String wireName) {
            this.wireName = wireName;
        }
    }

    /** A process's state (ProcInfo) while its call is held. */
    private static final String HELD = "held";

    private final Hub hub;
    private final Consumer<Call> carryOut;
    private final List<Held> held = new ArrayList<>();
    private boolean on;
    /** Steps let go so far: a held call's turn is the count when it arrived. */
    private long released;

    StepGate(Hub hub, Consumer<Call> carryOut) {
        this.hub = hub;
        this.carryOut = carryOut;
    }

    private record Held(Call call, String op, String obj, long turn) {
    }

    boolean on() {
        return on;
    }

    /** Turns step mode on or off; off lets every held call go, oldest first. */
    void set(boolean stepping) {
        if (stepping == on) {
            return;
        }
        on = stepping;
        hub.event(null, EventKind.STEP_MODE, null, Map.of("on", stepping));
        if (!stepping) {
            for (Held h : ordered()) {
                release(h, Choice.FREE);
            }
        }
    }

    /**
     * Holds {@code call} if step mode is on and it is a step, recording its {@code step-wait};
     * returns whether it did (the caller then leaves it for {@link #step}).
     */
    boolean hold(Call call) {
        if (!on || !isStep(call)) {
            return false;
        }
        Held h = new Held(call, opOf(call), objOf(call), released);
        held.add(h);
        call.proc.state = HELD;
        // Held is waiting: a child whose start stopped the scenario clock lets it run again.
        hub.startedUp(call.proc);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("op", h.op);
        data.put("turn", h.turn);
        if ("sleep".equals(h.op)) {
            data.put("seconds", call.message.get("seconds"));
        }
        call.event(EventKind.STEP_WAIT, h.obj, data);
        return true;
    }

    /** Lets the oldest held call of process {@code procId} go (any process when null); false if none is held. */
    boolean step(Long procId) {
        for (Held h : ordered()) {
            if (procId == null || h.call.proc.id == procId) {
                release(h, procId == null ? Choice.OLDEST : Choice.CHOSEN);
                return true;
            }
        }
        return false;
    }

    /** The held calls, oldest first. */
    List<HeldStep> pending() {
        return ordered().stream().map(h -> new HeldStep(h.call.proc.pid, h.call.proc.name, h.op, h.obj,
                h.call.line())).toList();
    }

    /** The process's connection closed or it exited: its held calls have nobody left to answer. */
    void drop(ProcRecord proc) {
        held.removeIf(h -> h.call.proc == proc);
    }

    private List<Held> ordered() {
        List<Held> all = new ArrayList<>(held);
        all.sort(Comparator.comparingLong(Held::turn).thenComparingInt(h -> h.call.proc.logOrder));
        return all;
    }

    private void release(Held h, Choice choice) {
        held.remove(h);
        released++;
        if (HELD.equals(h.call.proc.state)) {
            h.call.proc.state = "running";
        }
        if (!h.call.live()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("op", h.op);
        data.put("by", Hub.SUPERVISOR);
        data.put("choice", choice.wireName);
        h.call.event(EventKind.STEP, h.obj, data);
        carryOut.accept(h.call);
    }

    /**
     * A step: a request that can block or that touches shared state, plus sleep and the tickets
     * database's file reads and writes. Never a one-way message (nobody waits for its answer), nor a
     * call of Python's exit handling (it has no line to show), nor what starts, reports on or ends a
     * process (a run could not start), nor the machinery of managers and pools.
     */
    static boolean isStep(Call call) {
        Map<String, Object> m = call.message;
        if (call.id < 0 || Boolean.TRUE.equals(m.get(Call.AT_EXIT)) || !(m.get("op") instanceof String op)) {
            return false;
        }
        return switch (op) {
            case "sleep", "proc.join" -> true;
            case "log" -> STEP_LOGS.contains(String.valueOf(m.get("kind")));
            default -> m.containsKey("obj") && STEP_OPS.contains(op);
        };
    }

    private static String opOf(Call call) {
        String op = String.valueOf(call.message.get("op"));
        return "log".equals(op) ? String.valueOf(call.message.get("kind")) : op;
    }

    /** What its events will name: the primitive, or the child a join waits for. */
    private String objOf(Call call) {
        Map<String, Object> m = call.message;
        try {
            if ("proc.join".equals(m.get("op"))) {
                ProcRecord child = hub.table().find(Messages.integer(m, "proc"));
                return child == null ? null : child.name;
            }
            if (m.get("obj") instanceof Long id) {
                return hub.object(id).ref();
            }
        } catch (RuntimeException unknown) {
            // A bad request is held all the same; carried out, it fails with the reason.
        }
        return null;
    }
}
