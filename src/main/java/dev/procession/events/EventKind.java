package dev.procession.events;

import java.util.HashMap;
import java.util.Map;

/**
 * Every kind of event the log can hold, by its wire name (docs/event-log.md is the contract).
 * A kind is a type so that the compiler, not a reader, finds every place that makes or reads one.
 */
public enum EventKind {
    // the run
    RUN("run"), SPEED("speed"), CLOCK("clock"), REFUSED("refused"), HUB_ERROR("hub-error"), STOPPED("stopped"), SAMPLE("sample"),
    NOTE("note"),
    // processes
    SPAWN("spawn"), START("start"), EXIT("exit"), SIGNAL("signal"), DAEMON("daemon"), JOIN("join"),
    JOIN_END("join-end"), ORPHAN("orphan"), DISCONNECT("disconnect"), PRINT("print"), ERROR("error"),
    SLEEP("sleep"), SLEEP_END("sleep-end"), FILE_READ("file-read"), FILE_WRITE("file-write"),
    // primitives
    NEW("new"), ACQUIRE_WAIT("acquire-wait"), ACQUIRED("acquired"), RELEASED("released"), TIMEOUT("timeout"),
    CHECK("check"), SET("set"), CLEAR("clear"), WAIT("wait"), WOKE("woke"), ABANDONED("abandoned"),
    FORCE_RELEASE("force-release"), NOTIFY("notify"), PASS("pass"), ACTION("action"), ABORT("abort"),
    RESET("reset"), BROKEN("broken"),
    // queues and pipes
    PUT("put"), GOT("got"), PUT_WAIT("put-wait"), GET_WAIT("get-wait"), CLOSE("close"), TASK_DONE("task-done"),
    JOIN_WAIT("join-wait"), JOINED("joined"), SEND("send"), RECV("recv"), RECV_WAIT("recv-wait"), EOF("eof"),
    CLOSED("closed"), OP_ERROR("op-error"),
    // shared values and arrays
    READ("read"), WRITE("write"),
    // managers
    SERVE("serve"), PROXY_WAIT("proxy-wait"), PROXY_GET("proxy-get"), PROXY_SET("proxy-set"), PROXY_ERROR("proxy-error"),
    SHUTDOWN("shutdown"), SERVER_LOST("server-lost"),
    // pools
    SUBMIT("submit"), TASK("task"), TASK_FAILED("task-failed"), TERMINATE("terminate"),
    // step mode
    STEP_MODE("step-mode"), STEP_WAIT("step-wait"), STEP("step"),
    // deadlocks
    DEADLOCK("deadlock");

    private static final Map<String, EventKind> BY_WIRE_NAME = new HashMap<>();

    static {
        for (EventKind k : values()) {
            BY_WIRE_NAME.put(k.wireName, k);
        }
    }

    private final String wireName;

    EventKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name written in the log's {@code kind} field. */
    public String wireName() {
        return wireName;
    }

    /** The kind a log line names; an unknown name is an error that says which. */
    public static EventKind of(String wireName) {
        EventKind k = BY_WIRE_NAME.get(wireName);
        if (k == null) {
            throw new IllegalArgumentException("unknown event kind '" + wireName + "'");
        }
        return k;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
