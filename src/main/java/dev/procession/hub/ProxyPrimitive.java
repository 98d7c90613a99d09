package dev.procession.hub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A proxy of a manager's shared object (DictProxy, ListProxy, ValueProxy). It holds no data:
 * the referent lives in the manager's server process, and every operation is relayed there.
 */
final class ProxyPrimitive extends Primitive {
    private static final Map<String, Set<String>> OPS = Map.of(
            "DictProxy", Set.of("getitem", "setitem", "delitem", "get", "len", "contains", "keys", "values",
                    "items", "update", "pop", "clear", "copy", "setdefault"),
            "ListProxy", Set.of("getitem", "setitem", "delitem", "len", "contains", "append", "extend", "insert",
                    "pop", "remove", "index", "count", "copy"),
            "ValueProxy", Set.of("get", "set"));
    /** Operations that change the referent: logged as proxy-set; the others as proxy-get. */
    private static final Set<String> WRITES = Set.of("setitem", "delitem", "update", "pop", "clear", "setdefault",
            "append", "extend", "insert", "remove", "set");
    /** The argument fields an operation may carry to the server. */
    private static final List<String> ARGS = List.of("key", "index", "value", "items", "default");

    private final ManagerPrimitive manager;
    private long reads;
    private long writes;
    private String lastOp;

    ProxyPrimitive(ManagerPrimitive manager, long id, String type, String name) {
        super(id, type, name);
        this.manager = manager;
    }

    @Override
    public void handle(String op, Call call) {
        if (!OPS.get(type()).contains(op)) {
            throw unknownOp(type(), op);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (String field : ARGS) {
            if (call.message().containsKey(field)) {
                args.put(field, call.message().get(field));
            }
        }
        manager.forward(call, this, op, args);
    }

    static boolean isWrite(String op) {
        return WRITES.contains(op);
    }

    /** Counts an answered operation, for the inspector. */
    void count(String op) {
        lastOp = op;
        if (isWrite(op)) {
            writes++;
        } else {
            reads++;
        }
    }

    @Override
    protected void dropDeadWaiters() {
        // Pending calls are the manager's; it drops them.
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("manager", manager.ref());
        s.put("server", manager.serverPid());
        s.put("reads", reads);
        s.put("writes", writes);
        s.put("lastOp", lastOp);
        return s;
    }
}
