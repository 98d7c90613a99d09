package dev.procession.app.stage;

import dev.procession.app.Messages;
import dev.procession.model.PrimitiveState;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;

/** A process's state as a word and an icon, never as a colour alone: "waiting on e", "exited -9". */
public final class StatusText {
    private StatusText() {
    }

    public static String word(ProcState p, RunState s) {
        return switch (p.status()) {
            // The words the process table uses too, but for a wait and an unknown exit code.
            case STARTING -> Messages.text("proc.status.starting");
            case RUNNING -> Messages.text("proc.status.running");
            case SLEEPING -> Messages.text("proc.status.sleeping");
            case BLOCKED -> Messages.text("stage.common.status.waitingOn", blockedOn(p, s));
            case PAUSED -> Messages.text("proc.status.paused");
            case ORPHAN -> Messages.text("proc.status.orphan");
            case EXITED -> p.exitCode() == null ? Messages.text("stage.common.status.exited")
                    : Messages.text("proc.status.exited.code", p.exitCode());
        };
    }

    /** What it waits for, as the program names it: "e", "lock", or a child's name for a join. */
    public static String blockedOn(ProcState p, RunState s) {
        PrimitiveState prim = p.blockedOn() == null ? null : s.primitive(p.blockedOn());
        return prim != null ? prim.label() : String.valueOf(p.blockedOn());
    }

    public static StageIcons icon(ProcState p) {
        return switch (p.status()) {
            case STARTING -> StageIcons.STARTING;
            case RUNNING -> StageIcons.RUNNING;
            case SLEEPING -> StageIcons.SLEEPING;
            case BLOCKED -> StageIcons.BLOCKED;
            case PAUSED -> StageIcons.PAUSED;
            case ORPHAN -> StageIcons.ORPHAN;
            case EXITED -> p.exitCode() != null && p.exitCode() == 0 ? StageIcons.EXITED : StageIcons.EXITED_BADLY;
        };
    }

    /** "car3 · 41230": how every element bound to a process names it. */
    public static String nameAndPid(ProcState p) {
        return p.name() + " · " + p.pid();
    }

    /** "pid 41230": a process that is not (or no longer) in the run, by its pid alone. */
    public static String pid(long pid) {
        return Messages.text("stage.common.pid", pid);
    }
}
