package dev.procession.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.EventKind;
import dev.procession.events.EventLog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sentence under a failed run names the exception its log recorded: the main program's first. */
class FailureReasonTest {
    @Test
    void namesTheMainProgramsExceptionBeforeAChilds() {
        EventLog log = new EventLog();
        log.append(200, 100, "Process-1", EventKind.ERROR, null, Map.of("exception", "KeyError: 'count'"));
        log.append(100, 1, "MainProcess", EventKind.ERROR, null, Map.of("exception", "ValueError: bad stock"));
        assertThat(FailureReason.in(log, 100)).contains("ValueError: bad stock");
        assertThat(FailureReason.in(log, 999)).as("no error of main: a child's").contains("KeyError: 'count'");
    }

    @Test
    void saysNothingWhenTheLogHasNoError() {
        EventLog log = new EventLog();
        log.append(100, 1, "MainProcess", EventKind.EXIT, null, Map.of("exitcode", 1L));
        assertThat(FailureReason.in(log, 100)).isEmpty();
    }
}
