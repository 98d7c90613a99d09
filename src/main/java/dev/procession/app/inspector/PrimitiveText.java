package dev.procession.app.inspector;

import dev.procession.app.Messages;
import dev.procession.model.BarrierState;
import dev.procession.model.ConditionState;
import dev.procession.model.FlagState;
import dev.procession.model.LockState;
import dev.procession.model.ManagerState;
import dev.procession.model.OtherPrimitive;
import dev.procession.model.PipeEndState;
import dev.procession.model.PoolState;
import dev.procession.model.PrimitiveState;
import dev.procession.model.ProcState;
import dev.procession.model.QueueState;
import dev.procession.model.RunState;
import dev.procession.model.SemaphoreState;
import dev.procession.model.SharedCtypeState;
import dev.procession.model.SharedObjectState;
import dev.procession.protocol.PyRepr;
import java.util.List;
import java.util.stream.Collectors;

/** A primitive's state in a few plain sentences: holder, value, waiters in order, contents. */
public final class PrimitiveText {
    private PrimitiveText() {
    }

    public static String describe(PrimitiveState p, RunState run) {
        return switch (p) {
            case LockState l -> (l.holder() == null ? Messages.text("inspector.lock.free")
                    : Messages.text("inspector.lock.held", who(l.holder(), run))
                            + (l.count() > 1 ? " \u00d7" + l.count() : ""))
                    + (l.abandonedBy() == null ? "" : "\n" + Messages.text("inspector.abandoned", l.abandonedBy()))
                    + waiting(l.waiters(), run);
            case SemaphoreState s -> Messages.text("inspector.semaphore", s.value(), s.initial())
                    + (s.holders().isEmpty() ? "" : "\n" + Messages.text("inspector.inside", names(s.holders(), run)))
                    + (s.abandonedBy().isEmpty() ? "" : "\n" + Messages.text("inspector.abandoned",
                            s.abandonedBy().stream().map(String::valueOf).collect(Collectors.joining(", "))))
                    + waiting(s.waiters(), run);
            case FlagState f -> (f.set() ? Messages.text("inspector.event.set")
                    : Messages.text("inspector.event.clear"))
                    + waiting(f.waiters(), run);
            case ConditionState c -> Messages.text("inspector.condition", c.lock()) + waiting(c.waiters(), run);
            case BarrierState b -> Messages.text("inspector.barrier", b.waiting().size(), b.parties())
                    + (b.broken() ? "\n" + Messages.text("inspector.barrier.broken") : "") + waiting(b.waiting(), run);
            case QueueState q -> Messages.text("inspector.queue", q.size(),
                    q.bounded() ? Long.toString(q.maxsize()) : "\u221e", String.join(", ", q.items().first(8))
                            + (q.size() > 8 ? ", \u2026" : ""))
                    + (q.putters().isEmpty() ? "" : "\n" + Messages.text("inspector.putters", names(q.putters(), run)))
                    + (q.getters().isEmpty() ? "" : "\n" + Messages.text("inspector.getters", names(q.getters(), run)));
            case PipeEndState e -> Messages.text("inspector.pipe", e.peer(), e.inbox().size(),
                    String.join(", ", e.inbox().first(5)))
                    + (e.receivers().isEmpty() ? "" : "\n" + Messages.text("inspector.receivers",
                            names(e.receivers(), run)))
                    + (e.closed() ? "\n" + Messages.text("inspector.pipe.closed") : "");
            case ManagerState m -> Messages.text("inspector.manager", m.state(),
                    m.server() == null ? "?" : who(m.server(), run));
            case SharedObjectState o -> Messages.text("inspector.shared", PyRepr.of(o.contents()), o.reads(),
                    o.writes());
            case SharedCtypeState c -> Messages.text("inspector.sharedCtype", PyRepr.of(c.value()), c.typecode(),
                    c.lock() == null ? Messages.text("inspector.sharedCtype.noLock")
                            : Messages.text("inspector.sharedCtype.lock", label(c.lock(), run)), c.reads(), c.writes());
            case PoolState pool -> Messages.text("inspector.pool", pool.workers().size(), pool.queued(), pool.state())
                    + pool.running().entrySet().stream().map(en -> "\n  " + who(en.getKey(), run) + ": " + en.getValue())
                            .collect(Collectors.joining())
                    + (pool.results().isEmpty() ? "" : "\n" + Messages.text("inspector.results",
                            String.join(", ", pool.results().subList(Math.max(0, pool.results().size() - 6),
                                    pool.results().size()))));
            case OtherPrimitive o -> o.type();
        };
    }

    /** A primitive by the name the program gave it, else its reference. */
    private static String label(String ref, RunState run) {
        PrimitiveState p = run.primitive(ref);
        return p == null ? ref : p.label();
    }

    private static String waiting(List<Long> pids, RunState run) {
        return pids.isEmpty() ? "" : "\n" + Messages.text("inspector.waiting", names(pids, run));
    }

    private static String names(List<Long> pids, RunState run) {
        return pids.stream().map(pid -> who(pid, run)).collect(Collectors.joining(", "));
    }

    /** "car3 · 41230": a process by name and pid. */
    static String who(long pid, RunState run) {
        ProcState p = run.process(pid);
        return (p == null ? "?" : p.name()) + " \u00b7 " + pid;
    }
}
