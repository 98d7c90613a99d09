package dev.procession.supervisor;

import dev.procession.events.Event;
import dev.procession.events.EventLog;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;

/**
 * Whether a PID belongs to a live process of the run, as its event log tells through the run
 * model's fold, brought up to date from the log when asked (never on the hub's thread).
 */
final class LoggedPids {
    private final EventLog log;
    private RunState state = RunState.EMPTY;

    LoggedPids(EventLog log) {
        this.log = log;
    }

    synchronized boolean contains(long pid) {
        ProcState p = now().process(pid);
        return p != null && p.alive();
    }

    /** Whether {@code pid}'s parent is alive and in Python's exit handling (joining its children). */
    synchronized boolean parentInExitHandling(long pid) {
        RunState s = now();
        ProcState p = s.process(pid);
        ProcState parent = p == null ? null : s.process(p.ppid());
        return parent != null && parent.alive() && parent.atexit();
    }

    private RunState now() {
        for (Event e : log.since(state.seq())) {
            state = state.apply(e);
        }
        return state;
    }
}
