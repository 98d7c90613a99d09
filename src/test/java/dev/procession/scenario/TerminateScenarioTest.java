package dev.procession.scenario;

import static dev.procession.scenario.ScenarioRun.exitCodeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.RealRun;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminateScenarioTest {
    @Test
    void exitCodesAreZeroOrMinusTheSignalAsInPython() throws Exception {
        RealRun.Result r = ScenarioRun.run("terminate", Map.of(), 5);
        assertThat(exitCodeOf(r, "MyProcess-1")).as("terminated").isEqualTo(-15L);
        assertThat(exitCodeOf(r, "MyProcess-2")).as("killed").isEqualTo(-9L);
        assertThat(exitCodeOf(r, "Process-3")).as("ended normally").isZero();
        assertThat(r.of("signal")).extracting(e -> e.proc() + " " + e.get("signal"))
                .containsExactly("MyProcess-1 SIGTERM", "MyProcess-2 SIGKILL");
        // terminate() returns before the child is gone; whether it is still alive is a race.
        assertThat(r.prints()).anyMatch(p -> p.matches("right after terminate, alive: (True|False)"));
        assertThat(r.prints()).containsSubsequence(
                "after join, alive: False exitcode: -15",
                "after kill, exitcode: -9",
                "work done",
                "after a normal end, exitcode: 0");
        assertThat(r.prints()).noneMatch(p -> p.endsWith("woke up"));
    }

    /**
     * What python3 prints for the listing, at every speed: each child prints before it is ended,
     * because the parent's sleep starts counting only once the child has started (a JVM's start
     * is not scenario time).
     */
    @ParameterizedTest(name = "speed {0}")
    @ValueSource(doubles = {0.25, 1, 4})
    void printsWhatPythonPrintsAtEverySpeed(double speed) throws Exception {
        RealRun.Result r = ScenarioRun.run("terminate", Map.of(), speed);
        assertThat(r.prints()).as("printed at speed %s", speed).satisfiesExactly(
                p -> assertThat(p).isEqualTo("alex sleeps"),
                p -> assertThat(p).matches("right after terminate, alive: (True|False)"),
                p -> assertThat(p).isEqualTo("after join, alive: False exitcode: -15"),
                p -> assertThat(p).isEqualTo("egon sleeps"),
                p -> assertThat(p).isEqualTo("after kill, exitcode: -9"),
                p -> assertThat(p).isEqualTo("work done"),
                p -> assertThat(p).isEqualTo("after a normal end, exitcode: 0"));
    }
}
