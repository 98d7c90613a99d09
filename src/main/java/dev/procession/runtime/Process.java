package dev.procession.runtime;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * multiprocessing.Process: a real child JVM, started by this process, so its parent in the
 * operating system is this process.
 *
 * <p>Two ways to create one, as in Python: with a registered target and arguments, or by
 * subclassing and overriding {@link #run()} (register the subclass in the program).
 */
public class Process {
    private final Mp mp;
    private final String target;
    private final String kind;
    private final List<Object> args;
    private final List<Long> identity;
    /** This object is the running process itself: a subclass rebuilt in its own child. */
    private final boolean current;
    private String name;
    private boolean daemon;
    private long procId = -1;
    private java.lang.Process os;
    private volatile Long exitCode;
    private final CompletableFuture<Long> exited = new CompletableFuture<>();

    Process(Mp mp, Object[] args, String target) {
        this.mp = mp;
        this.target = target;
        this.kind = "target";
        this.args = encodeArgs(args);
        this.current = false;
        this.identity = mp.nextChildIdentity();
        // As in Python: named at creation, and daemonic by default if its creator is.
        this.name = defaultName("Process");
        this.daemon = mp.daemon();
    }

    /**
     * For subclasses: {@code registeredName} is the name the program registered the class
     * under, {@code state} the plain values the child rebuilds it from.
     */
    protected Process(Mp mp, String registeredName, Object... state) {
        this.mp = mp;
        this.target = registeredName;
        this.kind = "class";
        this.args = encodeArgs(state);
        this.current = mp.claimSelf();
        if (current) {
            this.identity = mp.identity();
            this.name = mp.name();
            this.procId = mp.procId();
        } else {
            this.identity = mp.nextChildIdentity();
            String simple = getClass().getSimpleName();
            this.name = defaultName(simple.isEmpty() ? "Process" : simple);
        }
        this.daemon = mp.daemon();
    }

    /** current_process(): the running process itself, started already and never a child of itself. */
    Process(Mp mp) {
        this.mp = mp;
        this.target = null;
        this.kind = "self";
        this.args = List.of();
        this.current = true;
        this.identity = mp.identity();
        this.name = mp.name();
        this.procId = mp.procId();
        this.daemon = mp.daemon();
    }

    private String defaultName(String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append('-');
        for (int i = 0; i < identity.size(); i++) {
            sb.append(i == 0 ? "" : ":").append(identity.get(i));
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> encodeArgs(Object[] args) {
        // Arrays.asList, not List.of: None is a valid argument, as in Python.
        return (List<Object>) Values.encode(Arrays.asList(args == null ? new Object[0] : args));
    }

    /** The code the child runs; subclasses override it. Runs in the child, never in the parent. */
    public void run() throws Exception {
        throw new MpException("NotImplementedError", "override run() or give a target");
    }

    public Process name(String name) {
        requireNotStarted("name");
        this.name = name;
        return this;
    }

    /** The default name's prefix, as Python's SyncManager-1 and SpawnPoolWorker-1 have theirs. */
    Process prefix(String prefix) {
        requireNotStarted("prefix");
        this.name = defaultName(prefix);
        return this;
    }

    public String name() {
        return name;
    }

    /** Must be set before start(), as in Python. */
    public Process daemon(boolean daemon) {
        requireNotStarted("daemon");
        this.daemon = daemon;
        return this;
    }

    public boolean daemon() {
        return daemon;
    }

    /** The daemon flag as the hub has it now (the app may change it while the process runs). */
    boolean daemonNow() {
        Object v = mp.client().call("proc.daemon", Map.of("proc", procId));
        return Boolean.TRUE.equals(v);
    }

    public synchronized Process start() {
        if (procId >= 0) {
            throw new MpException("AssertionError", "cannot start a process twice");
        }
        if (mp.daemon()) {
            throw new MpException("AssertionError", "daemonic processes are not allowed to have children");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("kind", kind);
        m.put("args", args);
        m.put("daemon", daemon);
        m.put("name", name);
        m.put("identity", identity);
        Map<?, ?> reply = (Map<?, ?>) mp.client().call("proc.new", m);
        procId = ((Number) reply.get("proc")).longValue();
        name = (String) reply.get("name");
        try {
            os = Launcher.start(mp.socket(), mp.token(), procId, mp.runDir(), mp.program(), name);
        } catch (IOException e) {
            mp.client().call("proc.exit", Map.of("proc", procId, "code", 1L, "how", "could not start: " + e));
            throw new MpException("OSError", "could not start " + name + ": " + e.getMessage());
        }
        mp.client().call("proc.spawned", Map.of("proc", procId, "pid", os.pid()));
        mp.adopt(this);
        os.onExit().thenAccept(p -> {
            long code = ExitCodes.fromJava(p.exitValue());
            exitCode = code;
            try {
                mp.client().call("proc.exit", Map.of("proc", procId, "code", code, "how", "reaped by parent"));
            } finally {
                exited.complete(code);
            }
        });
        return this;
    }

    /** Waits until the process ends. */
    public void join() {
        requireChild("join");
        joinInHub(null);
        exited.join();
    }

    /**
     * Waits at most {@code timeout} scenario seconds; returns whether it ended. The hub times the
     * wait on the run's clock and says how it ended, so the log and the answer always agree.
     */
    public boolean join(double timeout) {
        requireChild("join");
        boolean ended = joinInHub(Math.max(0, timeout));
        if (ended) {
            // The hub recorded the exit our reaper reported; the reaper completes this right after.
            exited.join();
        }
        return ended;
    }

    /** Waits in the hub until the hub has recorded the child's exit, or the timeout expires. */
    private boolean joinInHub(Double timeout) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proc", procId);
        if (timeout != null) {
            m.put("timeout", timeout);
        }
        return Boolean.TRUE.equals(mp.client().call("proc.join", m));
    }

    /** Whether its exit was reaped and reported to the hub. */
    boolean reaped() {
        return exited.isDone();
    }

    /** Runs {@code action} with the exit code once the parent has reaped this process. */
    void onExit(LongConsumer action) {
        exited.thenAccept(action::accept);
    }

    /** is_alive(): started and not yet reaped. */
    public boolean isAlive() {
        return current || os != null && !exited.isDone() && os.isAlive();
    }

    /** exitcode: null while running; 0, 1, or minus the signal that ended it. */
    public Long exitCode() {
        return exitCode;
    }

    public long pid() {
        if (current) {
            return mp.pid();
        }
        requireStarted("pid");
        return os.pid();
    }

    /** The hub's id for this process (its sentinel in Python's terms). */
    public long procId() {
        return procId;
    }

    /** SIGTERM, as Python sends: the process is not gone yet when this returns. */
    public void terminate() {
        signal("SIGTERM", "terminate");
        os.destroy();
    }

    /** SIGKILL. */
    public void kill() {
        signal("SIGKILL", "kill");
        os.destroyForcibly();
    }

    private void signal(String signal, String what) {
        requireChild(what);
        if (!exited.isDone()) {
            mp.client().call("proc.signal", Map.of("proc", procId, "signal", signal));
        }
    }

    private void requireChild(String what) {
        if (current) {
            throw new MpException("AssertionError", "can only " + what + " a child process");
        }
        requireStarted(what);
    }

    private void requireStarted(String what) {
        if (os == null) {
            throw new MpException("AssertionError", "can only " + what + " a started process");
        }
    }

    private void requireNotStarted(String what) {
        if (procId >= 0) {
            throw new MpException("AssertionError", "process has already started: cannot set its " + what);
        }
    }

    @Override
    public String toString() {
        String state = current ? "started" : os == null ? "initial" : exitCode == null ? "started" : "stopped exitcode=" + exitCode;
        return "<Process name='" + name + "' " + state + (daemon ? " daemon" : "") + ">";
    }
}
