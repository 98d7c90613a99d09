package dev.procession.model;

import dev.procession.events.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Step mode as the log tells it: whether it is on, and the calls held, oldest first (the order
 * the hub lets them go in when asked for the oldest).
 */
public record Steps(boolean on, List<PendingStep> pending) {
    public static final Steps NONE = new Steps(false, List.of());

    private static final Comparator<PendingStep> OLDEST_FIRST =
            Comparator.comparingLong(PendingStep::turn).thenComparingInt(PendingStep::index);

    /** The oldest held call of process {@code pid}, or null. */
    public PendingStep of(long pid) {
        return pending.stream().filter(p -> p.pid() == pid).findFirst().orElse(null);
    }

    /** The call a step without a choice lets go, or null. */
    public PendingStep oldest() {
        return pending.isEmpty() ? null : pending.getFirst();
    }

    Steps turned(boolean stepping) {
        return stepping == on ? this : new Steps(stepping, pending);
    }

    Steps held(Event e, ProcState p) {
        List<PendingStep> all = new ArrayList<>(pending);
        all.add(new PendingStep(e.pid(), e.proc(), Details.text(e.data(), "op"), e.obj(),
                (int) Details.number(e, "line", 0), Details.number(e, "turn", 0), p == null ? Integer.MAX_VALUE
                : p.index(), e.seq()));
        all.sort(OLDEST_FIRST);
        return new Steps(on, List.copyOf(all));
    }

    /** Process {@code pid}'s oldest held call went. */
    Steps released(long pid) {
        PendingStep first = of(pid);
        if (first == null) {
            return this;
        }
        List<PendingStep> rest = new ArrayList<>(pending);
        rest.remove(first);
        return new Steps(on, List.copyOf(rest));
    }

    /** Process {@code pid} ended, or the run stopped (pid 0): nothing of it is held any more. */
    Steps gone(long pid) {
        if (pending.stream().noneMatch(p -> pid == 0 || p.pid() == pid)) {
            return this;
        }
        return new Steps(on, pending.stream().filter(p -> pid != 0 && p.pid() != pid).toList());
    }
}
