package dev.procession.supervisor;

import dev.procession.events.Event;
import dev.procession.events.EventLog;
import java.util.HashSet;
import java.util.Set;

/**
 * PIDs of a run's processes that have spawned and not yet exited, as its event log tells,
 * brought up to date from the log when asked (never on the hub's thread).
 */
final class LoggedPids {
    private final EventLog log;
    private final Set<Long> live = new HashSet<>();
    private long readTo;

    LoggedPids(EventLog log) {
        this.log = log;
    }

    synchronized boolean contains(long pid) {
        for (Event e : log.since(readTo)) {
            readTo = e.seq();
            if (e.pid() > 0) {
                switch (e.kind()) {
                    case SPAWN, START -> live.add(e.pid());
                    case EXIT -> live.remove(e.pid());
                    default -> { }
                }
            }
        }
        return live.contains(pid);
    }
}
