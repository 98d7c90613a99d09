package dev.procession.runtime;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Python's {@code multiprocessing} module is to a program: one per process, handed to
 * every target. It makes primitives and processes, sleeps on the run's scenario clock and
 * prints to the process's console lane.
 */
public final class Mp {
    private final HubClient client;
    private final Targets targets;
    private final String program;
    private final String name;
    private final Path runDir;
    private final Path socket;
    private final String token;
    private final List<Process> children = new ArrayList<>();
    private final Map<String, Consumer<Map<String, Object>>> pushHandlers = new ConcurrentHashMap<>();
    private PoolCallbacks poolCallbacks;
    private final Deque<Runnable> atExit = new ArrayDeque<>();
    private final AtomicLong childCounter = new AtomicLong();
    /** Items of unbounded queues handed to this process ahead of its gets, by queue id. */
    private final Map<Long, Prefetched> prefetched = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile double speed;
    private long procId = -1;
    private boolean daemon;
    private List<Long> identity = List.of();
    private boolean rebuildingSelf;
    private String parentName;
    private Process self;

    Mp(HubClient client, Targets targets, String program, String name, Path runDir, Path socket, String token,
       double speed) {
        this.client = client;
        this.targets = targets;
        this.program = program;
        this.name = name;
        this.runDir = runDir;
        this.socket = socket;
        this.token = token;
        this.speed = speed;
        onPush("speed", m -> {
            if (m.get("speed") instanceof Number n) {
                this.speed = n.doubleValue();
            }
        });
        onPush("revoke", m -> {
            if (m.get("obj") instanceof Long queue) {
                prefetched(queue).revoke(client);
            }
        });
        client.onPush(m -> {
            Consumer<Map<String, Object>> handler = pushHandlers.get(String.valueOf(m.get("push")));
            if (handler != null) {
                handler.accept(m);
            }
        });
    }

    // ---- this process

    /** current_process().name */
    public String name() {
        return name;
    }

    public long pid() {
        return ProcessHandle.current().pid();
    }

