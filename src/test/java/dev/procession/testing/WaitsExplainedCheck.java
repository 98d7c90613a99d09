package dev.procession.testing;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.Activity;
import dev.procession.model.BarrierState;
import dev.procession.model.ConditionState;
import dev.procession.model.FlagState;
import dev.procession.model.LockState;
import dev.procession.model.ManagerState;
import dev.procession.model.PipeEndState;
import dev.procession.model.PoolState;
import dev.procession.model.PrimitiveState;
import dev.procession.model.ProcState;
import dev.procession.model.QueueState;
import dev.procession.model.RunState;
import dev.procession.model.SemaphoreState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault suites' invariant on an event log read while the hub was between two requests: the
 * fold of the log leaves no process waiting for nothing. Every live process the fold shows
 * blocked is on its object's list of waiters, and its wait is explained by the object's state:
 * a Lock held by someone (alive, paused or dead), a Semaphore at 0, an Event not set, an empty
 * Queue or pipe end (a full bounded queue for a putter), a join on a live child, a pool job not
 * finished, a manager's server alive or not yet serving. A lock whose holder has exited must also
 * be marked abandoned. A log cut inside one of the hub's steps (a release logged, the hand-on not
 * yet) can break this: read the log through {@code hub.query}.
 */
public final class WaitsExplainedCheck {
    private WaitsExplainedCheck() {
    }

    /** Fails with every breach of the invariant and the log, if there is any. */
    public static void check(List<Event> events) {
        List<String> breaches = breaches(events);
        if (!breaches.isEmpty()) {
            StringBuilder log = new StringBuilder();
            events.stream().filter(e -> e.kind() != EventKind.SAMPLE && e.kind() != EventKind.RUN)
                    .forEach(e -> log.append(e.toJsonLine()).append('\n'));
            throw new AssertionError("waits the log does not explain:\n  " + String.join("\n  ", breaches)
                    + "\nlog (without samples):\n" + log);
        }
    }

    /** One line per breach; empty when the log is consistent. */
    public static List<String> breaches(List<Event> events) {
        RunState state = RunState.of(events);
        Map<Long, Event> lastWait = new HashMap<>();
        Map<Object, long[]> jobs = new HashMap<>();
        for (Event e : events) {
            switch (e.kind()) {
                case ACQUIRE_WAIT, WAIT, PUT_WAIT, GET_WAIT, RECV_WAIT, JOIN_WAIT, JOIN, PROXY_WAIT ->
                        lastWait.put(e.pid(), e);
                case SUBMIT -> jobs.computeIfAbsent(job(e), j -> new long[2])[0] += number(e.get("tasks"));
                case TASK_DONE, TASK_FAILED -> {
                    if (e.get("job") != null && e.get("task") != null) {
                        jobs.computeIfAbsent(job(e), j -> new long[2])[1]++;
                    }
                }
                default -> { }
            }
        }
        List<String> breaches = new ArrayList<>();
        for (ProcState p : state.processes().values()) {
            if (p.activity() == Activity.BLOCKED) {
                String why = explanation(state, p, lastWait.get(p.pid()), jobs);
                if (why != null) {
                    breaches.add(p.name() + " (pid " + p.pid() + ") blocked on " + p.blockedOn() + ": " + why);
                }
            }
        }
        for (LockState lock : state.primitives(LockState.class)) {
            ProcState holder = lock.holder() == null ? null : state.process(lock.holder());
            if (holder != null && !holder.alive() && !lock.holder().equals(lock.abandonedBy())) {
                breaches.add(lock.ref() + " held by " + holder.name() + ", which exited, but not marked abandoned");
            }
        }
        return breaches;
    }

    /** Null when the wait is explained, else what is wrong with it. */
    private static String explanation(RunState s, ProcState p, Event wait, Map<Object, long[]> jobs) {
        if (wait == null) {
            return "no event says what it waits for";
        }
        long pid = p.pid();
        if (wait.kind() == EventKind.JOIN) {
            ProcState child = s.process(number(wait.get("child")));
            return child != null && child.alive() ? null : "joins a child that is not alive";
        }
        if (wait.kind() == EventKind.PROXY_WAIT) {
            // Before the server serves, the call waits in the manager; after, the server must live to answer.
            ProcState server = wait.get("server") == null ? null : s.process(number(wait.get("server")));
            return wait.get("server") == null || server != null && server.alive() ? null
                    : "waits for an answer from a manager server that is gone";
        }
        PrimitiveState prim = s.primitive(p.blockedOn());
        return switch (prim) {
            case null -> "no such object in the log";
            case LockState l -> !l.waiters().contains(pid) ? "not among its waiters"
                    : l.holder() == null ? "the lock is free" : null;
            case SemaphoreState sem -> !sem.waiters().contains(pid) ? "not among its waiters"
                    : sem.value() > 0 ? "the semaphore's value is " + sem.value() : null;
            case FlagState f -> !f.waiters().contains(pid) ? "not among its waiters" : f.set() ? "the event is set"
                    : null;
            case ConditionState c -> c.waiters().contains(pid) ? null : "not among its waiters";
            case BarrierState b -> !b.waiting().contains(pid) ? "not among its waiters"
                    : b.broken() ? "the barrier is broken" : null;
            case QueueState q -> switch (wait.kind()) {
                case GET_WAIT -> !q.getters().contains(pid) ? "not among its getters"
                        : q.size() > 0 ? "the queue holds " + q.size() + " items" : null;
                case PUT_WAIT -> !q.putters().contains(pid) ? "not among its putters"
                        : !q.bounded() || q.size() < q.maxsize() ? "the queue has room" : null;
                case JOIN_WAIT -> q.unfinished() > 0 ? null : "no task is unfinished";
                default -> "an unexpected wait: " + wait.kind();
            };
            case PipeEndState end -> !end.receivers().contains(pid) ? "not among its receivers"
                    : end.inbox().size() > 0 ? end.inbox().size() + " messages wait for it" : null;
            case PoolState pool -> poolWait(pool, pid, wait, jobs);
            case ManagerState m -> "serving".equals(m.state()) ? "the manager serves already" : null;
            default -> "waits on " + prim.type() + ", which nothing can explain";
        };
    }

    private static String poolWait(PoolState pool, long pid, Event wait, Map<Object, long[]> jobs) {
        if ("next".equals(wait.get("op"))) {
            return !pool.idle().contains(pid) ? "not among the idle workers"
                    : pool.queued() > 0 ? pool.queued() + " tasks are queued" : null;
        }
        long[] job = jobs.get(job(wait));
        return job == null ? "waits for a job never submitted"
                : job[1] >= job[0] ? "its job's " + job[0] + " tasks are all done" : null;
    }

    private static Object job(Event e) {
        return e.obj() + "/" + e.get("job");
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
