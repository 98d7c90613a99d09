package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.events.Event;
import dev.procession.protocol.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations that are not on a primitive: processes, sleep, print, object creation. */
final class Operations {
    private Operations() {
    }

    static void handle(Hub hub, String op, Call call) {
        Map<String, Object> m = call.message;
        switch (op) {
            case "proc.new" -> newProcess(hub, call);
            case "proc.spawned" -> {
                ProcRecord child = child(hub, call);
                child.pid = Messages.integer(m, "pid");
                child.ppid = call.proc.pid;
                // Where the parent's p.start() is, so the code view can light it up.
                Map<String, Object> data = hub.spawnData(child, call.line());
                callerFile(call, data, "parentFile");
                hub.spawnOnce(child, data);
                call.reply(null);
            }
            case "proc.exit" -> {
                ProcRecord child = child(hub, call);
                Long code = m.get("code") instanceof Long c ? c : null;
                hub.exited(child, code, Messages.optString(m, "how", "joined by parent"));
                call.reply(null);
            }
            case "proc.daemon" -> call.reply(child(hub, call).daemon);
            case "proc.join" -> Joins.join(call, child(hub, call));
            case "proc.signal" -> signal(call, child(hub, call));
            case "sleep" -> sleep(call);
            case "print" -> {
                call.event(EventKind.PRINT, null, Map.of("text", Messages.string(m, "text")));
                call.reply(null);
            }
            case "log" -> logEvent(call);
            case "new" -> newObject(hub, call);
            default -> {
                if (!m.containsKey("obj")) {
                    throw new HubError("ProtocolError", "unknown operation '" + op + "'");
                }
                hub.object(Messages.integer(m, "obj")).handle(op, call);
            }
        }
    }

    /** The parent is about to signal its child: the event is the child's, the sender's line is byLine. */
    private static void signal(Call call, ProcRecord child) {
        String signal = Messages.string(call.message, "signal");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("signal", signal);
        data.put("action", switch (signal) {
            case "SIGTERM" -> "terminate";
            case "SIGKILL" -> "kill";
            default -> null;
        });
        data.put("by", call.proc.name);
        data.put("byPid", call.proc.pid);
        data.put("byLine", call.line());
        callerFile(call, data, "byFile");
        call.hub().event(child, EventKind.SIGNAL, null, data);
        call.reply(null);
    }

    /** The source file of the caller's line, from a client that names it (a Python program's module). */
    private static void callerFile(Call call, Map<String, Object> data, String field) {
        if (call.line() != null && call.message.get("file") instanceof String file) {
            data.put(field, file);
        }
    }

    private static ProcRecord child(Hub hub, Call call) {
        ProcRecord p = hub.table().find(Messages.integer(call.message, "proc"));
        if (p == null || p.parentId != call.proc.id) {
            throw new HubError("ValueError", "process " + call.message.get("proc") + " is not a child of "
                    + call.proc.name);
        }
        return p;
    }

    private static void newProcess(Hub hub, Call call) {
        if (hub.stopping()) {
            throw new HubError("OSError", "the run is stopping: no new process may start");
        }
        Map<String, Object> m = call.message;
        String kind = Messages.optString(m, "kind", "target");
        List<Object> identity = identity(m);
        ProcRecord parent = call.proc;
        String name = Messages.optString(m, "name", null);
        if (name == null) {
            // A client that does not name its children gets Python's default: Process-1, Process-1:2.
            name = "Process-" + String.join(":", identity.stream().map(String::valueOf).toList());
            if (identity.isEmpty()) {
                name = "Process-" + hub.table().nextAnonymous(parent);
            }
        }
        ProcRecord child = hub.table().add(name, parent.id, parent.program,
                Messages.string(m, "target"), kind, Messages.list(m, "args"), Messages.optBoolean(m, "daemon", false));
        child.identity = identity;
        hub.holdClock(child);
        // The child holds its own copy of every pipe end among its arguments from now on.
        Handles.passed(hub, child.args, child);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("proc", child.id);
        answer.put("name", child.name);
        call.reply(answer);
    }

    /** Optional: the runtime names processes itself, from their place in the tree. */
    private static List<Object> identity(Map<String, Object> m) {
        if (!m.containsKey("identity")) {
            return List.of();
        }
        List<Object> identity = Messages.list(m, "identity");
        if (!identity.stream().allMatch(Long.class::isInstance)) {
            throw new HubError("ValueError", "'identity' must be a list of integers");
        }
        return List.copyOf(identity);
    }

    private static void sleep(Call call) {
        Double seconds = Messages.optSeconds(call.message, "seconds");
        if (seconds == null || seconds < 0) {
            throw new HubError("ValueError", "sleep length must be a non-negative number of seconds");
        }
        call.event(EventKind.SLEEP, null, Map.of("seconds", seconds));
        if (seconds == 0) {
            call.end(EventKind.SLEEP_END, null, Map.of());
            call.reply(null);
            return;
        }
        call.hub().blocked(call, null);
        call.hub().timers().schedule(seconds, () -> {
            if (call.live()) {
                call.end(EventKind.SLEEP_END, null, Map.of());
                call.reply(null);
            }
        });
    }

    /** The kinds a process may log itself; every other kind is the hub's to record. */
    private static final List<EventKind> PROCESS_LOGGED = List.of(EventKind.FILE_READ, EventKind.FILE_WRITE,
            EventKind.TASK, EventKind.TASK_DONE, EventKind.ERROR, EventKind.NOTE);

    /** Events the runtime records itself: file reads and writes, task starts, errors. */
    private static void logEvent(Call call) {
        Map<String, Object> m = call.message;
        String name = Messages.string(m, "kind");
        EventKind kind = PROCESS_LOGGED.stream().filter(k -> k.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new HubError("ValueError", "processes cannot log events of kind '" + name + "'"));
        Map<String, Object> data = new LinkedHashMap<>(m);
        data.remove("op");
        data.remove("id");
        data.remove("kind");
        for (String header : Event.HEADER) {
            if (data.containsKey(header)) {
                throw new HubError("ValueError", "'" + header + "' is set by the hub, not by a process's log call");
            }
        }
        Object obj = data.remove("ref");
        call.event(kind, obj instanceof String s ? s : null, data);
        call.reply(null);
    }

    private static void newObject(Hub hub, Call call) {
        String type = Messages.string(call.message, "type");
        Primitive p = Primitives.create(hub, type, hub.nextObjectId(), Messages.optString(call.message, "name", null),
                call);
        List<Primitive> made = new java.util.ArrayList<>();
        made.add(p);
        made.addAll(p.companions());
        made.forEach(hub::register);
        for (Primitive each : made) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("type", each.type());
            data.put("name", each.name());
            data.put("state", each.state());
            call.event(EventKind.NEW, each.ref(), data);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("obj", p.id());
        answer.put("type", type);
        if (made.size() > 1) {
            // A Pipe's ends, in order.
            answer.put("objs", made.stream().map(Primitive::id).toList());
        }
        call.reply(answer);
    }
}
