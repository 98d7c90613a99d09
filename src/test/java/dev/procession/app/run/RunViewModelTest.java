package dev.procession.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.ProcFs;
import dev.procession.supervisor.ProcStat;
import dev.procession.supervisor.Run;
import dev.procession.testing.OsProcesses;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The run commands on the synchronous control front, against a real run: states checked in /proc. */
class RunViewModelTest {
    private final RunViewModel runs = new RunViewModel(new DirectControlFront());
    private final Set<Long> seen = new LinkedHashSet<>();

    @AfterEach
    void tearDown() {
        runs.closeNow();
        OsProcesses.awaitGone(seen, Duration.ofSeconds(15), "every process of the run ends");
    }

    @Test
    void pauseAllStopsEveryProcessResumeAllRestartsThemAndResetLeavesNone() throws Exception {
        runs.start(Scenarios.byId("traffic-light"), Map.of("cars", "2", "period", "30"));
        assertThat(runs.stateProperty().get()).isEqualTo(RunState.RUNNING);
        Run run = runs.runProperty().get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            seen.addAll(run.livePids());
            return run.livePids().size() >= 4;                 // main, light, two cars
        });
        Set<Long> pids = run.livePids();
        seen.addAll(pids);

        runs.pauseAll();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pids.stream().allMatch(p -> state(p) == 'T'));
        runs.resumeAll();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pids.stream().noneMatch(p -> state(p) == 'T'));

        runs.reset();
        assertThat(runs.stateProperty().get()).isEqualTo(RunState.IDLE);
        assertThat(runs.runProperty().get()).isNull();
        assertThat(runs.status().knownProperty().get()).isFalse();
        OsProcesses.awaitGone(pids, Duration.ofSeconds(15), "Reset kills every process of the run");
    }

    @Test
    void statusFiguresAreUnknownUntilThePumpReportsThem() {
        RunStatus status = runs.status();
        assertThat(status.knownProperty().get()).isFalse();
        status.update(5, 200L << 20, 3.5);
        assertThat(status.knownProperty().get()).isTrue();
        assertThat(status.liveProcessesProperty().get()).isEqualTo(5);
        status.clear();
        assertThat(status.knownProperty().get()).isFalse();
    }

    private static char state(long pid) {
        return ProcFs.read(pid).map(ProcStat::state).orElse('-');
    }
}
