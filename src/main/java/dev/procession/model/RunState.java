package dev.procession.model;

import dev.procession.events.Event;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole run as its event log tells it up to one event: every process and every primitive.
 * Immutable: {@link #apply} returns a new state and shares every part the event did not touch,
 * so a view can tell what changed by comparing references, and a replay can keep old states.
 *
 * @param seq       the last event folded in (0 before any)
 * @param micros    its time, in microseconds since the run began
 * @param processes by pid, in order of first appearance
 * @param primitives by reference ("Lock#3"), in order of creation
 * @param tickets   the count last written to the tickets database, or null if none was
 * @param exitCode  the main program's exit code once it ended, else null
 * @param stopped   the supervisor stopped the run (killing what was left)
 * @param scenarioSeconds time on the run's scenario clock: real time times the speed in force,
 *                  while the clock runs
 * @param clockRunning false while the scenario clock stands still for a starting process
 * @param steps     step mode: on or off, and the calls it holds
 * @param deadlock  the cycle of waits of the last {@code deadlock} event while it still stands, else null
 */
public record RunState(long seq, long micros, RunHeader header, double speed, Map<Long, ProcState> processes,
                       Map<String, PrimitiveState> primitives, Long tickets, Long exitCode, boolean stopped,
                       double scenarioSeconds, boolean clockRunning, Steps steps, WaitCycle deadlock) {

    public static final RunState EMPTY = new RunState(0, 0, RunHeader.UNKNOWN, 1, Map.of(), Map.of(), null, null,
            false, 0, true, Steps.NONE, null);

    /** Folds a whole log from the start. */
    public static RunState of(List<Event> events) {
        RunState s = EMPTY;
        for (Event e : events) {
            s = s.apply(e);
        }
        return s;
    }

    /** The state after {@code e}, the next event of the log. */
    public RunState apply(Event e) {
        return Fold.apply(this, e);
    }

    public ProcState process(long pid) {
        return processes.get(pid);
    }

    public PrimitiveState primitive(String ref) {
        return primitives.get(ref);
    }

    /** The main program: the process the supervisor started. */
    public ProcState main() {
        return processes.values().stream().filter(p -> "main".equals(p.role())).findFirst().orElse(null);
    }

    public List<ProcState> live() {
        return processes.values().stream().filter(ProcState::alive).toList();
    }

    /** The primitives of one type ("Lock"), in order of creation. */
    public <T extends PrimitiveState> List<T> primitives(Class<T> type) {
        return primitives.values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public boolean finished() {
        return exitCode != null || stopped;
    }

    RunState with(Map<Long, ProcState> procs, Map<String, PrimitiveState> prims) {
        return new RunState(seq, micros, header, speed, procs, prims, tickets, exitCode, stopped, scenarioSeconds,
                clockRunning, steps, deadlock);
    }

    /** The run begun: its header, and the speed the header gives. */
    RunState withHeader(RunHeader h) {
        return new RunState(seq, micros, h, h.speed(), processes, primitives, tickets, exitCode, stopped,
                scenarioSeconds, clockRunning, steps, deadlock);
    }

    RunState withSpeed(double s) {
        return new RunState(seq, micros, header, s, processes, primitives, tickets, exitCode, stopped, scenarioSeconds,
                clockRunning, steps, deadlock);
    }

    RunState withTickets(long count) {
        return new RunState(seq, micros, header, speed, processes, primitives, count, exitCode, stopped,
                scenarioSeconds, clockRunning, steps, deadlock);
    }

    RunState withExitCode(long code) {
        return new RunState(seq, micros, header, speed, processes, primitives, tickets, code, stopped, scenarioSeconds,
                clockRunning, steps, deadlock);
    }

    RunState withClockRunning(boolean running) {
        return new RunState(seq, micros, header, speed, processes, primitives, tickets, exitCode, stopped,
                scenarioSeconds, running, steps, deadlock);
    }

    RunState asStopped() {
        return new RunState(seq, micros, header, speed, processes, primitives, tickets, exitCode, true,
                scenarioSeconds, clockRunning, steps, deadlock);
    }

    /** Who waits for which lock or semaphore and who holds each, now. */
    public WaitForGraph waitForGraph() {
        return WaitForGraph.of(this);
    }

    RunState withDeadlock(WaitCycle cycle) {
        return cycle == deadlock ? this : new RunState(seq, micros, header, speed, processes, primitives, tickets,
                exitCode, stopped, scenarioSeconds, clockRunning, steps, cycle);
    }

    RunState withSteps(Steps s) {
        return s == steps ? this : new RunState(seq, micros, header, speed, processes, primitives, tickets, exitCode,
                stopped, scenarioSeconds, clockRunning, s, deadlock);
    }

    /**
     * In step mode, whether the run waits for the user's choice alone: some call is held and every
     * live process has a call held, waits for another process, is paused, or serves as a manager's
     * server. A choice made only then lets the same processes run as in any other run of the script.
     */
    public boolean awaitsStep() {
        return steps.on() && !steps.pending().isEmpty() && live().stream().allMatch(this::stillForStep);
    }

    /** In step mode, nothing is held and nothing can move: every live process waits for another. */
    public boolean stuckInStepMode() {
        return steps.on() && steps.pending().isEmpty() && !live().isEmpty() && live().stream().allMatch(
                this::stillForStep);
    }

    private boolean stillForStep(ProcState p) {
        return steps.of(p.pid()) != null || p.paused() || p.activity() == Activity.BLOCKED
                || MANAGER_SERVER.equals(p.role());
    }

    /** A manager's server waits for the calls it serves outside any call of its own. */
    private static final String MANAGER_SERVER = "$manager";

    static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        if (map.get(key) == value) {
            return map;
        }
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
    }
}
