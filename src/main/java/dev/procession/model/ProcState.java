package dev.procession.model;

/**
 * One process of the run at one point of its log.
 *
 * @param index     order of first appearance, from 0: the key of its colour in every view
 * @param role      what it runs: "main", or the target's name ("car", "traffic_light")
 * @param blockedOn while {@link Activity#BLOCKED}: the primitive ("Event#1") or the child's name it waits for
 * @param line      the line of the scenario's Python listing it is at, or 0 when unknown
 * @param atexit    it is in Python's exit handling (joining children, terminating daemons)
 * @param since     microseconds since the run began at which its activity last changed
 */
public record ProcState(int index, long pid, long ppid, String name, String role, boolean daemon,
                        Activity activity, String blockedOn, boolean paused, boolean orphan, Long exitCode,
                        String exitHow, int line, boolean atexit, Usage usage, long since) {

    static ProcState appeared(int index, long pid, long ppid, String name, long micros) {
        return new ProcState(index, pid, ppid, name, null, false, Activity.STARTING, null, false, false, null, null,
                0, false, Usage.NONE, micros);
    }

    public ProcStatus status() {
        if (activity == Activity.EXITED) {
            return ProcStatus.EXITED;
        }
        if (paused) {
            return ProcStatus.PAUSED;
        }
        if (orphan) {
            return ProcStatus.ORPHAN;
        }
        return switch (activity) {
            case STARTING -> ProcStatus.STARTING;
            case RUNNING -> ProcStatus.RUNNING;
            case SLEEPING -> ProcStatus.SLEEPING;
            case BLOCKED -> ProcStatus.BLOCKED;
            case EXITED -> ProcStatus.EXITED;
            case HELD -> ProcStatus.HELD;
        };
    }

    public boolean alive() {
        return activity != Activity.EXITED;
    }

    ProcState withActivity(Activity a, String on, long micros) {
        if (activity == Activity.EXITED) {
            return this;
        }
        return new ProcState(index, pid, ppid, name, role, daemon, a, on, paused, orphan, exitCode, exitHow, line,
                atexit, usage, a == activity && java.util.Objects.equals(on, blockedOn) ? since : micros);
    }

    ProcState withIdentity(long ppid, String name, String role, boolean daemon) {
        return new ProcState(index, pid, ppid, name, role, daemon, activity, blockedOn, paused, orphan, exitCode,
                exitHow, line, atexit, usage, since);
    }

    ProcState withDaemon(boolean d) {
        return new ProcState(index, pid, ppid, name, role, d, activity, blockedOn, paused, orphan, exitCode, exitHow,
                line, atexit, usage, since);
    }

    ProcState withPaused(boolean p) {
        if (p == paused) {
            return this;
        }
        return new ProcState(index, pid, ppid, name, role, daemon, activity, blockedOn, p, orphan, exitCode, exitHow,
                line, atexit, usage, since);
    }

    ProcState asOrphan() {
        return new ProcState(index, pid, ppid, name, role, daemon, activity, blockedOn, paused, true, exitCode,
                exitHow, line, atexit, usage, since);
    }

    ProcState atLine(int l, boolean inExit) {
        if (l == line && inExit == atexit) {
            return this;
        }
        return new ProcState(index, pid, ppid, name, role, daemon, activity, blockedOn, paused, orphan, exitCode,
                exitHow, l, inExit, usage, since);
    }

    /** This process with {@code u} for its CPU and memory: what a sample changes. */
    public ProcState withUsage(Usage u) {
        return new ProcState(index, pid, ppid, name, role, daemon, activity, blockedOn, paused, orphan, exitCode,
                exitHow, line, atexit, u, since);
    }

    ProcState exited(Long code, String how, long micros) {
        return new ProcState(index, pid, ppid, name, role, daemon, Activity.EXITED, null, false, orphan, code, how,
                line, atexit, usage, micros);
    }
}
