package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.protocol.Messages;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * multiprocessing.Queue and JoinableQueue: the items, the processes waiting to get (the queue
 * is empty) and to put (it is full), both served first come, first served.
 *
 * <p>Every change is an event with the queue's size after it and a short repr of the item, so
 * an animation can show the contents. Puts to an unbounded queue arrive as one-way messages
 * (Python's put never blocks there): they are handled in each process's order like the rest.
 * Its only getter may be handed items ahead of its gets (see {@link Prefetch}).
 */
final class QueuePrimitive extends Primitive {
    /** How many items {@link #state()} lists; the size says how many there are. */
    private static final int SHOWN = 20;

    private final Hub hub;
    private final long maxsize;
    private final boolean joinable;
    private final Items items = new Items();
    private final Prefetch prefetch = new Prefetch();
    private final WaitQueue getters = new WaitQueue();
    private final WaitQueue putters = new WaitQueue();
    private final WaitQueue joiners = new WaitQueue();
    /** Non-blocking gets that wait only for items handed ahead to come back. */
    private final Set<Call> nowaitGetters = new HashSet<>();
    private long unfinished;

    private QueuePrimitive(Hub hub, long id, String name, long maxsize, boolean joinable) {
        super(id, joinable ? "JoinableQueue" : "Queue", name);
        this.hub = hub;
        this.maxsize = maxsize;
        this.joinable = joinable;
    }

    static QueuePrimitive create(Hub hub, long id, String name, Map<String, Object> m, boolean joinable) {
        // As in Python, maxsize <= 0 means unbounded.
        return new QueuePrimitive(hub, id, name, Math.max(0, Messages.optInteger(m, "maxsize", 0)), joinable);
    }

    @Override
    public void handle(String op, Call call) {
        switch (op) {
            case "put" -> put(call);
            case "get" -> get(call);
            case "took" -> took(call);
            case "return" -> {
                if (call.proc != prefetch.getter()) {
                    throw new HubError("ValueError", call.proc.name + " was handed no items ahead");
                }
                prefetch.giveBack(items);
                pump();
            }
            case "qsize" -> call.reply((long) size());
            case "empty" -> call.reply(size() == 0);
            case "full" -> call.reply(full());
            case "maxsize" -> call.reply(maxsize);
            case "close" -> {
                call.event(EventKind.CLOSE, ref(), Map.of("size", (long) size()));
                call.reply(null);
            }
            case "task_done" -> {
                requireJoinable(op);
                taskDone(call);
            }
            case "join" -> {
                requireJoinable(op);
                join(call);
            }
            default -> throw unknownOp(type(), op);
        }
    }

    /** Items put and not yet got, counting those handed ahead to the getter. */
    private int size() {
        return items.size() + prefetch.size();
    }

    private boolean full() {
        return maxsize > 0 && size() >= maxsize;
    }

    private void put(Call call) {
        if (call.message.get("batch") instanceof List<?> batch) {
            // Puts gathered by the client, each handled as if it came alone.
            if (maxsize > 0) {
                throw new HubError("ProtocolError", "puts to a bounded queue cannot be batched");
            }
            for (Object item : batch) {
                accept(call, item);
                pump();
            }
            call.reply(null);
            return;
        }
        Object item = item(call);
        if (!full()) {
            accept(call, item);
            call.reply(null);
            pump();
            return;
        }
        if (!call.blocking()) {
            call.end(EventKind.TIMEOUT, ref(), withSize(call.failedAtOnce("put")));
            throw new HubError("Full", "");
        }
        putters.add(call);
        Map<String, Object> data = sized();
        data.put("item", ItemRepr.of(item));
        data.put("putters", (long) putters.size());
        call.event(EventKind.PUT_WAIT, ref(), data);
        call.block(ref(), () -> {
            putters.remove(call);
            timedOut(call, "put");
            call.fail("Full", "");
        });
    }

    private void get(Call call) {
        if (prefetch.noteGetter(call.proc)) {
            ProcRecord getter = prefetch.getter();
            getter.connection.send(Map.of("push", "revoke", "obj", id()));
        }
        // While items handed ahead are on their way back they come first: nothing newer may pass them.
        if (!items.isEmpty() && !prefetch.awaitingReturn()) {
            deliver(call);
            pump();
            return;
        }
        // get(False) never waits, as in Python (where empty() and qsize() are also only a hint).
        boolean wait = call.blocking();
        if (!wait) {
            call.end(EventKind.TIMEOUT, ref(), withSize(call.failedAtOnce("get")));
            throw new HubError("Empty", "");
        }
        getters.add(call);
        if (!call.blocking()) {
            nowaitGetters.add(call);
        }
        Map<String, Object> data = sized();
        data.put("getters", (long) getters.size());
        call.event(EventKind.GET_WAIT, ref(), data);
        call.block(ref(), () -> {
            getters.remove(call);
            timedOut(call, "get");
            call.fail("Empty", "");
        });
    }

    /** Serves waiting getters while there are items, and waiting putters while there is room. */
    private void pump() {
        while (true) {
            Call next;
            if (!items.isEmpty() && !prefetch.awaitingReturn() && (next = getters.poll()) != null) {
                nowaitGetters.remove(next);
                deliver(next);
            } else if (!full() && (next = putters.poll()) != null) {
                accept(next, item(next));
                next.reply(null);
            } else {
                break;
            }
        }
        if (!prefetch.awaitingReturn() && !nowaitGetters.isEmpty()) {
            // What was handed ahead came back and did not reach them: get(False) finds the queue empty.
            for (Call call : List.copyOf(nowaitGetters)) {
                getters.remove(call);
                call.fail("Empty", "");
            }
            nowaitGetters.clear();
        }
    }

    private void accept(Call call, Object item) {
        items.add(item);
        if (joinable) {
            unfinished++;
        }
        Handles.sent(hub, item);
        Map<String, Object> data = sized();
        data.put("item", ItemRepr.of(item));
        call.end(EventKind.PUT, ref(), data);
    }

    private void deliver(Call call) {
        Object item = items.poll();
        got(call, item);
        if (!call.message.containsKey("ahead")) {
            call.reply(item);
            return;
        }
        // The caller takes items ahead: its reply carries the item and, if it is the only getter,
        // more of the backlog, which stays counted in the queue until it says it took each one.
        Map<String, Object> reply = new LinkedHashMap<>(4);
        reply.put("item", item);
        if (maxsize == 0) {
            List<Object> more = prefetch.handOut(call.proc, item, items);
            if (!more.isEmpty()) {
                reply.put("more", more);
            }
        }
        call.reply(reply);
    }

    private void took(Call call) {
        int times = call.message.get("batch") instanceof List<?> batch ? batch.size() : 1;
        for (int i = 0; i < times; i++) {
            got(call, prefetch.took(call.proc));
        }
        call.reply(null);
    }

    private void got(Call call, Object item) {
        Handles.delivered(hub, item, call.proc);
        Map<String, Object> data = sized();
        data.put("item", ItemRepr.of(item));
        call.end(EventKind.GOT, ref(), data);
    }

    private void taskDone(Call call) {
        if (unfinished == 0) {
            throw new HubError("ValueError", "task_done() called too many times");
        }
        unfinished--;
        call.event(EventKind.TASK_DONE, ref(), Map.of("unfinished", unfinished));
        call.reply(null);
        if (unfinished == 0) {
            Call joiner;
            while ((joiner = joiners.poll()) != null) {
                joiner.end(EventKind.JOINED, ref(), Map.of("unfinished", 0L));
                joiner.reply(null);
            }
        }
    }

    private void join(Call call) {
        if (unfinished == 0) {
            call.end(EventKind.JOINED, ref(), Map.of("unfinished", 0L));
            call.reply(null);
            return;
        }
        joiners.add(call);
        call.event(EventKind.JOIN_WAIT, ref(), Map.of("unfinished", unfinished));
        call.block(ref(), () -> {
            // JoinableQueue.join has no timeout; a timeout field is refused, not honoured.
        });
    }

    private void requireJoinable(String op) {
        if (!joinable) {
            throw unknownOp(type(), op);
        }
    }

    private void timedOut(Call call, String op) {
        Map<String, Object> data = sized();
        data.put("op", op);
        call.endTimedOut(ref(), data);
    }

    private Map<String, Object> withSize(Map<String, Object> data) {
        data.put("size", (long) size());
        return data;
    }

    private Map<String, Object> sized() {
        Map<String, Object> data = new LinkedHashMap<>(4);
        data.put("size", (long) size());
        return data;
    }

    private static Object item(Call call) {
        if (!call.message.containsKey("item")) {
            throw new HubError("ProtocolError", "field 'item' is missing");
        }
        return call.message.get("item");
    }

    @Override
    protected void dropDeadWaiters() {
        getters.dropDead();
        putters.dropDead();
        joiners.dropDead();
        nowaitGetters.removeIf(c -> !c.live());
        ProcRecord getter = prefetch.getter();
        if (prefetch.size() > 0 && getter.connection != null && getter.connection.closed) {
            // The getter is gone with items it never took: they are still the queue's.
            prefetch.giveBack(items);
            pump();
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("size", (long) size());
        s.put("maxsize", maxsize);
        List<String> shown = new java.util.ArrayList<>(prefetch.reprs(SHOWN));
        shown.addAll(items.reprs(SHOWN - shown.size()));
        s.put("items", shown);
        if (prefetch.size() > 0) {
            s.put("ahead", (long) prefetch.size());
            s.put("aheadAt", prefetch.getter().pid);
        }
        s.put("getters", getters.pids());
        s.put("putters", putters.pids());
        if (joinable) {
            s.put("unfinished", unfinished);
            s.put("joiners", joiners.pids());
        }
        return s;
    }
}
