package dev.procession.app.run;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.events.EventLog;
import java.util.Optional;

/** Why a run's main program failed, as its event log tells: the {@code error} event's exception. */
final class FailureReason {
    private FailureReason() {
    }

    /** The first uncaught exception of the main process (pid {@code mainPid}), else of any process. */
    static Optional<String> in(EventLog log, long mainPid) {
        Optional<Event> error = log.snapshot().stream()
                .filter(e -> e.kind() == EventKind.ERROR && e.pid() == mainPid).findFirst()
                .or(() -> log.snapshot().stream().filter(e -> e.kind() == EventKind.ERROR).findFirst());
        return error.map(e -> e.text("exception")).filter(text -> !text.isBlank());
    }
}
