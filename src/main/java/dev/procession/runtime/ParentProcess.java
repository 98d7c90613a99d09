package dev.procession.runtime;

/**
 * parent_process(): what a child knows of its parent, as Python's _ParentProcess: its name and
 * pid, and whether it still runs. It is not a handle to control it; only a parent controls its
 * children.
 */
public record ParentProcess(String name, long pid) {
    /** is_alive(): whether the parent is still running (an exited parent may linger as a zombie). */
    public boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
