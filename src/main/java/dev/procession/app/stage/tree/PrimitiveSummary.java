package dev.procession.app.stage.tree;

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
import dev.procession.model.SharedObjectState;
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
                waiting(lines, "waiting to put", q.putters(), s);
                waiting(lines, "waiting to get", q.getters(), s);
                if ("JoinableQueue".equals(q.type())) {
                    lines.add(q.unfinished() + " unfinished tasks");
                }
                lines.addFirst(q.size() + " items" + (q.bounded() ? " of " + q.maxsize() : "")
                        + (q.closed() ? ", closed" : ""));
                List<String> items = q.items().first(MOST_SLOTS);
                int room = q.bounded() ? (int) Math.max(0, Math.min(MOST_SLOTS - items.size(), q.maxsize() - q.size()))
                        : 0;
                yield new PrimitiveSummary(title, more(items, q.size()), room, lines);
            }
            case PipeEndState p -> {
                lines.add(p.inbox().size() + " messages in flight towards this end" + (p.closed() ? ", closed" : ""));
                waiting(lines, "waiting to receive", p.receivers(), s);
                yield new PrimitiveSummary(title, more(p.inbox().first(MOST_SLOTS), p.inbox().size()), 0, lines);
            }
            case PoolState p -> {
                lines.add(p.processes() + " workers, " + p.state() + "; " + p.queued() + " tasks in the inbox");
                p.running().forEach((pid, task) -> lines.add(who(pid, s) + " runs " + task));
                List<String> results = p.results();
                int from = Math.max(0, results.size() - MOST_SLOTS);
                yield new PrimitiveSummary(title, more(results.subList(from, results.size()), results.size()), 0,
                        lines);
            }
            case SharedObjectState o -> {
                lines.add(shorten(String.valueOf(o.contents())));
                lines.add(o.reads() + " reads, " + o.writes() + " writes");
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case LockState l -> {
                lines.add(l.abandonedBy() != null ? "held by dead pid " + l.abandonedBy()
                        : l.locked() ? "held by " + who(l.holder(), s) : "free");
                waiting(lines, "waiting", l.waiters(), s);
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case SemaphoreState m -> {
                lines.add("value " + m.value() + " of " + m.initial());
                if (!m.holders().isEmpty()) {
                    lines.add("held by " + String.join(", ", m.holders().stream().map(p -> who(p, s)).toList()));
                }
                waiting(lines, "waiting", m.waiters(), s);
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case FlagState f -> {
                lines.add(f.set() ? "set" : "clear");
                waiting(lines, "waiting", f.waiters(), s);
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case ConditionState c -> {
                waiting(lines, "waiting to be notified", c.waiters(), s);
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case BarrierState b -> {
                lines.add(b.waiting().size() + " of " + b.parties() + " arrived" + (b.broken() ? ", broken" : ""));
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case ManagerState m -> {
                lines.add(m.state() + (m.server() == null ? "" : ", server " + who(m.server(), s)));
                yield new PrimitiveSummary(title, List.of(), 0, lines);
            }
            case OtherPrimitive o -> new PrimitiveSummary(title, List.of(), 0, lines);
        };
    }

    private static void waiting(List<String> lines, String what, List<Long> pids, RunState s) {
        if (!pids.isEmpty()) {
            lines.add(what + ": " + String.join(", ", pids.stream().map(p -> who(p, s)).toList()));
        }
    }

    private static String who(long pid, RunState s) {
        ProcState p = s.process(pid);
        return p == null ? "pid " + pid : p.name() + " · " + pid;
    }

    private static List<String> more(List<String> shown, int total) {
        List<String> out = new ArrayList<>(shown.stream().map(PrimitiveSummary::shorten).toList());
        if (total > shown.size()) {
            out.add("+" + (total - shown.size()) + " more");
        }
        return out;
    }

    private static String shorten(String text) {
        return text.length() <= LONGEST_TEXT ? text : text.substring(0, LONGEST_TEXT - 1) + "…";
    }
}
