package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.protocol.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub's side of a multiprocessing Manager. The shared objects live in a real server process
 * (the "$manager" target); the hub only relays: a proxy operation is pushed to the server's
 * connection, and the server's answer goes back to the waiting caller. Requests reach the
 * server in the order the hub received them, which is why {@code d['n'] -= 1} (a get, then a
 * set) from several processes loses updates, as it does in Python.
 *
 * <p>Wire ops: from the owner {@code ready {server}}, {@code create {kind, initial}} and
 * {@code shutdown}; from the server {@code serve} and {@code answer {req, ok, value | error,
 * message}}; to the server pushes {@code {push: "manager", req, ref, op, ...args}} and
 * {@code {push: "manager", op: "shutdown"}}.
 */
final class ManagerPrimitive extends Primitive {
    private final Hub hub;
    private final long ownerId;
    private final WaitQueue readyWaiters = new WaitQueue();
    private final Map<Long, Request> pending = new LinkedHashMap<>();
    private final List<Request> early = new ArrayList<>();
    private long serverProcId = -1;
    private ProcRecord server;
    private Connection serverConnection;
    private State state = State.STARTING;
    private boolean serverEnded;
    private long nextRequest = 1;

    private enum State { STARTING, SERVING, SHUT_DOWN, DEAD }

    /** One relayed operation: who asked, on which proxy, and what to do with the answer. */
    private record Request(long number, Call call, ProxyPrimitive proxy, String op, Map<String, Object> args) {
    }

    ManagerPrimitive(Hub hub, long id, String name, long ownerId) {
        super(id, "Manager", name);
        this.hub = hub;
        this.ownerId = ownerId;
    }

    @Override
    public void handle(String op, Call call) {
        switch (op) {
            case "ready" -> ready(call);
            case "serve" -> serve(call);
            case "answer" -> answer(call);
            case "create" -> create(call);
            case "shutdown" -> shutdown(call);
            default -> throw unknownOp(type(), op);
        }
    }

    /** The owner waits until its server process has said it serves (Python's manager.start()). */
    private void ready(Call call) {
        long procId = Messages.integer(call.message(), "server");
        ProcRecord p = hub.table().find(procId);
        if (p == null || p.parentId != call.procId()) {
            throw new HubError("ValueError", "process " + procId + " is not a child of " + call.procName());
        }
        serverProcId = procId;
        switch (state) {
            case SERVING -> {
                call.end(EventKind.WOKE, ref(), Map.of("op", "ready"));
                call.reply(null);
            }
            case STARTING -> {
                if (p.exited) {
                    serverGone("it exited before it served");
                    throw new HubError("EOFError", "the manager's server " + p.name + " exited before it started");
                }
                readyWaiters.add(call);
                // manager.start() waits for its server process to serve.
                call.event(EventKind.WAIT, ref(), Map.of("op", "ready"));
                call.block(ref(), () -> { });
            }
            default -> throw notServing();
        }
    }

    private void serve(Call call) {
        if (state != State.STARTING) {
            throw new HubError("ValueError", ref() + " already has a server");
        }
        if (call.proc.parentId != ownerId || serverProcId >= 0 && call.procId() != serverProcId) {
            throw new HubError("PermissionError", call.procName() + " is not the server the manager's owner started");
        }
        server = call.proc;
        serverProcId = server.id;
        serverConnection = call.connection;
        state = State.SERVING;
        // From now on it waits for requests, as a blocked process would.
        hub.startedUp(server);
        call.event(EventKind.SERVE, ref(), Map.of());
        call.reply(null);
        Call waiter;
        while ((waiter = readyWaiters.poll()) != null) {
            waiter.end(EventKind.WOKE, ref(), Map.of("op", "ready"));
            waiter.reply(null);
        }
        early.forEach(this::push);
        early.clear();
    }

    private void create(Call call) {
        String kind = Messages.string(call.message(), "kind");
        String proxyType = switch (kind) {
            case "dict" -> "DictProxy";
            case "list" -> "ListProxy";
            case "value" -> "ValueProxy";
            default -> throw new HubError("ValueError", "a manager makes dict, list or value, not '" + kind + "'");
        };
        ProxyPrimitive proxy = new ProxyPrimitive(this, hub.nextObjectId(), proxyType,
                Messages.optString(call.message(), "name", null));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("kind", kind);
        args.put("initial", call.message().get("initial"));
        forward(call, proxy, "create", args);
    }

    private void shutdown(Call call) {
        if (state == State.SERVING || state == State.STARTING) {
            endServer("shutdown by " + call.procName());
        }
        call.reply(null);
    }

    /** Relays {@code op} on {@code proxy} to the server; the caller waits for the answer. */
    void forward(Call call, ProxyPrimitive proxy, String op, Map<String, Object> args) {
        if (state == State.SHUT_DOWN || state == State.DEAD) {
            throw notServing();
        }
        Request request = new Request(nextRequest++, call, proxy, op, args);
        pending.put(request.number, request);
        // The caller waits for another process, the server: shown as blocked on the proxy until it answers.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("op", op);
        data.put("server", server == null ? null : server.pid);
        call.event(EventKind.PROXY_WAIT, proxy.ref(), data);
        call.block(proxy.ref(), () -> { });
        if (state == State.SERVING) {
            push(request);
        } else {
            early.add(request);
        }
    }

