package dev.procession.app.run;

import dev.procession.events.Event;
import dev.procession.events.EventLog;
import java.util.Optional;

/** Why a run's main program failed, as its event log tells: the {@code error} event's exception. */
final class FailureReason {
    private static final String ERROR_KIND = "error";

    private FailureReason() {
    }

    /** The first uncaught exception of the main process (pid {@code mainPid}), else of any process. */
    static Optional<String> in(EventLog log, long mainPid) {
        Optional<Event> error = log.snapshot().stream()
                .filter(e -> ERROR_KIND.equals(e.kind()) && e.pid() == mainPid).findFirst()
                .or(() -> log.snapshot().stream().filter(e -> ERROR_KIND.equals(e.kind())).findFirst());
        return error.map(e -> e.text("exception")).filter(text -> !text.isBlank());
    }
}
