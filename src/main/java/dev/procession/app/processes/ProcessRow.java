package dev.procession.app.processes;

import dev.procession.app.theme.StatusLook;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One row of the process table: a process's state as the fold last saw it, for binding cells. */
public final class ProcessRow {
    private final long pid;
    private final ReadOnlyObjectWrapper<ProcState> proc = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper statusWord = new ReadOnlyStringWrapper();

    ProcessRow(ProcState p, RunState run) {
        this.pid = p.pid();
        update(p, run);
    }

    public long pid() {
        return pid;
    }

    public ReadOnlyObjectProperty<ProcState> procProperty() {
        return proc.getReadOnlyProperty();
    }

    public ProcState proc() {
        return proc.get();
    }

    /** "blocked on lock", "exited -9": the status in words. */
    public ReadOnlyStringProperty statusWordProperty() {
        return statusWord.getReadOnlyProperty();
    }

    void update(ProcState p, RunState run) {
        proc.set(p);
        statusWord.set(StatusLook.word(p, run));
    }
}
