package dev.procession.app.stage.tree;

import dev.procession.app.Messages;
import dev.procession.app.stage.ProcessNames;
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
import java.util.ArrayList;
import java.util.List;

/**
 * What a primitive holds, in words and slots: the items of a queue, the messages in flight on
 * a pipe, a pool's inbox and workers, a shared dict's contents, who holds and who waits.
 *
 * @param title  "Queue q"
 * @param slots  the items to draw as slots (queue items, messages in flight), oldest first
 * @param empty  how many empty slots follow (a bounded queue's free room)
 * @param lines  the rest, one fact a line
 */
record PrimitiveSummary(String title, List<String> slots, int empty, List<String> lines) {
    /** More slots than this are summarised as "+N more": a queue of 10,000 items stays one row. */
    static final int MOST_SLOTS = 12;
    private static final int LONGEST_TEXT = 60;

    static PrimitiveSummary of(PrimitiveState prim, RunState s) {
        String title = prim.type() + " " + prim.label();
        List<String> lines = new ArrayList<>();
        return switch (prim) {
            case QueueState q -> {
                waiting(lines, "stage.tree.waitingToPut", q.putters(), s);
                waiting(lines, "stage.tree.waitingToGet", q.getters(), s);
                if ("JoinableQueue".equals(q.type())) {
                    lines.add(Messages.text("stage.tree.queue.unfinished", q.unfinished()));
                }
                lines.addFirst(q.bounded()
                        ? q.closed() ? Messages.text("stage.tree.queue.itemsOf.closed", q.size(), q.maxsize())
                                : Messages.text("stage.tree.queue.itemsOf", q.size(), q.maxsize())
                        : q.closed() ? Messages.text("stage.tree.queue.items.closed", q.size())
                                : Messages.text("stage.tree.queue.items", q.size()));
                List<String> items = q.items().first(MOST_SLOTS);
                int room = q.bounded() ? (int) Math.max(0, Math.min(MOST_SLOTS - items.size(), q.maxsize() - q.size()))
                        : 0;
                yield new PrimitiveSummary(title, more(items, q.size()), room, lines);
            }
            case PipeEndState p -> {
                lines.add(p.closed() ? Messages.text("stage.tree.pipe.inFlight.closed", p.inbox().size())
                        : Messages.text("stage.tree.pipe.inFlight", p.inbox().size()));
                waiting(lines, "stage.tree.waitingToReceive", p.receivers(), s);
                yield new PrimitiveSummary(title, more(p.inbox().first(MOST_SLOTS), p.inbox().size()), 0, lines);
            }
            case PoolState p -> {
                lines.add(Messages.text("stage.tree.pool", p.processes(), p.state(), p.queued()));
                p.running().forEach((pid, task) -> lines.add(Messages.text("stage.tree.pool.runs", who(pid, s), task)));
                List<String> results = p.results();
                int from = Math.max(0, results.size() - MOST_SLOTS);
                yield new PrimitiveSummary(title, more(results.subList(from, results.size()), results.size()), 0,
                        lines);
            }
            case SharedObjectState o -> {
                lines.add(shorten(PyRepr.of(o.contents())));
                lines.add(Messages.text("stage.tree.shared", o.reads(), o.writes()));
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case SharedCtypeState c -> {
                lines.add(shorten(PyRepr.of(c.value())));
                PrimitiveState lock = c.lock() == null ? null : s.primitive(c.lock());
                lines.add(Messages.text("stage.tree.sharedCtype", c.typecode(), c.lock() == null
                        ? Messages.text("stage.tree.sharedCtype.noLock")
                        : Messages.text("stage.tree.sharedCtype.lock", lock == null ? c.lock() : lock.label())));
                lines.add(Messages.text("stage.tree.shared", c.reads(), c.writes()));
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case LockState l -> {
                lines.add(l.abandonedBy() != null ? Messages.text("stage.tree.lock.abandoned", l.abandonedBy())
                        : l.locked() ? Messages.text("stage.tree.heldBy", who(l.holder(), s))
                        : Messages.text("stage.tree.lock.free"));
                waiting(lines, "stage.tree.waiting", l.waiters(), s);
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case SemaphoreState m -> {
                lines.add(Messages.text("stage.tree.semaphore", m.value(), m.initial()));
                if (!m.holders().isEmpty()) {
                    lines.add(Messages.text("stage.tree.heldBy",
                            String.join(", ", m.holders().stream().map(p -> who(p, s)).toList())));
                }
                waiting(lines, "stage.tree.waiting", m.waiters(), s);
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case FlagState f -> {
                lines.add(f.set() ? Messages.text("stage.tree.event.set") : Messages.text("stage.tree.event.clear"));
                waiting(lines, "stage.tree.waiting", f.waiters(), s);
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case ConditionState c -> {
                waiting(lines, "stage.tree.waitingToBeNotified", c.waiters(), s);
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case BarrierState b -> {
                lines.add(b.broken() ? Messages.text("stage.tree.barrier.broken", b.waiting().size(), b.parties())
                        : Messages.text("stage.tree.barrier", b.waiting().size(), b.parties()));
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case ManagerState m -> {
                lines.add(m.server() == null ? m.state()
                        : Messages.text("stage.tree.manager", m.state(), who(m.server(), s)));
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case OtherPrimitive o -> new PrimitiveSummary(title, List.of(), 0, lines);
        };
    }

    /** Adds the text of {@code key} ("stage.tree.waiting...", a {0} for the names) when someone waits. */
    private static void waiting(List<String> lines, String key, List<Long> pids, RunState s) {
        if (!pids.isEmpty()) {
            lines.add(Messages.text(key, String.join(", ", pids.stream().map(p -> who(p, s)).toList())));
        }
    }

    private static String who(long pid, RunState s) {
        ProcState p = s.process(pid);
        return p == null ? ProcessNames.pid(pid) : p.name() + " · " + pid;
    }

    private static List<String> more(List<String> shown, int total) {
        List<String> out = new ArrayList<>(shown.stream().map(PrimitiveSummary::shorten).toList());
        if (total > shown.size()) {
            out.add(Messages.text("stage.tree.more", total - shown.size()));
        }
        return out;
    }

    private static String shorten(String text) {
        return text.length() <= LONGEST_TEXT ? text : text.substring(0, LONGEST_TEXT - 1) + "…";
    }
}
