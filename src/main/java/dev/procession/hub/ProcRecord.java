package dev.procession.hub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the hub knows of one process of the run. Hub thread only; read others through {@link ProcInfo}. */
final class ProcRecord {
    final long id;
    final String name;
    final long parentId;
    final String program;
    final String target;
    final String kind;
    final List<Object> args;
    boolean daemon;
    long pid;
    long ppid;
    Connection connection;
    boolean connected;
    /** Whether its {@code spawn} is in the log: the parent's report and the child's hello race. */
    boolean spawnLogged;
    /** Its place among the processes in the order their spawns were logged. */
    int logOrder;
    boolean exited;
    Long exitCode;
    String state = "created";
    String blockedOn;
    /** The call it is blocked in; only that call's answer (or a new request after it) unblocks it. */
    Call blockingCall;
    int childCount;
    /** Its parent's join() calls waiting for it to exit. */
    final WaitQueue joiners = new WaitQueue();
    /** Python's _identity: where it sits in the tree ([] for the main process, [1, 2] for Process-1:2). */
    List<Object> identity = List.of();

    ProcRecord(long id, String name, long parentId, String program, String target, String kind, List<Object> args,
               boolean daemon) {
        this.id = id;
        this.name = name;
        this.parentId = parentId;
        this.program = program;
        this.target = target;
        this.kind = kind;
        this.args = args;
        this.daemon = daemon;
    }

    Map<String, Object> spec(double speed, String runDir) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("proc", id);
        spec.put("name", name);
        spec.put("program", program);
        spec.put("target", target);
        spec.put("kind", kind);
        spec.put("args", args);
        spec.put("daemon", daemon);
        spec.put("identity", identity);
        spec.put("speed", speed);
        spec.put("runDir", runDir);
        return spec;
    }

    ProcInfo info() {
        return new ProcInfo(id, name, parentId, pid, ppid, daemon, state, blockedOn, exited, exitCode, connected);
    }
}
