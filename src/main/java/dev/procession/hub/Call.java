package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.events.Outcome;
import dev.procession.protocol.FrameException;
import dev.procession.protocol.Messages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request from a process. It is answered exactly once, now or later: a call that blocks
 * (an acquire of a held lock) is parked in the primitive's waiters until it is resolved.
 */
public final class Call {
    /** The request field, and the event field, that marks a call of Python's exit handling. */
    public static final String AT_EXIT = "atexit";

    private final Hub hub;
    final Connection connection;
    final ProcRecord proc;
    final long id;
    final Map<String, Object> message;
    private Timers.Timer timer;
    private boolean answered;
    /** It was parked at least once: its ending event says it woke, not that it returned at once. */
    private boolean waited;

    Call(Hub hub, Connection connection, ProcRecord proc, long id, Map<String, Object> message) {
        this.hub = hub;
        this.connection = connection;
        this.proc = proc;
        this.id = id;
        this.message = message;
    }

    public Map<String, Object> message() {
        return message;
    }

    public Hub hub() {
        return hub;
    }

    public boolean answered() {
        return answered;
    }

    /** Whether the caller's connection is still open (a dead caller's waits are dropped). */
    public boolean live() {
        return !connection.closed;
    }

    public void reply(Object value) {
        if (answered) {
            return;
        }
        answered = true;
        cancelTimeout();
        if (id >= 0) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("re", id);
            m.put("ok", true);
            m.put("value", value);
            try {
                connection.send(m);
            } catch (FrameException e) {
                // Never leave the caller waiting: it gets the reason instead of the value.
                m.put("ok", false);
                m.remove("value");
                m.put("error", "ValueError");
                m.put("message", "the reply is too large to send: " + e.getMessage());
                connection.send(m);
            }
        }
        hub.answered(this);
    }

    /** The listing line the caller was at, or null. */
    public Long line() {
        return message.get("line") instanceof Long line ? line : null;
    }

    public void fail(String type, String text) {
        if (answered) {
            return;
        }
        answered = true;
        cancelTimeout();
        if (id >= 0) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("re", id);
            m.put("ok", false);
            m.put("error", type);
            m.put("message", text);
            connection.send(m);
        } else {
            // A one-way message (a put to an unbounded queue) has nobody to raise in: log it.
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("op", message.get("op"));
            data.put("error", type);
            data.put("message", text);
            hub.event(proc, EventKind.OP_ERROR, objectRef(), data);
        }
        hub.answered(this);
    }

    /**
     * Marks the caller blocked on {@code obj}; if the message has a timeout, {@code onTimeout}
     * runs when it expires (scenario time) unless the call was answered first.
     */
    public void block(String obj, Runnable onTimeout) {
        hub.blocked(this, obj);
        Double timeout = Messages.optSeconds(message, "timeout");
        if (timeout != null) {
            timer = hub.timers().schedule(timeout, () -> {
                // A dead caller's wait was dropped; its timeout has no one left to tell.
                if (!answered && live()) {
                    onTimeout.run();
                }
            });
        }
    }

    /** Hub.blocked calls it for every park, timed or not. */
    void markWaited() {
        waited = true;
    }

    /** Whether it was parked: its ending outcome is then woke (or timeout), never at-once. */
    public boolean waited() {
        return waited;
    }

    /** Records the event that ends this call: outcome woke if it waited, at-once if it did not. */
    public void end(EventKind kind, String obj, Map<String, Object> data) {
        end(kind, obj, data, waited ? Outcome.WOKE : Outcome.AT_ONCE);
    }

    /** Records the event that ends this call, with the outcome given. */
    public void end(EventKind kind, String obj, Map<String, Object> data, Outcome outcome) {
        Map<String, Object> withOutcome = new LinkedHashMap<>(data);
        withOutcome.put(Outcome.FIELD, outcome.wireName());
        event(kind, obj, withOutcome);
    }

    /** Its timeout expired while it waited: a {@code timeout} event with {@code op} ends it. */
    public void endTimedOut(String obj, Map<String, Object> data) {
        end(EventKind.TIMEOUT, obj, data, Outcome.TIMEOUT);
    }

    /** The reference of the object the message names, or null when it names none that exists. */
    private String objectRef() {
        if (message.get("obj") instanceof Long obj) {
            try {
                return hub.object(obj).ref();
            } catch (HubError e) {
                return null;
            }
        }
        return null;
    }

    private void cancelTimeout() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    // ---- conveniences for primitives ----

    public boolean blocking() {
        return Messages.optBoolean(message, "block", true);
    }

    /** Whether it may wait at all: blocking, and not with a timeout of zero or less. */
    public boolean mayWait() {
        Double timeout = timeout();
        return blocking() && (timeout == null || timeout > 0);
    }

    /**
     * The details of the {@code timeout} event (outcome at-once) of a call that could not have
     * what it asked for and was not allowed to wait: acquire(False), get_nowait() on an empty queue.
     */
    public Map<String, Object> failedAtOnce(String op) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("op", op);
        data.put("block", blocking() ? null : Boolean.FALSE);
        data.put("timeout", blocking() ? timeout() : null);
        return data;
    }

    public Double timeout() {
        return Messages.optSeconds(message, "timeout");
    }

    public long pid() {
        return proc.pid;
    }

    public String procName() {
        return proc.name;
    }

    public long procId() {
        return proc.id;
    }

    /** Records an event as done by the caller. */
    public void event(EventKind kind, String obj, Map<String, Object> data) {
        // The listing line the process was at, so the code view can put its cursor there.
        // Calls made while the runtime does Python's exit handling carry atexit instead of a line.
        boolean atExit = Boolean.TRUE.equals(message.get(AT_EXIT));
        if (message.get("line") instanceof Long || atExit) {
            Map<String, Object> marked = new LinkedHashMap<>(data);
            marked.put("line", message.get("line"));
            // The source file of that line, from a client that runs more than one (a Python program's modules).
            marked.put("file", message.get("file") instanceof String file ? file : null);
            marked.put(AT_EXIT, atExit ? Boolean.TRUE : null);
            data = marked;
        }
        hub.event(proc, kind, obj, data);
    }
}
