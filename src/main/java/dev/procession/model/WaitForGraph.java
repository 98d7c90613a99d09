package dev.procession.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who waits for which lock or semaphore, and who holds each: the wait-for graph of the run at one
 * point of its log, read from its Locks, RLocks and Semaphores. A dead holder stays an edge: what
 * it held stays held, as in Python.
 *
 * @param pids the processes in it: every live process but the main program's, and any process
 *             on an edge, in order of appearance
 * @param refs every Lock, RLock and Semaphore, in order of creation
 */
public record WaitForGraph(List<Long> pids, List<String> refs, List<Edge> edges) {

    public enum EdgeKind {
        /** The process waits to acquire the primitive. */
        WAITS_FOR,
        /** The primitive is held by the process. */
        HELD_BY
    }

    /** An edge between a process and a primitive; its direction is in its kind. */
    public record Edge(EdgeKind kind, long pid, String ref) {
    }

    static WaitForGraph of(RunState s) {
        List<String> refs = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (PrimitiveState p : s.primitives().values()) {
            switch (p) {
                case LockState l -> {
                    refs.add(l.ref());
                    l.waiters().forEach(pid -> edges.add(new Edge(EdgeKind.WAITS_FOR, pid, l.ref())));
                    if (l.holder() != null) {
                        edges.add(new Edge(EdgeKind.HELD_BY, l.holder(), l.ref()));
                    }
                }
                case SemaphoreState m -> {
                    refs.add(m.ref());
                    m.waiters().forEach(pid -> edges.add(new Edge(EdgeKind.WAITS_FOR, pid, m.ref())));
                    new LinkedHashSet<>(m.holders()).forEach(pid -> edges.add(new Edge(EdgeKind.HELD_BY, pid, m.ref())));
                }
                default -> {
                }
            }
        }
        Set<Long> onEdges = new LinkedHashSet<>();
        edges.forEach(e -> onEdges.add(e.pid()));
        List<Long> pids = s.processes().values().stream()
                .filter(p -> onEdges.contains(p.pid()) || (p.alive() && !"main".equals(p.role())))
                .map(ProcState::pid).toList();
        return new WaitForGraph(pids, List.copyOf(refs), List.copyOf(edges));
    }

    public boolean isEmpty() {
        return refs.isEmpty();
    }
}
