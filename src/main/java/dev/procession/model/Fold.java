package dev.procession.model;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The one replayer of the event log: how each kind of event changes a {@link RunState}. */
final class Fold {
    /** A process that logs one of these waits for another process until its call ends. */
    private static final Set<EventKind> BLOCKS = EnumSet.of(EventKind.ACQUIRE_WAIT, EventKind.WAIT,
            EventKind.PUT_WAIT, EventKind.GET_WAIT, EventKind.RECV_WAIT, EventKind.JOIN_WAIT, EventKind.JOIN,
            EventKind.PROXY_WAIT);

    private Fold() {
    }

    static RunState apply(RunState s, Event e) {
        // Scenario time runs at the speed in force since the previous event, unless the clock stood still.
        double elapsed = s.clockRunning() ? Math.max(0, e.micros() - s.micros()) / 1e6 * s.speed() : 0;
        RunState t = new RunState(e.seq(), e.micros(), s.header(), s.speed(), s.processes(), s.primitives(),
                s.tickets(), s.exitCode(), s.stopped(), s.scenarioSeconds() + elapsed, s.clockRunning(), s.steps(),
                s.deadlock());
        t = run(t, e);
        t = t.with(processes(t, e), t.primitives());
        t = t.with(t.processes(), primitives(t, e));
        return t.withDeadlock(deadlock(t, e));
    }

    /** The deadlock a {@code deadlock} event names, kept while its cycle stands (a kill alone does not break it). */
    private static WaitCycle deadlock(RunState t, Event e) {
        WaitCycle cycle = e.kind() == EventKind.DEADLOCK ? WaitCycle.of(e) : t.deadlock();
        return cycle != null && cycle.standsIn(t) ? cycle : null;
    }

    // ---------------------------------------------------------------- the run as a whole

    private static RunState run(RunState s, Event e) {
        return switch (e.kind()) {
            case RUN -> s.withHeader(RunHeader.of(e.data()));
            case SPEED -> s.withSpeed(Details.decimal(e.data(), "speed", s.speed()));
            case CLOCK -> s.withClockRunning(!Boolean.FALSE.equals(e.get("running")));
            case STOPPED -> s.asStopped().withSteps(s.steps().gone(0));
            case STEP_MODE -> s.withSteps(s.steps().turned(Details.flag(e.data(), "on")));
            case STEP_WAIT -> s.withSteps(s.steps().held(e, s.process(e.pid())));
            case STEP -> s.withSteps(s.steps().released(e.pid()));
            case DISCONNECT -> s.withSteps(s.steps().gone(e.pid()));
            case FILE_WRITE -> e.get("count") instanceof Number n ? s.withTickets(n.longValue()) : s;
            case EXIT -> {
                ProcState p = s.process(e.pid());
                boolean main = p != null && "main".equals(p.role());
                RunState t = s.withSteps(s.steps().gone(e.pid()));
                yield main ? t.withExitCode(Details.number(e, "exitcode", -9)) : t;
            }
            default -> s;
        };
    }

    // ---------------------------------------------------------------- processes

    private static Map<Long, ProcState> processes(RunState s, Event e) {
        Map<Long, ProcState> procs = s.processes();
        if (e.kind() == EventKind.SAMPLE) {
            return sampled(procs, e);
        }
        if (e.pid() <= 0) {
            return procs;
        }
        ProcState p = procs.get(e.pid());
        if (p == null) {
            p = ProcState.appeared(procs.size(), e.pid(), e.ppid(), e.proc(), e.micros());
        }
        ProcState before = p;
        p = lined(p, e, s.header());
        p = switch (e.kind()) {
            case SPAWN -> {
                boolean main = "supervisor".equals(e.get("parent"));
                yield p.withIdentity(e.ppid(), e.proc(), main ? "main" : Details.text(e.data(), "target"),
                        Details.flag(e.data(), "daemon"));
            }
            case START -> {
                ProcState q = p.role() == null ? p.withIdentity(e.ppid(), e.proc(),
                        e.get("parent") == null ? "main" : Details.text(e.data(), "target"),
                        Details.flag(e.data(), "daemon")) : p;
                yield q.activity() == Activity.STARTING ? q.withActivity(Activity.RUNNING, null, e.micros()) : q;
            }
            case EXIT -> p.exited(Details.optNumber(e, "exitcode"), Details.text(e.data(), "how"), e.micros());
            case SIGNAL -> switch (String.valueOf(e.get("signal"))) {
                case "SIGSTOP" -> p.withPaused(true);
                case "SIGCONT" -> p.withPaused(false);
                default -> p;
            };
            case DAEMON -> p.withDaemon(Details.flag(e.data(), "daemon"));
            case ORPHAN -> p.asOrphan();
            case SLEEP -> p.withActivity(Activity.SLEEPING, null, e.micros());
            case STEP_WAIT -> p.withActivity(Activity.HELD, null, e.micros());
            case STEP -> p.withActivity(Activity.RUNNING, null, e.micros());
            default -> {
                // Every call that may block ends with exactly one event that says how (docs/event-log.md).
                if (e.data().containsKey("outcome")) {
                    yield p.withActivity(Activity.RUNNING, null, e.micros());
                }
                yield BLOCKS.contains(e.kind()) ? p.withActivity(Activity.BLOCKED, e.obj(), e.micros()) : p;
            }
        };
        procs = p == before && procs.containsKey(e.pid()) ? procs : RunState.put(procs, e.pid(), p);
        return caller(procs, e, s.header());
    }

