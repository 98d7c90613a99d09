package dev.procession.cli;

import dev.procession.events.Event;
import dev.procession.model.LockState;
import dev.procession.model.PrimitiveState;
import dev.procession.model.ProcState;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A lock whose holder died while others wait for it: the run will never end by itself (Python's
 * semantics, kept), and the log alone goes quiet. Said once per lock, in words, with the way out.
 */
final class DeadHolderNotice extends FoldingReader {
    private final Set<String> told = new HashSet<>();

    DeadHolderNotice(PrintWriter out) {
        super(out);
    }

    @Override
    protected void read(Event e) {
        if (e.obj() == null || told.contains(e.obj())) {
            return;
        }
        PrimitiveState p = state().primitive(e.obj());
        if (p instanceof LockState lock && lock.abandonedBy() != null && lock.locked() && !lock.waiters().isEmpty()) {
            told.add(e.obj());
            out.println(message(lock));
            out.flush();
        }
    }

    private String message(LockState lock) {
        List<Long> waiters = lock.waiters();
        String who = waiters.stream().map(this::describe).collect(Collectors.joining(", "));
        boolean one = waiters.size() == 1;
        return "procession: " + describe(lock.abandonedBy()) + " died holding " + lock.type() + " '" + lock.label()
                + "'. " + who + (one ? " waits" : " wait") + " for it and will wait forever, as "
                + (one ? "it" : "they") + " would in Python. Press Ctrl-C to stop the run; in the window (procession with no "
                + "arguments) the lock's Force release frees it.";
    }

    private String describe(long pid) {
        ProcState p = state().process(pid);
        return p == null ? "pid " + pid : p.name() + " (pid " + pid + ")";
    }
}
