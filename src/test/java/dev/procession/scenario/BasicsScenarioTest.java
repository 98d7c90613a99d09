package dev.procession.scenario;

import static dev.procession.scenario.ScenarioRun.pidOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.RealRun;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BasicsScenarioTest {
    private static final Pattern RUNS_IN = Pattern.compile("(\\w+) .*runs in (\\d+), parent (\\d+)");

    @Test
    void bothWaysCreateChildrenOfTheMainProcessEachWithItsOwnCopyOfTheData() throws Exception {
        RealRun.Result r = ScenarioRun.run("basics", Map.of(), 5);
        long mainPid = pidOf(r, "MainProcess");
        assertThat(r.prints()).contains("main runs in " + mainPid, "alex got arg 1, runs in " + pidOf(r, "Process-1")
                + ", parent " + mainPid);

        // What each child read from the OS (getpid, getppid) against what the hub was told.
        for (String proc : new String[] {"Process-1", "MyProcess-2"}) {
            String line = ScenarioRun.prints(r, proc).getFirst().text("text");
            Matcher m = RUNS_IN.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            assertThat(Long.parseLong(m.group(2))).as("%s's own pid", proc).isEqualTo(pidOf(r, proc));
            assertThat(Long.parseLong(m.group(3))).as("%s's parent in the OS", proc).isEqualTo(mainPid);
            assertThat(ScenarioRun.spawnOf(r, proc).ppid()).as("%s's parent in the log", proc).isEqualTo(mainPid);
        }
        assertThat(ScenarioRun.spawnOf(r, "Process-1").get("target")).isEqualTo("work");
        assertThat(ScenarioRun.spawnOf(r, "MyProcess-2").get("target")).isEqualTo("MyProcess");

        // Isolation: both children zeroed their counter; the parent's is untouched.
        assertThat(r.prints()).contains("counter in alex is now 0", "counter in egon is now 0");
        assertThat(r.prints().getLast()).isEqualTo("counter in the parent is still 100");
        assertThat(ScenarioRun.exitCodeOf(r, "Process-1")).isZero();
        assertThat(ScenarioRun.exitCodeOf(r, "MyProcess-2")).isZero();
    }
}
