package dev.procession.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * multiprocessing.Manager(): a real server process (named SyncManager-N, a child of this one)
 * holds the shared objects in its own memory; this process gets proxies of them. Every proxy
 * operation travels proxy → hub → server → hub → proxy, so a read-modify-write such as
 * {@code d['n'] -= 1} is two operations and, without a lock, loses updates as in Python.
 *
 * <p>{@code with Manager() as m:} is {@code try (Manager m = mp.manager()) { ... }}.
 */
public final class Manager extends RemoteObject implements AutoCloseable {
    static final String SERVER_TARGET = "$manager";
    private final Process server;
    private boolean shutDown;

    private Manager(Mp mp, long id, Process server) {
        super(mp, id, "Manager");
        this.server = server;
    }

    static Manager start(Mp mp) {
        long id = mp.create("Manager", null, Map.of());
        Process server = new Process(mp, new Object[] {id}, SERVER_TARGET).prefix("SyncManager");
        server.start();
        Manager manager = new Manager(mp, id, server);
        mp.atExit(manager::shutdown);
        manager.call("ready", Map.of("server", server.procId()));
        return manager;
    }

    /** manager.dict() */
    public DictProxy dict() {
        return dict(Map.of());
    }

    /** manager.dict(initial) */
    public DictProxy dict(Map<?, ?> initial) {
        List<Object> pairs = new ArrayList<>();
        initial.forEach((k, v) -> pairs.add(Values.encode(Arrays.asList(k, v))));
        return (DictProxy) create("dict", pairs);
    }

    /** manager.list() */
    public ListProxy list() {
        return list(List.of());
    }

    /** manager.list(initial) */
    public ListProxy list(List<?> initial) {
        return (ListProxy) create("list", Values.encode(initial));
    }

    /** manager.Value(typecode, value): the typecode is not needed, values are plain. */
    public ValueProxy value(Object initial) {
        return (ValueProxy) create("value", Values.encode(initial));
    }

    private RemoteObject create(String kind, Object initial) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("initial", initial);
        Map<?, ?> reply = (Map<?, ?>) call("create", m);
        return RemoteObjects.bind(mp, (String) reply.get("type"), ((Number) reply.get("obj")).longValue());
    }

    /** The server process (SyncManager-N). */
    public Process process() {
        return server;
    }

    /**
     * manager.shutdown(): the server answers what it was asked before, then exits; later proxy
     * operations raise. Waits for the server as Python does, and terminates it if it lingers.
     */
    public void shutdown() {
        synchronized (this) {
            if (shutDown) {
                return;
            }
            shutDown = true;
        }
        call("shutdown");
        if (!server.join(1.0)) {
            server.terminate();
            server.join();
        }
    }

    /** The end of {@code with Manager() as m:}. */
    @Override
    public void close() {
        shutdown();
    }
}