    public long ppid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
    }

    /** current_process(): this process, with its name, pid, daemon flag and is_alive(). */
    public synchronized Process currentProcess() {
        if (self == null) {
            self = new Process(this);
        }
        return self;
    }

    /** parent_process(): the parent's name and pid, or null in the main program (as Python's None). */
    public ParentProcess parentProcess() {
        return parentName == null ? null : new ParentProcess(parentName, ppid());
    }

    /** active_children(): this process's children that are still alive (their reaper has not seen them end). */
    public List<Process> activeChildren() {
        return children().stream().filter(Process::isAlive).toList();
    }

    /**
     * cpu_count(): the CPUs this JVM may use. Python's os.cpu_count() counts every CPU of the
     * machine even where the process is limited to fewer (a container, taskset); this counts those
     * it can run on, which is what a Pool's size should follow.
     */
    public int cpuCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** current_process().daemon: the flag this process was started with. */
    public boolean daemon() {
        return daemon;
    }

    /** The run's folder: shared files (the tickets database) live here. */
    public Path runDir() {
        return runDir;
    }

    /**
     * Says which line of the scenario's Python listing this process is at, by the marker that
     * line carries ({@code e.wait()  # @wait} for {@code mp.at("wait")}); its next events carry
     * the line's number. The listing is read once per process, on the first call.
     */
    public void at(String marker) {
        client.line(targets.lineOf(marker));
    }

    /** Marks a line by its number: for the runtime's test programs, which have no listing. */
    void line(int line) {
        client.line(line);
    }

    /** time.sleep, on the run's scenario clock. */
    public void sleep(double seconds) {
        if (seconds < 0) {
            throw new MpException("ValueError", "sleep length must be non-negative");
        }
        client.call("sleep", Map.of("seconds", seconds));
    }

    /** print(*parts): to this process's console lane. */
    public void print(Object... parts) {
        StringJoiner line = new StringJoiner(" ");
        for (Object part : parts) {
            line.add(Values.str(part));
        }
        client.call("print", Map.of("text", line.toString()));
    }

    /** sys.exit(code): ends this process's code with that exit code (0..127). */
    public void exit(int code) {
        if (code < 0 || code > 127) {
            throw new MpException("ValueError", "exit codes of Procession processes are 0..127, got " + code);
        }
        throw new ExitRequest(code);
    }

    /** Records an event of this process that the hub cannot see, such as a file read. */
    public void record(String kind, String ref, Map<String, Object> data) {
        Map<String, Object> m = new LinkedHashMap<>(data);
        m.put("kind", kind);
        if (ref != null) {
            m.put("ref", ref);
        }
        client.call("log", m);
    }

    // ---- processes

    /** Process(target=name, args=(...)) */
    public Process process(String target, Object... args) {
        return new Process(this, args, target);
    }

    // ---- primitives

    public Lock lock() {
        return lock(null);
    }

    public Lock lock(String name) {
        return new Lock(this, create("Lock", name, Map.of()));
    }

    public RLock rlock() {
        return rlock(null);
    }

    public RLock rlock(String name) {
        return new RLock(this, create("RLock", name, Map.of()));
    }

    public Semaphore semaphore(int value) {
        return semaphore(null, value);
    }

    public Semaphore semaphore(String name, int value) {
        return new Semaphore(this, create("Semaphore", name, Map.of("value", (long) value)), "Semaphore");
    }

    public Semaphore boundedSemaphore(int value) {
        return boundedSemaphore(null, value);
    }

    public Semaphore boundedSemaphore(String name, int value) {
        return new Semaphore(this, create("BoundedSemaphore", name, Map.of("value", (long) value)),
                "BoundedSemaphore");
    }

    public Event event() {
        return event(null);
    }

    public Event event(String name) {
        return new Event(this, create("Event", name, Map.of()));
    }

    /** Condition(): with its own RLock. */
    public Condition condition() {
        return condition(null, null);
    }

    /** Condition(lock): on a Lock or RLock the program already has. */
    public Condition condition(Lock lock) {
        return condition(null, lock);
    }

    /** A named Condition; a null lock means a new RLock, named after the condition. */
    public Condition condition(String name, Lock lock) {
        Lock own = lock != null ? lock : rlock(name == null ? null : name + ".lock");
        return new Condition(this, create("Condition", name, Map.of("lock", own.id())));
    }

    public Barrier barrier(int parties) {
        return barrier(null, parties, null);
    }

    /** Barrier(parties, timeout=timeout): the default timeout of its waits, in scenario seconds. */
    public Barrier barrier(String name, int parties, Double timeout) {
        return barrier(name, parties, timeout, null);
    }

    /**
     * Barrier(parties, action, timeout): {@code action} names a target of this program that the
     * last process to arrive runs, with {@code actionArgs}, before any of them goes on.
     */
    public Barrier barrier(String name, int parties, Double timeout, String action, Object... actionArgs) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("parties", (long) parties);
        if (timeout != null) {
            params.put("timeout", timeout);
        }
        if (action != null) {
            if (!targets.hasTarget(action)) {
                throw new MpException("ValueError", "no target '" + action + "' in this program for the barrier's action");
            }
            params.put("action", action);
            params.put("actionArgs", Values.encode(actionArgs == null ? new Object[0] : actionArgs));
        }
        return new Barrier(this, create("Barrier", name, params));
    }

    // ---- shared ctypes (multiprocessing.Value and Array), served by the hub

    /** Value(typecode): the C type's zero, with a new RLock. */
    public SharedValue value(String typecode) {
        return sharedValue(null, typecode, false, null, true);
    }

    /** Value(typecode, initial), with a new RLock. */
    public SharedValue value(String typecode, Object initial) {
        return sharedValue(null, typecode, true, initial, true);
    }

    /** Value(typecode, initial, lock=True or False). */
    public SharedValue value(String typecode, Object initial, boolean lock) {
        return sharedValue(null, typecode, true, initial, lock);
    }

    /** Value(typecode, initial, lock=lock): guarded by a lock (or semaphore) the program has. */
    public SharedValue value(String typecode, Object initial, Acquirable lock) {
        return sharedValue(null, typecode, true, initial, lock);
    }

    /**
     * A named Value; {@code lock} as Python's: true or null for a new RLock (named name.lock),
     * false for none, or a Lock, RLock, Semaphore or Condition.
     */
    public SharedValue value(String name, String typecode, Object initial, Object lock) {
        return sharedValue(name, typecode, true, initial, lock);
    }

    /** RawValue(typecode, initial): a Value without a lock. */
    public SharedValue rawValue(String typecode, Object initial) {
        return value(typecode, initial, false);
    }

    /** Array(typecode, size_or_initializer): a size gives that many zeros; else a list, bytes or str. */
    public SharedArray array(String typecode, Object sizeOrInitializer) {
        return array(null, typecode, sizeOrInitializer, true);
    }

    public SharedArray array(String typecode, Object sizeOrInitializer, boolean lock) {
        return array(null, typecode, sizeOrInitializer, lock);
    }

    public SharedArray array(String typecode, Object sizeOrInitializer, Acquirable lock) {
        return array(null, typecode, sizeOrInitializer, lock);
    }

    /** A named Array; {@code lock} as for {@link #value(String, String, Object, Object)}. */
    public SharedArray array(String name, String typecode, Object sizeOrInitializer, Object lock) {
        Map<String, Object> params = sharedParams(typecode, lock);
        params.put("init", Values.encode(SharedArray.itemsOf(sizeOrInitializer)));
        Map<?, ?> reply = createReply("Array", name, params);
        return new SharedArray(this, objectId(reply, 0), guard(reply, lock));
    }

    /** RawArray(typecode, size_or_initializer): an Array without a lock. */
    public SharedArray rawArray(String typecode, Object sizeOrInitializer) {
        return array(typecode, sizeOrInitializer, false);
    }

    private SharedValue sharedValue(String name, String typecode, boolean given, Object initial, Object lock) {
        Map<String, Object> params = sharedParams(typecode, lock);
        if (given) {
            params.put("value", Values.encode(initial));
        }
        Map<?, ?> reply = createReply("Value", name, params);
        return new SharedValue(this, objectId(reply, 0), guard(reply, lock));
    }

    /**
     * The typecode, and the lock as Python chooses it: true or None for a new RLock (the hub
     * makes it, once the value is known to be good), false for none, or a lock of the program.
     */
    private static Map<String, Object> sharedParams(String typecode, Object lock) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("typecode", typecode);
        params.put("lock", switch (lock) {
            case null -> true;
            case Boolean b -> b;
            case Acquirable a -> a.id();
            default -> throw new MpException("AttributeError", Values.repr(lock) + " has no method 'acquire'");
        });
        return params;
    }

    /** The lock of a new Value or Array: the program's, or the RLock the hub made with it (null for none). */
    private Acquirable guard(Map<?, ?> reply, Object lock) {
        if (lock instanceof Acquirable given) {
            return given;
        }
        return reply.get("objs") == null ? null : new RLock(this, objectId(reply, 1));
    }

    /** The id of the n-th object a {@code new} made. */
    private static long objectId(Map<?, ?> reply, int n) {
        Object id = n == 0 ? reply.get("obj") : ((List<?>) reply.get("objs")).get(n);
        return ((Number) id).longValue();
    }

    // ---- managers and pools

    /** Manager(): starts a real server process (SyncManager-N) that holds shared dicts, lists and values. */
    public Manager manager() {
        return Manager.start(this);
    }

    /** Pool(processes): starts that many real worker processes (SpawnPoolWorker-N). */
    /** Pool(): as many workers as {@link #cpuCount()}, as Python's Pool() with no size. */
    public Pool pool() {
        return pool(cpuCount());
    }

    public Pool pool(int processes) {
        return Pool.start(this, processes);
    }

    /** Queue(): unbounded. */
    public Queue queue() {
        return queue(null, 0);
    }

    /** Queue(maxsize): maxsize <= 0 means unbounded, as in Python. */
    public Queue queue(int maxsize) {
        return queue(null, maxsize);
    }

    public Queue queue(String name, int maxsize) {
        return new Queue(this, create("Queue", name, Map.of("maxsize", (long) maxsize)), "Queue", (long) maxsize);
    }

    public JoinableQueue joinableQueue() {
        return joinableQueue(null, 0);
    }

    public JoinableQueue joinableQueue(int maxsize) {
        return joinableQueue(null, maxsize);
    }

    public JoinableQueue joinableQueue(String name, int maxsize) {
        return new JoinableQueue(this, create("JoinableQueue", name, Map.of("maxsize", (long) maxsize)),
                (long) maxsize);
    }

    /** Pipe(): two ends that both send and receive. */
    public Pipe pipe() {
        return pipe(null, true);
    }

    /** Pipe(duplex): with duplex false the first end only receives and the second only sends. */
    public Pipe pipe(boolean duplex) {
        return pipe(null, duplex);
    }

    /** Pipe(duplex), its ends named name[0] and name[1] in the event log. */
    public Pipe pipe(String name, boolean duplex) {
        List<?> ends = (List<?>) createReply("Pipe", name, Map.of("duplex", duplex)).get("objs");
        return new Pipe(new Connection(this, ((Number) ends.get(0)).longValue(), true, duplex),
                new Connection(this, ((Number) ends.get(1)).longValue(), duplex, true));
    }

    /** Creates a primitive in the hub and returns its id. */
    long create(String type, String name, Map<String, Object> params) {
        return ((Number) createReply(type, name, params).get("obj")).longValue();
    }

    private Map<?, ?> createReply(String type, String name, Map<String, Object> params) {
        Map<String, Object> m = new LinkedHashMap<>(params);
        m.put("type", type);
        if (name != null) {
            m.put("name", name);
        }
        return (Map<?, ?>) client.call("new", m);
    }

    // ---- for the runtime

    HubClient client() {
        return client;
    }

    Prefetched prefetched(long queueId) {
        return prefetched.computeIfAbsent(queueId, Prefetched::new);
    }

    Targets targets() {
        return targets;
    }

    String program() {
        return program;
    }

    Path socket() {
        return socket;
    }

    String token() {
        return token;
    }

    double speed() {
        return speed;
    }

    /** The runner of this process's pool callbacks, made with its first pool that needs one. */
    synchronized PoolCallbacks poolCallbacks() {
        if (poolCallbacks == null) {
            poolCallbacks = new PoolCallbacks(this);
        }
        return poolCallbacks;
    }

    /** Handles the hub's pushes of one kind ("speed", "manager") on the reader thread. */
    void onPush(String kind, Consumer<Map<String, Object>> handler) {
        pushHandlers.put(kind, handler);
    }

    /**
     * Runs {@code action} when this process's code ends, before its children are joined, as
     * Python's finalizers shut managers down and terminate pools at exit. Latest first.
     */
    synchronized void atExit(Runnable action) {
        atExit.push(action);
    }

    /** What the hub's spec says of this process: its id, daemon flag and place in the tree. */
    void bindParent(String parentName) {
        this.parentName = parentName;
    }

    void bindSelf(long procId, boolean daemon, List<Long> identity, boolean rebuildingSelf) {
        this.procId = procId;
        this.daemon = daemon;
        this.identity = List.copyOf(identity);
        this.rebuildingSelf = rebuildingSelf;
    }

    long procId() {
        return procId;
    }

    List<Long> identity() {
        return identity;
    }

    /**
     * Python's _identity of a new child: this process's identity plus a counter of the Process
     * objects it created, which names it ("Process-2", "Process-1:3") before it starts.
     */
    List<Long> nextChildIdentity() {
        List<Long> id = new ArrayList<>(identity);
        id.add(childCounter.incrementAndGet());
        return List.copyOf(id);
    }

    /**
     * True once, in a child started from a Process subclass, for the object the child rebuilds of
     * itself: that object is the running process (Python unpickles it; it is not a new child).
     */
    synchronized boolean claimSelf() {
        boolean self = rebuildingSelf;
        rebuildingSelf = false;
        return self;
    }

    synchronized void adopt(Process child) {
        children.add(child);
    }

    synchronized List<Process> children() {
        return List.copyOf(children);
    }

    /**
     * What Python does when a process's code ends: managers shut down and pools terminated,
     * daemonic children terminated, the others joined. The hub is asked whether each is
     * daemonic, since the app may have changed it.
     */
    void finish() {
        client.beginExitHandling();
        RuntimeException failed = null;
        Runnable action;
        while ((action = nextAtExit()) != null) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // One finalizer failing must not leave the others (or the joins below) undone.
                failed = failed == null ? e : failed;
            }
        }
        for (Process child : children()) {
            if (child.isAlive() && child.daemonNow()) {
                child.terminate();
            }
        }
        // As Python joins its active_children(): those already reaped are not joined again.
        for (Process child : children()) {
            if (!child.reaped()) {
                child.join();
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private synchronized Runnable nextAtExit() {
        return atExit.poll();
    }

    /** Thrown by {@link #exit(int)} to unwind the process's code. */
    static final class ExitRequest extends RuntimeException {
        final int code;

        ExitRequest(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
