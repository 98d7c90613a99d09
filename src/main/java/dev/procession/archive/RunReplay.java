package dev.procession.archive;

import dev.procession.events.Event;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * A saved run's states at any event, from the run model's fold. It keeps the state after every
 * {@value #SNAPSHOT_EVERY}th event, so the state at any point costs at most that many folds, however
 * long the run: a scrubber can go back and forth at will. Nothing runs: it only reads the log.
 */
public final class RunReplay {
    static final int SNAPSHOT_EVERY = 256;

    private final List<Event> events;
    /** {@code snapshots.get(i)}: the state after the first {@code i * SNAPSHOT_EVERY} events. */
    private final List<RunState> snapshots = new ArrayList<>();

    public RunReplay(List<Event> events) {
        this.events = List.copyOf(events);
        RunState s = RunState.EMPTY;
        snapshots.add(s);
        for (int i = 0; i < this.events.size(); i++) {
            s = s.apply(this.events.get(i));
            if ((i + 1) % SNAPSHOT_EVERY == 0) {
                snapshots.add(s);
            }
        }
    }

    /** The last event's number: the states go from 0 (nothing yet) to this. */
    public long lastSeq() {
        return events.size();
    }

    /** The state after event {@code seq} (0: before the first), clamped to the log. */
    public RunState stateAt(long seq) {
        int n = (int) Math.clamp(seq, 0, events.size());
        RunState s = snapshots.get(n / SNAPSHOT_EVERY);
        for (int i = n / SNAPSHOT_EVERY * SNAPSHOT_EVERY; i < n; i++) {
            s = s.apply(events.get(i));
        }
        return s;
    }

    /** The events after {@code afterSeq} up to and including {@code toSeq}, in order. */
    public List<Event> between(long afterSeq, long toSeq) {
        int from = (int) Math.clamp(afterSeq, 0, events.size());
        int to = (int) Math.clamp(toSeq, from, events.size());
        return events.subList(from, to);
    }

    public Event event(long seq) {
        return events.get((int) seq - 1);
    }

    /** Microseconds since the run began at event {@code seq} (0 before the first). */
    public long microsAt(long seq) {
        return seq <= 0 ? 0 : event(Math.min(seq, events.size())).micros();
    }

    /** The last event at or before {@code micros} since the run began (0 if none). */
    public long seqAt(long micros) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (events.get(mid - 1).micros() <= micros) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The first event after {@code afterSeq} that {@code which} accepts. */
    public OptionalLong next(long afterSeq, Predicate<Event> which) {
        for (int i = (int) Math.max(0, afterSeq); i < events.size(); i++) {
            if (which.test(events.get(i))) {
                return OptionalLong.of(i + 1L);
            }
        }
        return OptionalLong.empty();
    }

    /** The last event before {@code beforeSeq} that {@code which} accepts. */
    public OptionalLong previous(long beforeSeq, Predicate<Event> which) {
        for (int i = (int) Math.min(beforeSeq - 1, events.size()) - 1; i >= 0; i--) {
            if (which.test(events.get(i))) {
                return OptionalLong.of(i + 1L);
            }
        }
        return OptionalLong.empty();
    }

    /** Events of process {@code pid}. */
    public static Predicate<Event> ofProcess(long pid) {
        return e -> e.pid() == pid;
    }

    /** Events on primitive {@code ref} ("Lock#3"). */
    public static Predicate<Event> onPrimitive(String ref) {
        return e -> ref.equals(e.obj());
    }
}
