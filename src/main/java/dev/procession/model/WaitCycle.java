package dev.procession.model;

import dev.procession.events.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * A deadlock: a cycle of waits, as its {@code deadlock} event lists it. Process {@code pids[i]}
 * waits for lock {@code refs[i]}, which process {@code pids[i + 1]} holds (the last lock's holder
 * is the first process).
 *
 * @param seq the {@code deadlock} event that named it
 */
public record WaitCycle(List<Long> pids, List<String> refs, long seq) {

    /** The cycle of a {@code deadlock} event: its {@code cycle} alternates pids and lock refs. */
    public static WaitCycle of(Event e) {
        List<Long> pids = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (Object o : Details.list(e.get("cycle"))) {
            if (o instanceof Number n) {
                pids.add(n.longValue());
            } else if (o instanceof String ref) {
                refs.add(ref);
            }
        }
        return new WaitCycle(List.copyOf(pids), List.copyOf(refs), e.seq());
    }

    /**
     * Whether the cycle still holds everyone in {@code s}: each lock is held by the same process,
     * and each process still waits for its lock or is dead. A dead process never releases what it
     * held (as in Python), so killing one leaves the others stuck; a force-release, or a lock given
     * up another way, breaks it.
     */
    boolean standsIn(RunState s) {
        if (pids.isEmpty() || pids.size() != refs.size()) {
            return false;
        }
        for (int i = 0; i < pids.size(); i++) {
            long next = pids.get((i + 1) % pids.size());
            if (!(s.primitive(refs.get(i)) instanceof LockState lock) || lock.holder() == null
                    || lock.holder() != next) {
                return false;
            }
            ProcState p = s.process(pids.get(i));
            boolean waits = p != null && p.activity() == Activity.BLOCKED && refs.get(i).equals(p.blockedOn());
            if (p == null || !(waits || !p.alive())) {
                return false;
            }
        }
        return true;
    }

    /**
     * "philosopher0 → fork1 → philosopher1 → fork0 → philosopher0": the cycle as the program named
     * its processes and locks in {@code s}, back to where it began.
     */
    public String describe(RunState s) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < pids.size(); i++) {
            ProcState p = s.process(pids.get(i));
            PrimitiveState lock = i < refs.size() ? s.primitive(refs.get(i)) : null;
            names.add(p == null ? "pid " + pids.get(i) : p.name());
            names.add(lock == null ? String.valueOf(i < refs.size() ? refs.get(i) : "?") : lock.label());
        }
        if (!names.isEmpty()) {
            names.add(names.getFirst());
        }
        return String.join(" \u2192 ", names);
    }

    public boolean involves(long pid) {
        return pids.contains(pid);
    }

    public boolean involves(String ref) {
        return refs.contains(ref);
    }

    /** Whether process {@code pid} waiting for {@code ref}, or {@code ref} held by {@code pid}, is one of its edges. */
    public boolean hasEdge(WaitForGraph.Edge edge) {
        int i = pids.indexOf(edge.pid());
        int j = refs.indexOf(edge.ref());
        if (i < 0 || j < 0) {
            return false;
        }
        return edge.kind() == WaitForGraph.EdgeKind.WAITS_FOR ? i == j : (j + 1) % pids.size() == i;
    }
}