    /**
     * The listing line the event says its process is at, or Python's exit handling; a line of
     * another file (a Python program's own module) is not in the listing: no line (0).
     */
    private static ProcState lined(ProcState p, Event e, RunHeader header) {
        if (Details.flag(e.data(), "atexit")) {
            return p.atLine(p.line(), true);
        }
        if (e.get("line") instanceof Number n) {
            return p.atLine(header.isListing(e.get("file")) ? n.intValue() : 0, false);
        }
        return p;
    }

    /**
     * A spawn or a signal is the child's event but the parent's (or signaller's) call: its line
     * moves the caller's cursor to {@code p.start()} or {@code p.terminate()}.
     */
    private static Map<Long, ProcState> caller(Map<Long, ProcState> procs, Event e, RunHeader header) {
        Long by = switch (e.kind()) {
            case SPAWN -> Details.optNumber(e, "parentPid");
            case SIGNAL -> Details.optNumber(e, "byPid");
            default -> null;
        };
        Long line = switch (e.kind()) {
            case SPAWN -> Details.optNumber(e, "parentLine");
            case SIGNAL -> Details.optNumber(e, "byLine");
            default -> null;
        };
        Object file = e.get(e.kind() == EventKind.SPAWN ? "parentFile" : "byFile");
        if (by != null && line != null && header.isListing(file) && procs.get(by) instanceof ProcState caller) {
            procs = RunState.put(procs, by, caller.atLine(line.intValue(), false));
        }
        return procs;
    }

    private static Map<Long, ProcState> sampled(Map<Long, ProcState> procs, Event e) {
        Map<Long, ProcState> out = new LinkedHashMap<>(procs);
        for (Object o : Details.list(e.get("procs"))) {
            Map<String, Object> m = Details.map(o);
            long pid = Details.number(m, "pid", 0);
            ProcState p = out.get(pid);
            if (p == null || !p.alive()) {
                continue;
            }
            Usage u = new Usage(Details.decimal(m, "cpu", 0), Details.number(m, "rss", 0), Details.number(m, "pss", 0),
                    Details.number(m, "uss", 0));
            String state = Details.text(m, "state");
            boolean stopped = "T".equals(state) || "t".equals(state);
            out.put(pid, p.withUsage(u).withPaused(state == null ? p.paused() : stopped));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    // ---------------------------------------------------------------- primitives

    private static Map<String, PrimitiveState> primitives(RunState s, Event e) {
        Map<String, PrimitiveState> prims = s.primitives();
        if (e.kind() == EventKind.EXIT && e.pid() > 0) {
            Map<String, PrimitiveState> out = new LinkedHashMap<>(prims);
            out.replaceAll((ref, p) -> p.without(e.pid()));
            return java.util.Collections.unmodifiableMap(out);
        }
        // A held call has not touched its primitive yet.
        if (e.obj() == null || e.kind() == EventKind.STEP_WAIT || e.kind() == EventKind.STEP) {
            return prims;
        }
        if (e.kind() == EventKind.NEW) {
            return RunState.put(prims, e.obj(), PrimitiveState.created(e.obj(), e.data()));
        }
        PrimitiveState p = prims.get(e.obj());
        if (p != null) {
            prims = RunState.put(prims, e.obj(), p.on(e));
        }
        // A message sent into one end of a pipe is in flight towards the other.
        if (e.kind() == EventKind.SEND && e.get("to") instanceof String to
                && prims.get(to) instanceof PipeEndState peer) {
            prims = RunState.put(prims, to, peer.delivered(String.valueOf(e.get("item"))));
        }
        return prims;
    }
}
