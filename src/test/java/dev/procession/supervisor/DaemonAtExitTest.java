package dev.procession.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.Activity;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import dev.procession.scenario.Scenarios;
import dev.procession.testing.RealRun;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A child made a daemon while its parent's exit handling already joins it is terminated, as
 * Python's exit handling terminates daemonic children; the log says why.
 */
class DaemonAtExitTest {
    @Test
    void aChildMadeADaemonDuringItsParentsExitHandlingIsTerminated() throws Exception {
        Map<String, Object> params = Scenarios.resolve(Scenarios.byId("ktv"), Map.of("people", "3", "seats", "1"));
        RealRun.with("ktv", params, 0.25, run -> {
            // Main's code ends right after it starts the people: it then joins them in its exit handling.
            RealRun.await(Duration.ofSeconds(30), () -> waiting(run) != null, "main in its exit handling, joining");
            ProcState person = waiting(run);
            run.setDaemon(person.pid(), true);
            RealRun.await(Duration.ofSeconds(10), () -> exitOf(run, person.pid()) != null, "the daemon's exit");
            assertThat(exitOf(run, person.pid()).get("exitcode")).isEqualTo(-15L);
            Event terminate = run.log().snapshot().stream().filter(e -> e.kind() == EventKind.SIGNAL
                    && e.pid() == person.pid() && "supervisor".equals(e.get("by"))).findFirst().orElseThrow();
            assertThat(terminate.text("note")).contains("exit handling");
            return null;
        });
    }

    /** A person still alive while main is in its exit handling, or null. */
    private static ProcState waiting(Run run) {
        RunState s = RunState.of(run.log().snapshot());
        ProcState main = s.main();
        if (main == null || !main.atexit() || !main.alive()) {
            return null;
        }
        return s.live().stream().filter(p -> "ktv".equals(p.role()) && p.activity() != Activity.STARTING)
                .findFirst().orElse(null);
    }

    private static Event exitOf(Run run, long pid) {
        return run.log().snapshot().stream().filter(e -> e.kind() == EventKind.EXIT && e.pid() == pid).findFirst()
                .orElse(null);
    }
}
