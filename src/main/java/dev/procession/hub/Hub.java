package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.events.EventLog;
import dev.procession.protocol.FrameException;
import dev.procession.protocol.Json;
import dev.procession.protocol.Messages;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Serves every synchronization object of a run to its processes over a Unix domain socket, the
 * way a multiprocessing manager's server does, and records each change in the {@link EventLog}.
 *
 * <p>One thread owns all state: requests, timers and control commands run on it in turn, so the
 * log's order is the order things happened in, and primitives need no locks of their own.
 */
public final class Hub implements AutoCloseable {

    private final Path runDir;
    private final Path socketPath;
    private final String token;
    private final EventLog log;
    private final Selector selector;
    private final ServerSocketChannel server;
    private final ScenarioClock clock;
    private final Timers timers;
    private final ProcessTable processes = new ProcessTable();
    private final Map<Long, Primitive> objects = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** The supervisor is stopping the run (hub thread only). */
    private boolean stopping;
    /** Python's exit code for death by SIGKILL, and how an exit during a stop is described. */
    private static final long KILLED_EXIT_CODE = -9;
    public static final String KILLED_BY_STOP = "killed by stop";
    /** The {@code by} of what the supervisor (the app, the CLI) did. */
    static final String SUPERVISOR = "supervisor";
    private long nextObjectId = 1;
    private long nextConnection = 1;
    private final PendingConnections pending = new PendingConnections();
    private final RefusalCount refusals = new RefusalCount();
    /** Step mode: the user lets each held call go (see StepGate). */
    private final StepGate steps = new StepGate(this, this::carryOut);
    /** Processes whose spawn is in the log, counted: the order the log's readers see them appear in. */
    private int spawnsLogged;

    private Hub(Path runDir, EventLog log, double speed) throws IOException {
        this.runDir = runDir;
        this.log = log;
        this.socketPath = runDir.resolve("hub.sock");
        this.token = newToken();
        this.clock = new ScenarioClock(speed);
        this.timers = new Timers(clock);
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Files.deleteIfExists(socketPath);
        server.bind(UnixDomainSocketAddress.of(socketPath));
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = Thread.ofPlatform().name("procession-hub").daemon(true).unstarted(this::loop);
    }

