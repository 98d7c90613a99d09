package dev.procession.supervisor;

import dev.procession.events.EventKind;
import dev.procession.events.EventLog;
import dev.procession.hub.HeldStep;
import dev.procession.hub.Hub;
import dev.procession.hub.ProcInfo;
import dev.procession.runtime.ExitCodes;
import dev.procession.runtime.Launcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of a program: its private folder, its hub and event log, its main process and every
 * process below it. The supervisor's commands act on real PIDs; {@link #close()} leaves none.
 */
public final class Run implements AutoCloseable {
    private static final Duration SAMPLE_PERIOD = Duration.ofMillis(200);
    private static final long EXIT_POLL_NANOS = Duration.ofMillis(2).toNanos();

    private final Path dir;
    private final EventLog log;
    private final Hub hub;
    private final java.lang.Process main;
    private final long mainProcId;
    private final CompletableFuture<Long> finished = new CompletableFuture<>();
    private final Set<Long> orphans = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sampler;
    private boolean closed;
    private final LoggedPids runPids;
    /** Touched by the sampler thread only. */
    private final UsageSampler usage = new UsageSampler();
    /** Kills the run's processes if this JVM dies without closing it; empty where there is none. */
    private final Optional<RunWatchdog> watchdog;

    private Run(Path dir, EventLog log, Hub hub, java.lang.Process main, long mainProcId,
            Optional<RunWatchdog> watchdog) {
        this.dir = dir;
        this.watchdog = watchdog;
        this.log = log;
        this.hub = hub;
        this.main = main;
        this.mainProcId = mainProcId;
        this.runPids = new LoggedPids(log);
        this.sampler = Executors.newSingleThreadScheduledExecutor(r ->
                Thread.ofPlatform().name("procession-sampler").daemon(true).unstarted(r));
    }

    /** Starts {@code program}'s main target with {@code parameters} as its one argument. */
    public static Run start(String program, Map<String, Object> parameters, double speed, EventLog log)
            throws IOException {
        return start(program, parameters, speed, log, false);
    }

    /**
     * Starts {@code program} in step mode: the hub holds the main program's first step already
     * (see {@link #setStepMode}).
     */
    public static Run startInStepMode(String program, Map<String, Object> parameters, double speed, EventLog log)
            throws IOException {
        return start(program, parameters, speed, log, true);
    }

    private static Run start(String program, Map<String, Object> parameters, double speed, EventLog log,
                             boolean stepMode) throws IOException {
        return start(RunHeader.of(program, parameters, speed), speed, log, stepMode,
                hub -> hub.registerMain(program, parameters),
                (hub, dir, mainId) -> Launcher.start(hub.socketPath(), hub.token(), mainId, dir, program, "MainProcess"));
    }

    /**
     * Starts the user's python3 program as the main process (docs/python.md): its multiprocessing
     * objects are the hub's, its processes real CPython processes in the same tree.
     */
    public static Run startPython(PythonProgram program, double speed, EventLog log) throws IOException {
        return startPython(program, speed, log, false);
    }

    /** As {@link #startPython(PythonProgram, double, EventLog)}, in step mode from its first step when {@code stepMode}. */
    public static Run startPython(PythonProgram program, double speed, EventLog log, boolean stepMode)
            throws IOException {
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        parameters.put("script", program.script().toString());
        parameters.put("args", program.args());
        return start(RunHeader.ofPython(program, parameters, speed), speed, log, stepMode,
                hub -> hub.registerMain(RunHeader.PYTHON, parameters),
                (hub, dir, mainId) -> PythonLauncher.start(hub.socketPath(), hub.token(), mainId, dir, program));
    }

    /** How a run's main process is started, once its hub knows it as {@code mainId}. */
    private interface MainLauncher {
        java.lang.Process start(Hub hub, Path dir, long mainId) throws IOException;
    }

