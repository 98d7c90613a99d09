package dev.procession.hub;

import java.util.List;
import java.util.Map;

/** A synchronization object served by the hub. Every method runs on the hub thread. */
public abstract class Primitive {
    private final long id;
    private final String type;
    private final String name;
    /** Made once: every event of the object names it. */
    private final String ref;

    protected Primitive(long id, String type, String name) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.ref = type + "#" + id;
    }

    public long id() {
        return id;
    }

    public String type() {
        return type;
    }

    /** The name scenario code gave it ("e", "lock"), or its reference when it gave none. */
    public String name() {
        return name == null ? ref() : name;
    }

    /** How events name it: {@code Type#id}. */
    public String ref() {
        return ref;
    }

    /** Objects made together with this one (the second end of a pipe); the hub registers them too. */
    public List<Primitive> companions() {
        return List.of();
    }

    /** Handles one operation; throws {@link HubError} for an unknown op or a bad argument. */
    public abstract void handle(String op, Call call);

    /** Its state for the log and the inspector (values are JSON values). */
    public abstract Map<String, Object> state();

    /** Forgets the waits of callers whose connection closed. */
    protected abstract void dropDeadWaiters();

    /** Called when a process exits; a lock it held stays held, as in Python, and says so. */
    protected void processExited(long procId, long pid, String procName) {
    }

    protected static HubError unknownOp(String type, String op) {
        return new HubError("AttributeError", "'" + type + "' object has no operation '" + op + "'");
    }
}
