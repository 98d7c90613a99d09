package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.protocol.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One end of a multiprocessing.Pipe: what its peer sent and this end has not received yet, and
 * the processes waiting to receive. Each end is an object of its own, so it can be handed to a
 * child as an argument.
 *
 * <p>As with Python's file descriptors, an end is open in every process that holds a copy (the
 * one that made the pipe, the children it was passed to, the processes it reached in a queue or
 * pipe message) until that process closes it or exits. When no copy of an end is left, receiving
 * at its peer raises EOFError once the buffer is empty, and sending to it raises BrokenPipeError.
 */
final class ConnectionPrimitive extends Primitive {
    private static final int SHOWN = 20;

    private final Hub hub;
    private final boolean readable;
    private final boolean writable;
    private final Items inbox = new Items();
    private final WaitQueue receivers = new WaitQueue();
    private final WaitQueue pollers = new WaitQueue();
    private final Set<ProcRecord> holders = new LinkedHashSet<>();
    private final List<Primitive> companions = new ArrayList<>();
    private ConnectionPrimitive peer;
    /** Copies of this end inside messages not yet delivered; they keep it open, as in Python. */
    private int inTransit;
    private boolean gone;

    private ConnectionPrimitive(Hub hub, long id, String name, boolean readable, boolean writable) {
        super(id, "Connection", name);
        this.hub = hub;
        this.readable = readable;
        this.writable = writable;
    }

    /** Pipe(duplex): both ends, held by the process that made them; the second is a companion. */
    static ConnectionPrimitive pipe(Hub hub, long id, String name, Call call) {
        boolean duplex = Messages.optBoolean(call.message, "duplex", true);
        ConnectionPrimitive first = new ConnectionPrimitive(hub, id, endName(name, 0), true, duplex);
        ConnectionPrimitive second = new ConnectionPrimitive(hub, hub.nextObjectId(), endName(name, 1), duplex, true);
        first.peer = second;
        second.peer = first;
        first.holders.add(call.proc);
        second.holders.add(call.proc);
        first.companions.add(second);
        return first;
    }

    private static String endName(String name, int index) {
        return name == null ? null : name + "[" + index + "]";
    }

    @Override
    public List<Primitive> companions() {
        return companions;
    }

    @Override
    public void handle(String op, Call call) {
        switch (op) {
            case "send" -> send(call);
            case "recv" -> recv(call);
            case "poll" -> poll(call);
            case "close" -> close(call);
            case "info" -> {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("readable", readable);
                info.put("writable", writable);
                info.put("peer", peer.id());
                call.reply(info);
            }
            default -> throw unknownOp(type(), op);
        }
    }

    private void send(Call call) {
        use(call);
        if (!writable) {
            throw new HubError("OSError", "connection is read-only");
        }
        if (peer.gone) {
            throw new HubError("BrokenPipeError", "[Errno 32] Broken pipe: every copy of " + peer.name()
                    + " is closed");
        }
        Object item = call.message.get("item");
        peer.inbox.add(item);
        Handles.sent(hub, item);
        Map<String, Object> data = new LinkedHashMap<>(4);
        data.put("to", peer.ref());
        data.put("size", (long) peer.inbox.size());
        data.put("item", ItemRepr.of(item));
        call.event(EventKind.SEND, ref(), data);
        call.reply(null);
        peer.pump();
    }

    private void recv(Call call) {
        use(call);
        requireReadable();
        if (!inbox.isEmpty()) {
            deliver(call);
        } else if (peer.gone) {
            eof(call);
        } else {
            receivers.add(call);
            call.event(EventKind.RECV_WAIT, ref(), Map.of("receivers", (long) receivers.size()));
            // recv() has no timeout in Python; there is nothing to do if a timeout was sent anyway.
            call.block(ref(), () -> { });
        }
    }

    private void poll(Call call) {
        use(call);
        requireReadable();
        Double timeout = call.timeout();
        if (!inbox.isEmpty() || peer.gone) {
            if (call.mayWait()) {
                // poll(timeout) might have waited; poll() with no time to wait is only a look.
                call.end(EventKind.WOKE, ref(), Map.of("poll", true));
            }
            call.reply(true);
        } else if (timeout != null && timeout <= 0) {
            call.reply(false);
        } else {
            pollers.add(call);
            call.event(EventKind.RECV_WAIT, ref(), Map.of("poll", true, "receivers", (long) (receivers.size() + pollers.size())));
            call.block(ref(), () -> {
                pollers.remove(call);
                call.endTimedOut(ref(), Map.of("op", "poll"));
                call.reply(false);
            });
        }
    }

    private void close(Call call) {
        holders.remove(call.proc);
        call.event(EventKind.CLOSE, ref(), Map.of("open", (long) holders.size()));
        call.reply(null);
        checkGone();
    }

    /** The caller uses this end: it holds a copy, unless every copy is already closed. */
    private void use(Call call) {
        if (gone) {
            throw new HubError("OSError", "handle is closed");
        }
        holders.add(call.proc);
    }

    private void requireReadable() {
        if (!readable) {
            throw new HubError("OSError", "connection is write-only");
        }
    }

    /** Something arrived (or the peer is gone): wake the pollers, serve the receivers in order. */
    private void pump() {
        if (!inbox.isEmpty() || peer.gone) {
            Call poller;
            while ((poller = pollers.poll()) != null) {
                poller.end(EventKind.WOKE, ref(), Map.of("poll", true));
                poller.reply(true);
            }
        }
        Call next;
        while (!inbox.isEmpty() && (next = receivers.poll()) != null) {
            deliver(next);
        }
        if (peer.gone) {
            while ((next = receivers.poll()) != null) {
                eof(next);
            }
        }
    }

    private void deliver(Call call) {
        Object item = inbox.poll();
        Handles.delivered(hub, item, call.proc);
        Map<String, Object> data = new LinkedHashMap<>(4);
        data.put("size", (long) inbox.size());
        data.put("item", ItemRepr.of(item));
        call.end(EventKind.RECV, ref(), data);
        call.reply(item);
    }

    private void eof(Call call) {
        call.end(EventKind.EOF, ref(), Map.of("peer", peer.ref()));
        call.fail("EOFError", "");
    }

    void attach(ProcRecord proc) {
        if (!gone) {
            holders.add(proc);
        }
    }

    void transit(int delta) {
        inTransit += delta;
        if (delta < 0) {
            checkGone();
        }
    }

    /** When the last copy of this end closes, its peer sees the end of the stream. */
    private void checkGone() {
        if (!gone && holders.isEmpty() && inTransit <= 0) {
            gone = true;
            hub.event(null, EventKind.CLOSED, ref(), Map.of("peer", peer.ref()));
            peer.pump();
        }
    }

    @Override
    protected void processExited(long procId, long pid, String procName) {
        // An exiting process closes its copies, as the OS closes its file descriptors.
        if (holders.removeIf(p -> p.id == procId)) {
            checkGone();
        }
    }

    @Override
    protected void dropDeadWaiters() {
        receivers.dropDead();
        pollers.dropDead();
        // A process whose connection closed is gone, even if its exit is not reported yet.
        if (holders.removeIf(p -> p.connection != null && p.connection.closed)) {
            checkGone();
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("peer", peer.ref());
        s.put("readable", readable);
        s.put("writable", writable);
        s.put("size", (long) inbox.size());
        s.put("items", inbox.reprs(SHOWN));
        s.put("open", holders.stream().map(p -> p.pid).toList());
        s.put("closed", gone);
        s.put("receivers", receivers.pids());
        return s;
    }
}
