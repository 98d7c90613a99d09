package dev.procession.archive;

import dev.procession.events.Event;
import dev.procession.model.Activity;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each process's time went, from the log alone: CPU seconds (the supervisor's last sample)
 * and real seconds alive, split into starting, running, sleeping, blocked and paused. The split
 * follows the fold: between two events each live process is in the state the first left it in.
 *
 * @param wallSeconds from its first event to its exit (or to the end of the log)
 */
public record ProcessTimes(long pid, String name, String role, double cpuSeconds, double wallSeconds,
                           double startingSeconds, double runningSeconds, double sleepingSeconds,
                           double blockedSeconds, double pausedSeconds, Long exitCode) {

    /** Every process of {@code events}, in order of appearance. */
    public static List<ProcessTimes> of(List<Event> events) {
        Map<Long, double[]> spent = new LinkedHashMap<>();
        RunState s = RunState.EMPTY;
        for (Event e : events) {
            double dt = Math.max(0, e.micros() - s.micros()) / 1e6;
            for (ProcState p : s.processes().values()) {
                if (p.alive()) {
                    spent.computeIfAbsent(p.pid(), pid -> new double[Bucket.values().length])[Bucket.of(p).ordinal()]
                            += dt;
                }
            }
            s = s.apply(e);
        }
        List<ProcessTimes> out = new ArrayList<>();
        for (ProcState p : s.processes().values()) {
            double[] t = spent.getOrDefault(p.pid(), new double[Bucket.values().length]);
            double wall = 0;
            for (double x : t) {
                wall += x;
            }
            out.add(new ProcessTimes(p.pid(), p.name(), p.role(), p.usage().cpuSeconds(), wall,
                    t[Bucket.STARTING.ordinal()], t[Bucket.RUNNING.ordinal()], t[Bucket.SLEEPING.ordinal()],
                    t[Bucket.BLOCKED.ordinal()], t[Bucket.PAUSED.ordinal()], p.exitCode()));
        }
        return out;
    }

    private enum Bucket {
        STARTING, RUNNING, SLEEPING, BLOCKED, PAUSED;

        static Bucket of(ProcState p) {
            if (p.paused()) {
                return PAUSED;
            }
            return p.activity() == Activity.STARTING ? STARTING
                    : p.activity() == Activity.SLEEPING ? SLEEPING
                    : p.activity() == Activity.BLOCKED ? BLOCKED : RUNNING;
        }
    }
}