    private static Run start(Map<String, Object> header, double speed, EventLog log, boolean stepMode,
                             java.util.function.ToLongFunction<Hub> registerMain, MainLauncher launcher)
            throws IOException {
        // The header comes first: a reader of the log learns what runs before anything happens.
        log.append(0, 0, null, EventKind.RUN, null, header);
        Path dir = RunDirectory.create();
        Hub hub = Hub.start(dir, log, speed);
        // Before the first process, so that none can outlive this JVM.
        Optional<RunWatchdog> watchdog = RunWatchdog.start(hub.token(), dir);
        java.lang.Process main = null;
        try {
            long mainId = registerMain.applyAsLong(hub);
            if (stepMode) {
                hub.setStepMode(true);
            }
            main = launcher.start(hub, dir, mainId);
            Run run = new Run(dir, log, hub, main, mainId, watchdog);
            run.begin();
            return run;
        } catch (IOException | RuntimeException e) {
            // A start that fails half-way (the JVM shutting down, say) leaves no main program behind.
            if (main != null) {
                main.destroyForcibly();
            }
            watchdog.ifPresent(RunWatchdog::close);
            hub.close();
            RunDirectory.delete(dir);
            throw e;
        }
    }

    private void begin() {
        hub.spawnedMain(mainProcId, main.pid(), ProcessHandle.current().pid());
        main.onExit().thenAccept(p -> {
            long code = ExitCodes.fromJava(p.exitValue());
            try {
                hub.reportExit(mainProcId, code, "reaped by supervisor");
            } finally {
                // Whatever the hub's state, whoever waits for the run must learn that it ended.
                finished.complete(code);
            }
        });
        sampler.scheduleWithFixedDelay(this::sample, SAMPLE_PERIOD.toMillis(), SAMPLE_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- properties

    public EventLog log() {
        return log;
    }

    public Hub hub() {
        return hub;
    }

    /** The run's private folder; shared files such as the tickets database live here. */
    public Path dir() {
        return dir;
    }

    public long mainPid() {
        return main.pid();
    }

    /** Completes with the main process's exit code when it ends. */
    public CompletableFuture<Long> finished() {
        return finished;
    }

    /** Every process of the run with what the hub and the OS say of it now. */
    public List<ProcessNode> processes() {
        List<ProcessNode> nodes = new ArrayList<>();
        for (ProcInfo p : hub.processes()) {
            if (p.pid() == 0) {
                continue;
            }
            Optional<ProcStat> stat = p.exited() ? Optional.empty() : ProcFs.read(p.pid());
            nodes.add(new ProcessNode(p.id(), p.name(), p.pid(), p.ppid(),
                    stat.map(ProcStat::ppid).orElse(0L), stat.map(ProcStat::state).orElse('-'), p.daemon(),
                    p.state(), p.blockedOn(), p.exitCode(), p.exited(), orphans.contains(p.id()),
                    stat.map(ProcStat::cpuSeconds).orElse(0.0), stat.map(ProcStat::rssBytes).orElse(0L)));
        }
        return nodes;
    }

    /** PIDs of the run's processes still alive in the OS, including any not yet known to the hub. */
    public Set<Long> livePids() {
        Set<Long> pids = new LinkedHashSet<>();
        if (main.isAlive()) {
            pids.add(main.pid());
        }
        List<ProcInfo> known;
        try {
            known = hub.processes();
        } catch (IllegalStateException hubGone) {
            // The hub is closed or stuck: the OS tree below the main process still tells.
            known = List.of();
        }
        for (ProcInfo p : known) {
            // An exited process's pid may already belong to someone else: never count it.
            if (p.pid() > 0 && !p.exited()
                    && ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                pids.add(p.pid());
            }
        }
        for (Long pid : List.copyOf(pids)) {
            addDescendants(pid, pids);
        }
        return pids;
    }

    private static void addDescendants(long pid, Set<Long> into) {
        for (Long child : ProcFs.children(pid)) {
            if (into.add(child)) {
                addDescendants(child, into);
            }
        }
    }

    // ---------------------------------------------------------------- commands

    /** SIGSTOP to one process: its children keep running (see {@link #pauseTree}). */
    public void pause(long pid) {
        signal(pid, Signal.STOP, "pause");
    }

    public void resume(long pid) {
        signal(pid, Signal.CONT, "resume");
    }

    /** Pauses a process and everything below it, parents first so none can start a new child. */
    public void pauseTree(long pid) {
        for (long p : subtree(pid)) {
            signal(p, Signal.STOP, "pause");
        }
    }

    public void resumeTree(long pid) {
        for (long p : subtree(pid).reversed()) {
            signal(p, Signal.CONT, "resume");
        }
    }

    public void terminate(long pid) {
        signal(pid, Signal.TERM, "terminate");
    }

    public void kill(long pid) {
        signal(pid, Signal.KILL, "kill");
    }

    /** Marks a running process daemonic: a Procession extension (Python refuses it after start). */
    public void setDaemon(long pid, boolean daemon) {
        hub.setDaemon(procId(pid), daemon);
        // Python's exit handling terminates daemonic children before it joins the others; a child
        // made a daemon while its parent already joins it there is terminated as it would have been.
        if (daemon && runPids.parentInExitHandling(pid)) {
            signal(pid, Signal.TERM, "terminate", Map.of("note",
                    "made a daemon during its parent's exit handling, which terminates daemonic children"));
        }
    }

    /** Frees a lock or semaphore that a dead process left held. */
    public void forceRelease(String ref) {
        hub.forceRelease(ref);
    }

    public void setSpeed(double speed) {
        hub.setSpeed(speed);
    }

    /**
     * Step mode on: the hub holds every step (a call that can block or touches shared state, a
     * sleep, a file read or write) before it is carried out, until {@link #step} lets it go. Off:
     * every held call goes, oldest first, and the run runs freely again. Any time, mid-run too.
     */
    public void setStepMode(boolean on) {
        hub.setStepMode(on);
    }

    public boolean stepMode() {
        return hub.stepMode();
    }

    /** The held calls, oldest first. */
    public List<HeldStep> pending() {
        return hub.heldSteps();
    }

    /** Lets the oldest held call go; false when none is held. */
    public boolean step() {
        return hub.step();
    }

    /** Lets the held call of the process {@code pid} go; false when it has none held. */
    public boolean step(long pid) {
        return hub.step(pid);
    }

    private void signal(long pid, Signal signal, String action) {
        signal(pid, signal, action, Map.of());
    }

    private void signal(long pid, Signal signal, String action, Map<String, Object> more) {
        requireOwn(pid);
        Signals.send(pid, signal);
        Map<String, Object> data = new java.util.LinkedHashMap<>(more);
        data.put("signal", "SIG" + signal.name());
        data.put("action", action);
        data.put("by", "supervisor");
        hub.recordControl(pid, EventKind.SIGNAL, data);
    }

    private List<Long> subtree(long pid) {
        requireOwn(pid);
        Set<Long> all = new LinkedHashSet<>();
        all.add(pid);
        addDescendants(pid, all);
        return new ArrayList<>(all);
    }

    private void requireOwn(long pid) {
        // The log's own list first: walking /proc for the whole tree costs most of a millisecond,
        // as much as the pause it would guard.
        if (!runPids.contains(pid) && !livePids().contains(pid)) {
            throw new IllegalArgumentException("pid " + pid + " is not a live process of this run");
        }
    }

    private long procId(long pid) {
        return hub.processes().stream().filter(p -> p.pid() == pid).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pid " + pid + " is not a process of this run"))
                .id();
    }

    // ---------------------------------------------------------------- watching

    /** Records what every live process uses, marks orphans and records exits no parent is left to report. */
    private void sample() {
        try {
            List<ProcInfo> infos = hub.processes();
            recordUsage(infos);
            for (ProcInfo p : infos) {
                if (p.pid() == 0 || p.exited()) {
                    continue;
                }
                Optional<ProcStat> stat = ProcFs.read(p.pid());
                boolean alive = stat.isPresent() && stat.get().state() != 'Z';
                boolean parentGone = p.ppid() != 0 && ProcessHandle.of(p.ppid()).map(h -> !h.isAlive()).orElse(true);
                if (alive && parentGone && orphans.add(p.id())) {
                    hub.recordControl(p.pid(), EventKind.ORPHAN, Map.of("deadParent", p.ppid(),
                            "note", "its parent ended first; the kernel re-parented it"));
                }
                if (!alive && parentGone && p.id() != mainProcId) {
                    hub.reportExit(p.id(), null, "ended as an orphan: no parent was left to read its exit code");
                }
            }
        } catch (RuntimeException e) {
            // Sampling races with exits by nature; the next sample sees the settled state.
        }
    }

    /** The {@code sample} event: one entry per live process of the run, recorded in the hub's order. */
    private void recordUsage(List<ProcInfo> infos) {
        Set<Long> pids = new LinkedHashSet<>();
        if (main.isAlive()) {
            // Before its hello the hub does not know the main process's pid yet.
            pids.add(main.pid());
        }
        infos.stream().filter(p -> p.pid() > 0 && !p.exited()).forEach(p -> pids.add(p.pid()));
        hub.recordRun(EventKind.SAMPLE, Map.of("procs", usage.sample(pids)));
    }

    // ---------------------------------------------------------------- teardown

    /**
     * Stops the run: every process of it is killed (SIGKILL, stopped ones too) and reaped. The hub
     * refuses new processes from the first moment, and the killing goes on until none is left, so
     * a child whose start was under way when the stop began cannot slip through.
     */
    public void stop() {
        // A stop that finds the main program still running interrupts the run, and the log says
        // so even when every process ends by itself meanwhile (main, refused a new child, raises).
        boolean interrupting = !finished.isDone();
        boolean hubAnswers = tell(hub::beginStop);
        Set<Long> killed = new LinkedHashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        // The tree first, at once, as it is quick to find; then whatever else carries the token.
        Set<Long> tree = withoutZombies(livePids());
        for (Set<Long> pids = tree.isEmpty() ? runProcesses() : tree;
                !pids.isEmpty() && System.nanoTime() < deadline; pids = runProcesses()) {
            for (long pid : pids) {
                try {
                    Signals.send(pid, Signal.KILL);
                    killed.add(pid);
                } catch (SignalException e) {
                    // Already gone.
                }
            }
            awaitExits(pids, deadline);
        }
        // Every process that started gets its exit before the hub closes, so none lives on in a replay.
        if (!(hubAnswers && tell(() -> hub.endStop(killed, interrupting))) && (interrupting || !killed.isEmpty())) {
            log.append(0, 0, null, EventKind.STOPPED, null, Map.of("killed", List.copyOf(killed)));
        }
    }

    /** The run's live processes: the tree the hub knows, and any process carrying the run's token. */
    private Set<Long> runProcesses() {
        Set<Long> pids = livePids();
        pids.addAll(ProcFs.withEnvironment(Launcher.ENV_TOKEN + "=" + hub.token()));
        return withoutZombies(pids);
    }

    private static Set<Long> withoutZombies(Set<Long> pids) {
        pids.removeIf(pid -> !ProcFs.living(pid));
        return pids;
    }

    /**
     * Looks every few milliseconds: {@code ProcessHandle.onExit()} of a process that is not our
     * child (the main program's children) polls from 300 ms up, which made a Stop take seconds.
     */
    private static void awaitExits(Set<Long> pids, long deadline) {
        while (pids.stream().anyMatch(ProcFs::living) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(EXIT_POLL_NANOS);
        }
    }

    /** Asks the hub; false when it is closed or stuck (the stop goes on without it). */
    private static boolean tell(Runnable request) {
        try {
            request.run();
            return true;
        } catch (IllegalStateException hubGone) {
            return false;
        }
    }

    /**
     * Stops the run and frees its folder and hub. Safe from any thread and more than once: a
     * second caller (a Ctrl-C hook racing the main thread) returns only when the run is closed.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The killing first: on a loaded machine a sample under way may take a while. The hub
        // drops a sample that reaches it once the stop began, so none is recorded after the stop.
        sampler.shutdownNow();
        stop();
        try {
            sampler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            finished.get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // The main process was killed in stop(); its exit may already be recorded.
        }
        hub.close();
        RunDirectory.delete(dir);
        watchdog.ifPresent(RunWatchdog::close);
    }
}
