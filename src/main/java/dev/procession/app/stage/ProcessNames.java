package dev.procession.app.stage;

import dev.procession.app.Messages;
import dev.procession.model.ProcState;

/** How every element bound to a process names it: its name and its pid, or its pid alone. */
public final class ProcessNames {
    private ProcessNames() {
    }

    /** "car3 · 41230". */
    public static String nameAndPid(ProcState p) {
        return p.name() + " · " + p.pid();
    }

    /** "pid 41230": a process that is not (or no longer) in the run, by its pid alone. */
    public static String pid(long pid) {
        return Messages.text("stage.common.pid", pid);
    }
}