    private void push(Request request) {
        Map<String, Object> m = new LinkedHashMap<>(request.args);
        m.put("push", "manager");
        m.put("req", request.number);
        m.put("ref", request.proxy.id());
        m.put("op", request.op);
        serverConnection.send(m);
    }

    private void answer(Call call) {
        if (call.proc != server) {
            throw new HubError("PermissionError", "only the manager's server may answer its requests");
        }
        Map<String, Object> m = call.message();
        Request request = pending.remove(Messages.integer(m, "req"));
        call.reply(null);
        if (request == null || request.call.answered()) {
            return;
        }
        if (!Messages.optBoolean(m, "ok", false)) {
            String error = Messages.optString(m, "error", "RemoteError");
            String message = Messages.optString(m, "message", "");
            request.call.end(EventKind.PROXY_ERROR, request.proxy.ref(), eventData(request, Map.of("error", error,
                    "message", message)));
            request.call.fail(error, message);
            return;
        }
        Object value = m.get("value");
        if (request.op.equals("create")) {
            hub.register(request.proxy);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("type", request.proxy.type());
            data.put("name", request.proxy.name());
            data.put("state", request.proxy.state());
            data.put("value", request.args.get("initial"));
            request.call.end(EventKind.NEW, request.proxy.ref(), data);
            request.call.reply(Map.of("obj", request.proxy.id(), "type", request.proxy.type()));
            return;
        }
        request.proxy.count(request.op);
        Map<String, Object> extra = new LinkedHashMap<>();
        if (value != null && !request.args.containsKey("value")) {
            extra.put("value", value);
        }
        EventKind kind = ProxyPrimitive.isWrite(request.op) ? EventKind.PROXY_SET : EventKind.PROXY_GET;
        request.call.end(kind, request.proxy.ref(), eventData(request, extra));
        request.call.reply(value);
    }

    private static Map<String, Object> eventData(Request request, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("op", request.op);
        data.putAll(request.args);
        data.putAll(extra);
        return data;
    }

    /** Tells the server to stop; requests already pushed are answered first (it serves in order). */
    private void endServer(String why) {
        if (state == State.SERVING) {
            serverConnection.send(Map.of("push", "manager", "op", "shutdown"));
        }
        state = State.SHUT_DOWN;
        hub.event(null, EventKind.SHUTDOWN, ref(), Map.of("why", why));
        failAll(early, "FileNotFoundError", "the manager was shut down before its server started");
        early.clear();
        Call waiter;
        while ((waiter = readyWaiters.poll()) != null) {
            waiter.end(EventKind.WOKE, ref(), Map.of("op", "ready", "error", "EOFError"));
            waiter.fail("EOFError", "the manager was shut down before its server started");
        }
    }

    /** The server process is gone: every pending proxy call fails, as Python's would. */
    private void serverGone(String why) {
        if (serverEnded) {
            return;
        }
        serverEnded = true;
        if (state != State.SHUT_DOWN) {
            state = State.DEAD;
            hub.event(server, EventKind.SERVER_LOST, ref(), Map.of("why", why, "pending", pending.size()));
        }
        String message = "[Errno 32] Broken pipe: the manager's server process " + why;
        failAll(new ArrayList<>(pending.values()), "BrokenPipeError", message);
        pending.clear();
        failAll(early, "BrokenPipeError", message);
        early.clear();
        Call waiter;
        while ((waiter = readyWaiters.poll()) != null) {
            waiter.end(EventKind.WOKE, ref(), Map.of("op", "ready", "error", "EOFError"));
            waiter.fail("EOFError", "the manager's server process " + why);
        }
    }

    private static void failAll(List<Request> requests, String error, String message) {
        for (Request r : requests) {
            r.call.end(EventKind.PROXY_ERROR, r.proxy.ref(), eventData(r, Map.of("error", error, "message", message)));
            r.call.fail(error, message);
        }
    }

    private HubError notServing() {
        return state == State.DEAD
                ? new HubError("BrokenPipeError", "[Errno 32] Broken pipe: the manager's server process has died")
                : new HubError("FileNotFoundError", "[Errno 2] No such file or directory: the manager was shut down");
    }

    @Override
    protected void dropDeadWaiters() {
        readyWaiters.dropDead();
        if (serverConnection != null && serverConnection.closed && !serverEnded) {
            serverGone("closed its connection");
        }
    }

    @Override
    protected void processExited(long procId, long pid, String procName) {
        if (procId == serverProcId) {
            serverGone("exited");
        } else if (procId == ownerId && (state == State.SERVING || state == State.STARTING)) {
            // Python's server goes with its manager object; ours goes with the owning process.
            endServer("its owner " + procName + " exited");
        }
    }

    String serverName() {
        return server == null ? null : server.name;
    }

    long serverPid() {
        return server == null ? 0 : server.pid;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("state", state.name().toLowerCase().replace('_', '-'));
        s.put("server", serverPid());
        s.put("pending", pending.size() + early.size());
        return s;
    }
}
