package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.protocol.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a shared Value and a shared Array (multiprocessing.sharedctypes) have in common: a C type,
 * and the lock that guards them, unless the program asked for none. The lock is a primitive of
 * its own (an RLock by default), so waiting for it shows as waiting for any lock. Every read and
 * every write is one call and one event, so {@code v.value += 1} is a read and then a write with
 * room for another process between them, as in Python.
 */
abstract class SharedCtypePrimitive extends Primitive {
    protected final CType ctype;
    /** Null when made with lock=False: Python's raw ctypes object has no get_lock. */
    private final Primitive lock;
    /** Whether the lock was made with it (Python's default RLock), so the hub registers it too. */
    private final boolean ownLock;

    protected SharedCtypePrimitive(long id, String type, String name, CType ctype, Hub hub, Map<String, Object> m) {
        super(id, type, name);
        this.ctype = ctype;
        this.ownLock = Boolean.TRUE.equals(m.get("lock"));
        this.lock = ownLock ? new LockPrimitive(hub, hub.nextObjectId(), name == null ? null : name + ".lock", true)
                : lock(hub, m);
    }

    static CType ctype(Map<String, Object> m) {
        return CType.of(m.get("typecode"));
    }

    /** The lock named by {@code lock} (an id), or null when absent or false; it must have acquire and release. */
    private static Primitive lock(Hub hub, Map<String, Object> m) {
        if (m.get("lock") == null || Boolean.FALSE.equals(m.get("lock"))) {
            return null;
        }
        Primitive p = hub.object(Messages.integer(m, "lock"));
        if (!(p instanceof LockPrimitive || p instanceof SemaphorePrimitive || p instanceof ConditionPrimitive)) {
            throw new HubError("AttributeError", "<" + p.ref() + "> has no method 'acquire'");
        }
        return p;
    }

    @Override
    public List<Primitive> companions() {
        return ownLock ? List.of(lock) : List.of();
    }

    /** How Python names the unlocked object in its messages: c_int, c_int_Array_3. */
    protected abstract String rawTypeName();

    /** The content in wire form: the value, or the list of items. */
    protected abstract Object content();

    /** Handles get_lock; false for any other op. */
    protected boolean lockOp(String op, Call call) {
        if (!op.equals("get_lock")) {
            return false;
        }
        if (lock == null) {
            throw new HubError("AttributeError", "'" + rawTypeName() + "' object has no attribute 'get_lock'");
        }
        call.reply(Map.of("obj", lock.id(), "type", lock.type()));
        return true;
    }

    protected void read(Call call, Map<String, Object> where, Object value) {
        logged(call, EventKind.READ, where, value);
        call.reply(value);
    }

    protected void written(Call call, Map<String, Object> where, Object value) {
        logged(call, EventKind.WRITE, where, value);
        call.reply(null);
    }

    private void logged(Call call, EventKind kind, Map<String, Object> where, Object value) {
        Map<String, Object> data = new LinkedHashMap<>(where);
        data.put("value", value);
        call.event(kind, ref(), data);
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("typecode", ctype.code);
        s.put("lock", lock == null ? null : lock.ref());
        s.put("value", content());
        return s;
    }

    @Override
    protected void dropDeadWaiters() {
        // Nobody waits on the object itself: waits are on its lock.
    }
}
