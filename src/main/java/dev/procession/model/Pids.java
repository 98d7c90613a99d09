package dev.procession.model;

import java.util.ArrayList;
import java.util.List;

/** Small immutable-list edits for waiter lists (a handful of PIDs: copying is cheapest). */
final class Pids {
    private Pids() {
    }

    static List<Long> with(List<Long> pids, long pid) {
        if (pids.contains(pid)) {
            return pids;
        }
        List<Long> out = new ArrayList<>(pids);
        out.add(pid);
        return List.copyOf(out);
    }

    /** Adds even when present: a semaphore's holders count units. */
    static List<Long> plus(List<Long> pids, long pid) {
        List<Long> out = new ArrayList<>(pids);
        out.add(pid);
        return List.copyOf(out);
    }

    static List<Long> without(List<Long> pids, long pid) {
        if (!pids.contains(pid)) {
            return pids;
        }
        List<Long> out = new ArrayList<>(pids);
        out.remove(Long.valueOf(pid));
        return List.copyOf(out);
    }

    static List<Long> withoutAll(List<Long> pids, long pid) {
        if (!pids.contains(pid)) {
            return pids;
        }
        return pids.stream().filter(p -> p != pid).toList();
    }
}
