package dev.procession.scenario;

import static dev.procession.scenario.ScenarioRun.exitOf;
import static dev.procession.scenario.ScenarioRun.printOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Python (checked by running 01_daemon.py) keeps printing "is alive" after "main process",
 * until p2 has counted to 5: main's code ends at p2.join(), and only then, at exit, is the
 * daemon terminated (exit code -15).
 */
class DaemonScenarioTest {
    @Test
    void theDaemonLivesUntilMainsCodeEndsWhichIsAfterP2() throws Exception {
        // Speed 2: p2 counts for 2.5 s of real time, so the daemon's JVM has started well before.
        RealRun.Result r = ScenarioRun.run("daemon", Map.of(), 2);
        long mainPrint = printOf(r, "MainProcess", "main process").seq();
        Event p2Exit = exitOf(r, "Process-1");
        Event p1Exit = exitOf(r, "Process-2");
        Event sigterm = sigterm(r, "Process-2");

        assertThat(p2Exit.get("exitcode")).isEqualTo(0L);
        assertThat(ScenarioRun.prints(r, "Process-1")).extracting(e -> e.text("text"))
                .containsExactly("second 0", "second 1", "second 2", "second 3", "second 4");
        assertThat(p1Exit.get("exitcode")).as("the daemon is terminated").isEqualTo(-15L);
        assertThat(sigterm.seq()).as("terminated after p2 ended, when main's code ended")
                .isGreaterThan(p2Exit.seq()).isGreaterThan(mainPrint);
        assertThat(ScenarioRun.prints(r, "Process-2")).as("the daemon still prints after main's print")
                .anyMatch(e -> e.seq() > mainPrint && e.text("text").equals("is alive"));
    }

    @Test
    void theDaemonOutlivesP2WhenMainsCodeRunsLonger() throws Exception {
        // p2 counts 1 s, main sleeps 7 s: the daemon ends with main's code, not with p2. At speed 2
        // that leaves 3 s of real time between p2's end and main's print, whatever the start-ups.
        RealRun.Result r = ScenarioRun.run("daemon", Map.of("count", "1", "sleep", "7"), 2);
        Event p2Exit = exitOf(r, "Process-1");
        long mainPrint = printOf(r, "MainProcess", "main process").seq();
        Event sigterm = sigterm(r, "Process-2");
        assertThat(mainPrint).isGreaterThan(p2Exit.seq());
        assertThat(sigterm.seq()).isGreaterThan(mainPrint);
        assertThat(ScenarioRun.prints(r, "Process-2")).as("prints of the daemon after p2 ended")
                .anyMatch(e -> e.seq() > p2Exit.seq() && e.seq() < sigterm.seq());
        assertThat(exitOf(r, "Process-2").get("exitcode")).isEqualTo(-15L);
    }

    private static Event sigterm(RealRun.Result r, String proc) {
        return r.of("signal").stream().filter(e -> proc.equals(e.proc()) && "SIGTERM".equals(e.get("signal")))
                .findFirst().orElseThrow(() -> new AssertionError("no SIGTERM to " + proc + "\n" + r.transcript()));
    }
}