    /** Starts a hub whose socket lives in {@code runDir}, which the caller made private (0700). */
    public static Hub start(Path runDir, EventLog log, double speed) throws IOException {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        Hub hub = new Hub(runDir, log, speed);
        hub.thread.start();
        return hub;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public Path socketPath() {
        return socketPath;
    }

    public Path runDir() {
        return runDir;
    }

    /** The run's secret; children get it in their environment, never on the command line. */
    public String token() {
        return token;
    }

    public EventLog log() {
        return log;
    }

    // ------------------------------------------------------------------ control (any thread)

    /** Runs {@code command} on the hub thread. */
    public void submit(Runnable command) {
        commands.add(command);
        selector.wakeup();
    }

    /** Runs {@code query} on the hub thread and waits for its answer. */
    public <T> T query(Supplier<T> query) {
        if (Thread.currentThread() == thread) {
            return query.get();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        submit(() -> {
            try {
                answer.complete(query.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        if (!running) {
            throw new IllegalStateException("the hub is closed");
        }
        try {
            // Bounded: a command submitted as the hub closes may never run.
            return answer.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the hub did not answer within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the hub", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Registers the run's main program; the supervisor then starts it with this id. */
    public long registerMain(String program, Map<String, Object> parameters) {
        return query(() -> {
            ProcRecord main = processes.add("MainProcess", 0, program, "main", "target", List.of(parameters), false);
            return main.id;
        });
    }

    /**
     * The supervisor started the main program as {@code pid}: the hub knows its pid from now on
     * (an exit before its hello is then still its own) and records its {@code spawn}.
     */
    public void spawnedMain(long procId, long pid, long supervisorPid) {
        query(() -> {
            ProcRecord main = processes.require(procId);
            main.pid = pid;
            main.ppid = supervisorPid;
            spawnOnce(main, spawnData(main, null));
            return null;
        });
    }

    public List<ProcInfo> processes() {
        return query(processes::infos);
    }

    public double speed() {
        return query(clock::speed);
    }

    /** Changes the run's speed; sleeps and timeouts in progress stretch or shrink to match. */
    public void setSpeed(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        submit(() -> {
            clock.setSpeed(speed);
            event(null, EventKind.SPEED, null, Map.of("speed", speed));
            // Processes scale their own join timeouts, so they are told too.
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof Connection c && c.authenticated()) {
                    c.send(Map.of("push", "speed", "speed", speed));
                }
            }
        });
    }

    /** The state of every primitive, keyed by reference, for inspectors and tests. */
    public Map<String, Map<String, Object>> primitives() {
        return query(() -> {
            Map<String, Map<String, Object>> all = new LinkedHashMap<>();
            objects.values().forEach(p -> all.put(p.ref(), p.state()));
            return all;
        });
    }

    /**
     * Marks a process daemonic (or not) while it runs. Python refuses this after start();
     * Procession allows it for teaching and says so in the log.
     */
    public void setDaemon(long procId, boolean daemon) {
        query(() -> {
            ProcRecord p = processes.require(procId);
            p.daemon = daemon;
            event(p, EventKind.DAEMON, null, Map.of("daemon", daemon, "by", SUPERVISOR, "note",
                    "Procession extension: Python refuses to change daemon after start()"));
            return null;
        });
    }

    /** Releases a lock or semaphore held by a dead process, so a stuck run can go on. */
    public void forceRelease(String ref) {
        query(() -> {
            Primitive p = objects.values().stream().filter(o -> o.ref().equals(ref)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no primitive " + ref));
            if (!(p instanceof ForceReleasable r)) {
                throw new IllegalArgumentException(ref + " cannot be force-released");
            }
            r.forceRelease();
            return null;
        });
    }

    /** Records an exit the supervisor saw (its parent could not report it, or it is the main program). */
    public void reportExit(long procId, Long exitCode, String how) {
        // Synchronous, so whoever learns of the exit next (a waiting test, the CLI) finds it logged.
        query(() -> {
            // During a stop, an exit nobody could read (a process the stop killed, seen as an orphan
            // after its parent died first) is the stop's to record, as killed by it.
            if (!(stopping && exitCode == null)) {
                exited(processes.find(procId), exitCode, how);
            }
            return null;
        });
    }

    /** Records a supervisor action on a process, such as a pause. */
    public void recordControl(long pid, EventKind kind, Map<String, Object> data) {
        submit(() -> {
            ProcRecord p = processes.byPid(pid);
            if (p != null) {
                event(p, kind, null, data);
                if (kind == EventKind.SIGNAL) {
                    // Paused (or ended) by the user: its start must not stop everyone else's time.
                    releaseClock(p.id, null);
                }
            } else {
                log.append(pid, 0, null, kind, null, data);
            }
        });
    }

    /** Records an event of the run itself (pid 0), such as a sample, in the hub's order. */
    public void recordRun(EventKind kind, Map<String, Object> data) {
        submit(() -> {
            // A sample taken as the stop began would show killed processes alive after it.
            if (!(kind == EventKind.SAMPLE && stopping)) {
                event(null, kind, null, data);
            }
        });
    }

    /** Whether the supervisor is stopping the run: no new process may start then (hub thread only). */
    boolean stopping() {
        return stopping;
    }

    /**
     * Records {@code proc}'s {@code spawn} unless it is in the log already. Its parent reports the
     * start once the OS has started it, but the child may say hello first (a busy or paused
     * parent): the hello then records the spawn, so a {@code start} never comes before it.
     */
    void spawnOnce(ProcRecord proc, Map<String, Object> data) {
        if (!proc.spawnLogged) {
            proc.spawnLogged = true;
            proc.logOrder = spawnsLogged++;
            event(proc, EventKind.SPAWN, null, data);
        }
    }

    /**
     * What a {@code spawn} says of {@code proc}, whose pid and ppid are known; {@code parentLine}
     * is where the parent's {@code p.start()} is, when the parent reports it (null otherwise).
     */
    Map<String, Object> spawnData(ProcRecord proc, Object parentLine) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (proc.parentId == 0) {
            data.put("parent", "supervisor");
            data.put("supervisorPid", proc.ppid);
        } else {
            data.put("parent", processes.nameOf(proc.parentId));
            data.put("parentPid", proc.ppid);
            if (parentLine != null) {
                data.put("parentLine", parentLine);
            }
            data.put("target", proc.target);
            data.put("daemon", proc.daemon);
        }
        return data;
    }

    /**
     * The supervisor is about to kill every process of the run: from now on an exit by SIGKILL
     * is recorded as killed by the stop, whoever reports it, and no new process may start.
     */
    public void beginStop() {
        query(() -> stopping = true);
    }

    /**
     * The stop is over: every process that started and has no exit yet gets one, so none stays
     * alive in a replay of the log; those in {@code killed} were killed by the stop (-9), the
     * others had ended unreported. Then {@code stopped} names the killed PIDs, if it killed any or
     * it {@code interrupted} a run whose main program was still running.
     */
    public void endStop(java.util.Set<Long> killed, boolean interrupted) {
        query(() -> {
            for (ProcInfo p : processes.infos()) {
                if (p.pid() > 0 && !p.exited()) {
                    boolean byStop = killed.contains(p.pid());
                    exited(processes.find(p.id()), byStop ? KILLED_EXIT_CODE : null,
                            byStop ? KILLED_BY_STOP : "ended before the stop; no exit code was reported");
                }
            }
            if (interrupted || !killed.isEmpty()) {
                event(null, EventKind.STOPPED, null, Map.of("killed", List.copyOf(killed)));
            }
            return null;
        });
    }

    /** Turns step mode on or off; off lets every held call go, oldest first. */
    public void setStepMode(boolean on) {
        query(() -> {
            steps.set(on);
            return null;
        });
    }

    public boolean stepMode() {
        return query(steps::on);
    }

    /** The calls held in step mode, oldest first (the one {@link #step()} lets go). */
    public List<HeldStep> heldSteps() {
        return query(steps::pending);
    }

    /** Lets the oldest held call go; false when none is held. */
    public boolean step() {
        return query(() -> steps.step(null));
    }

    /** Lets the held call of the process with this pid go; false when it has none. */
    public boolean step(long pid) {
        return query(() -> {
            ProcRecord p = processes.byPid(pid);
            return p != null && steps.step(p.id);
        });
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            selector.close();
            server.close();
            Files.deleteIfExists(socketPath);
        } catch (IOException ignored) {
            // Closing at shutdown: nothing left to tell anyone.
        }
    }

    // ------------------------------------------------------------------ for primitives (hub thread)

    Timers timers() {
        return timers;
    }

    ProcessTable table() {
        return processes;
    }

    void event(ProcRecord proc, EventKind kind, String obj, Map<String, Object> data) {
        if (proc == null) {
            log.append(0, 0, null, kind, obj, data);
        } else {
            log.append(proc.pid, proc.ppid, proc.name, kind, obj, data);
        }
    }

    void blocked(Call call, String obj) {
        call.markWaited();
        ProcRecord proc = call.proc;
        startedUp(proc);
        proc.state = obj == null ? "sleeping" : "blocked";
        proc.blockedOn = obj;
        proc.blockingCall = call;
    }

    /** A call was answered: its process runs again if that was the call it was blocked in. */
    void answered(Call call) {
        if (call.proc.blockingCall == call) {
            unblocked(call.proc);
        }
    }

    void unblocked(ProcRecord proc) {
        proc.blockingCall = null;
        if (!proc.exited) {
            proc.state = "running";
            proc.blockedOn = null;
        }
    }

    /**
     * {@code waiter} has just blocked on a Lock or RLock: if that closes a cycle of waits, the
     * run is deadlocked, and the {@code deadlock} event, right after the wait that closed it,
     * lists the cycle. Each cycle closes once, by the last of its processes to block.
     */
    void lockWaited(ProcRecord waiter) {
        List<Object> cycle = WaitCycles.closedBy(waiter, this::lockWaitedFor);
        if (cycle.isEmpty()) {
            return;
        }
        List<Object> members = new ArrayList<>();
        List<Object> names = new ArrayList<>();
        for (Object o : cycle) {
            members.add(o instanceof ProcRecord p ? (Object) p.pid : ((Primitive) o).ref());
            names.add(o instanceof ProcRecord p ? p.name : ((Primitive) o).name());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cycle", members);
        data.put("names", names);
        data.put("closedBy", waiter.pid);
        event(null, EventKind.DEADLOCK, ((Primitive) cycle.get(1)).ref(), data);
    }

    /** The Lock or RLock a blocked process waits for, or null. */
    private LockPrimitive lockWaitedFor(ProcRecord p) {
        String ref = p.blockedOn;
        int hash = ref == null ? -1 : ref.lastIndexOf('#');
        if (hash < 0) {
            return null;
        }
        try {
            Primitive o = objects.get(Long.parseLong(ref.substring(hash + 1)));
            return o instanceof LockPrimitive lock && o.ref().equals(ref) ? lock : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Primitive object(long id) {
        Primitive p = objects.get(id);
        if (p == null) {
            throw new HubError("ValueError", "no object #" + id + " in this run");
        }
        return p;
    }

    // ------------------------------------------------------------------ the loop

    private void loop() {
        try {
            while (running) {
                long waitMillis = soonest(fireTimers(), expirePending());
                selector.select(waitMillis);
                Runnable command;
                while ((command = commands.poll()) != null) {
                    guarded(command);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        try {
                            accept();
                        } catch (IOException e) {
                            // Out of file descriptors, say: refuse this one, keep serving the others.
                            event(null, EventKind.HUB_ERROR, null, Map.of("message", "accept failed: " + e.getMessage()));
                        }
                    } else if (key.attachment() instanceof Connection c) {
                        serve(key, c);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                log.append(0, 0, null, EventKind.HUB_ERROR, null, Map.of("message", String.valueOf(e.getMessage())));
            }
        } finally {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof Connection c) {
                    closeQuietly(c);
                }
            }
        }
    }

    /** The sooner of two waits in milliseconds, where 0 means none. */
    private static long soonest(long a, long b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }

    /** Refuses connections that let the hello deadline pass; returns milliseconds to the next deadline. */
    private long expirePending() {
        long now = System.nanoTime();
        for (var late = pending.pollExpired(now); late.isPresent(); late = pending.pollExpired(now)) {
            refuse(late.get(), "no hello within " + pending.deadline().toMillis() + " ms");
        }
        return pending.millisToNextDeadline(now);
    }

    /** For tests: how long a connection may stay without a hello. */
    void helloDeadline(Duration deadline) {
        pending.deadline(deadline);
    }

    /** Fires due timers; one that fails is reported and the loop comes straight back for the rest. */
    private long fireTimers() {
        try {
            Long stuck = clock.staleHold();
            if (stuck != null) {
                releaseClock(stuck, processes.nameOf(stuck) + " has not waited in the "
                        + ScenarioClock.MAX_HOLD_NANOS / 1_000_000_000L + " s since its start: scenario time runs on"
                        + " without it");
            }
            long timerMillis = timers.fireDue();
            long staleNanos = clock.nanosUntilStale();
            long staleMillis = staleNanos == 0 ? 0 : Math.max(1, staleNanos / 1_000_000);
            if (timerMillis == 0 || staleMillis == 0) {
                return Math.max(timerMillis, staleMillis);
            }
            return Math.min(timerMillis, staleMillis);
        } catch (RuntimeException e) {
            hubError(e);
            return 1;
        }
    }

    /**
     * A child begins to start: scenario time stands still until it first waits (sleeps or blocks),
     * serves as a manager's server, disconnects, or exits (see ScenarioClock).
     */
    void holdClock(ProcRecord proc) {
        if (clock.hold(proc.id)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("running", false);
            data.put("starting", proc.name);
            event(null, EventKind.CLOCK, null, data);
        }
    }

    /** The process's start-up is over: it waits for the first time, or serves. */
    void startedUp(ProcRecord proc) {
        releaseClock(proc.id, null);
    }

    private void releaseClock(long procId, String note) {
        if (clock.release(procId)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("running", true);
            if (note != null) {
                data.put("note", note);
            }
            event(null, EventKind.CLOCK, null, data);
        }
    }

    /** A failing command (a bug) is reported, never allowed to stop the hub's thread. */
    private void guarded(Runnable command) {
        try {
            command.run();
        } catch (RuntimeException e) {
            hubError(e);
        }
    }

    private void hubError(RuntimeException e) {
        log.append(0, 0, null, EventKind.HUB_ERROR, null, Map.of("message", String.valueOf(e)));
    }

    private void serve(SelectionKey key, Connection c) {
        try {
            if (key.isWritable()) {
                c.flush();
            }
            if (key.isValid() && key.isReadable()) {
                read(c);
            }
        } catch (RuntimeException e) {
            // One client's trouble must never stop the hub serving the others.
            event(c.proc, EventKind.HUB_ERROR, null, Map.of("message", String.valueOf(e), "from", c.describe()));
            disconnect(c);
        } catch (OutOfMemoryError e) {
            // Dropping the connection frees what its request took; the others are served on.
            disconnect(c);
            event(c.proc, EventKind.HUB_ERROR, null, Map.of("message", "out of memory serving a request; "
                    + "the connection was dropped", "from", c.describe()));
        }
    }

    private void accept() throws IOException {
        SocketChannel channel = server.accept();
        if (channel == null) {
            return;
        }
        channel.configureBlocking(false);
        SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
        Connection c = new Connection(channel, key, nextConnection++);
        key.attach(c);
        pending.add(c).ifPresent(oldest -> refuse(oldest, "more than " + PendingConnections.MAX
                + " connections without a hello"));
    }

    private void read(Connection c) {
        try {
            List<Map<String, Object>> frames = c.readFrames();
            if (frames == null) {
                disconnect(c);
                return;
            }
            for (Map<String, Object> frame : frames) {
                if (c.closed) {
                    return;
                }
                dispatch(c, frame);
            }
        } catch (FrameException e) {
            refuse(c, "malformed frame: " + e.getMessage());
        } catch (IOException e) {
            disconnect(c);
        }
    }

    private void dispatch(Connection c, Map<String, Object> frame) {
        long id = Messages.optInteger(frame, "id", -1);
        if (!c.authenticated()) {
            hello(c, id, frame);
            return;
        }
        Call call = new Call(this, c, c.proc, id, frame);
        Call blocking = c.proc.blockingCall;
        if (blocking != null && blocking.answered() && !c.proc.exited && !"proc.exit".equals(frame.get("op"))) {
            // A new request after an answered wait (a join that timed out): it is running again.
            // Not a child's exit report, which the parent's reaper thread sends while it waits.
            unblocked(c.proc);
        }
        if (!steps.hold(call)) {
            carryOut(call);
        }
    }

    /** Carries a request out: now, or when step mode lets it go. */
    private void carryOut(Call call) {
        Map<String, Object> frame = call.message;
        try {
            String op = Messages.string(frame, "op");
            checkCommonFields(frame);
            Operations.handle(this, op, call);
        } catch (HubError e) {
            call.fail(e.type(), e.getMessage());
        } catch (FrameException e) {
            call.fail("ProtocolError", e.getMessage());
        } catch (RuntimeException e) {
            // A bug in one primitive must not take the hub down for everyone else.
            event(call.proc, EventKind.HUB_ERROR, null, Map.of("message", String.valueOf(e)));
            call.fail("RuntimeError", "hub error: " + e);
        }
    }

    /**
     * "block" and "timeout" mean the same on every blocking call; a call that does not block (a
     * free lock) would never read them, so a malformed one is refused here rather than ignored.
     */
    private static void checkCommonFields(Map<String, Object> frame) {
        Messages.optSeconds(frame, "timeout");
        if (frame.containsKey("block") && !(frame.get("block") instanceof Boolean)) {
            throw new FrameException("field 'block' must be a boolean, got " + Json.describe(frame.get("block")));
        }
    }

    private void hello(Connection c, long id, Map<String, Object> frame) {
        String reason = null;
        ProcRecord proc = null;
        try {
            if (!"hello".equals(frame.get("op"))) {
                reason = "the first frame must be a hello";
            } else if (!(frame.get("token") instanceof String t) || !sameToken(t)) {
                reason = "wrong or missing token";
            } else {
                proc = processes.find(Messages.integer(frame, "proc"));
                if (proc == null) {
                    reason = "unknown process id " + frame.get("proc");
                } else if (proc.connected || proc.exited) {
                    reason = "process " + proc.name + " is already connected";
                } else if (stopping) {
                    reason = "the run is stopping";
                }
            }
            if (reason == null) {
                proc.pid = Messages.integer(frame, "pid");
                proc.ppid = Messages.optInteger(frame, "ppid", 0);
            }
        } catch (FrameException e) {
            reason = "bad hello: " + e.getMessage();
        }
        if (reason != null) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("re", id);
            answer.put("ok", false);
            answer.put("error", "AuthenticationError");
            answer.put("message", reason);
            c.send(answer);
            refuse(c, reason);
            return;
        }
        pending.remove(c);
        c.proc = proc;
        proc.connection = c;
        proc.connected = true;
        proc.state = "running";
        spawnOnce(proc, spawnData(proc, null));
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("target", proc.target);
        started.put("daemon", proc.daemon);
        started.put("parent", processes.nameOf(proc.parentId));
        event(proc, EventKind.START, null, started);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("re", id);
        answer.put("ok", true);
        Map<String, Object> spec = proc.spec(clock.speed(), runDir.toString());
        // parent_process().name; the main program's parent is outside the run.
        spec.put("parent", processes.nameOf(proc.parentId));
        answer.put("value", spec);
        c.send(answer);
    }

    private boolean sameToken(String given) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private void refuse(Connection c, String reason) {
        if (refusals.next()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reason", reason);
            data.put("from", c.describe());
            if (refusals.coalesced()) {
                data.put("count", refusals.count());
            }
            event(c.proc, EventKind.REFUSED, null, data);
        }
        disconnect(c);
    }

    private void disconnect(Connection c) {
        if (c.closed) {
            return;
        }
        closeQuietly(c);
        if (!c.authenticated()) {
            pending.remove(c);
        }
        ProcRecord proc = c.proc;
        objects.values().forEach(Primitive::dropDeadWaiters);
        if (proc != null) {
            steps.drop(proc);
            proc.connected = false;
            event(proc, EventKind.DISCONNECT, null, Map.of());
            // Gone before it ever waited: it no longer holds the clock.
            releaseClock(proc.id, null);
        }
    }

    private static void closeQuietly(Connection c) {
        c.closed = true;
        c.key.cancel();
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    // ------------------------------------------------------------------ process bookkeeping

    void exited(ProcRecord proc, Long exitCode, String how) {
        if (proc == null || proc.exited) {
            return;
        }
        if (stopping && exitCode != null && exitCode == KILLED_EXIT_CODE) {
            how = KILLED_BY_STOP;
        }
        proc.exited = true;
        steps.drop(proc);
        proc.exitCode = exitCode;
        proc.state = "exited";
        proc.blockedOn = null;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exitcode", exitCode);
        data.put("how", how);
        event(proc, EventKind.EXIT, null, data);
        releaseClock(proc.id, null);
        Joins.childExited(proc);
        for (Primitive p : new ArrayList<>(objects.values())) {
            p.processExited(proc.id, proc.pid, proc.name);
        }
    }

    long register(Primitive primitive) {
        objects.put(primitive.id(), primitive);
        return primitive.id();
    }

    long nextObjectId() {
        return nextObjectId++;
    }

    ScenarioClock clock() {
        return clock;
    }
}
