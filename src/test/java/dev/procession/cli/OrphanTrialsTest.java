package dev.procession.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.supervisor.Signal;
import dev.procession.supervisor.SignalException;
import dev.procession.supervisor.Signals;
import dev.procession.testing.CliProcess;
import dev.procession.testing.OsProcesses;
import dev.procession.testing.RealRun;
import dev.procession.testing.Series;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof under faults: the CLI is killed with SIGKILL at a random moment of a run, in half the
 * trials after pausing some of the run's processes with SIGSTOP (as the window's pause does), and
 * within 2 s no process of the run may be left. {@value #TRIALS_ENV} sets the number of trials
 * (3 by default, so ./verify stays short; docs/reliability.md has the figures of a long series).
 */
@EnabledOnOs(OS.LINUX)
class OrphanTrialsTest {
    static final String TRIALS_ENV = "PROCESSION_ORPHAN_TRIALS";
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final List<String[]> RUNS = List.of(
            new String[] {"run", "traffic-light", "--set", "cars=6"},
            new String[] {"run", "ktv"},
            new String[] {"run", "tickets"});

    @TempDir
    Path work;

    @Test
    void killingTheCliAtARandomMomentLeavesNoProcessWithinTwoSeconds() throws Exception {
        Series series = Series.fromEnv(TRIALS_ENV, 3);
        int trials = series.size();
        List<Trial> done = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            done.add(trial(i, series.random()));
        }
        long worst = done.stream().mapToLong(Trial::nanosToNone).max().orElse(0);
        System.out.printf("orphan trials: %d (seed %d), %d with paused processes (%d paused in all), %d processes"
                        + " ended, every one within %.0f ms of the kill, mean %.0f ms%n", trials, series.seed(),
                done.stream().filter(t -> t.paused > 0).count(), done.stream().mapToInt(Trial::paused).sum(),
                done.stream().mapToInt(Trial::processes).sum(), worst / 1e6,
                done.stream().mapToLong(Trial::nanosToNone).average().orElse(0) / 1e6);
    }

    private record Trial(int processes, int paused, long nanosToNone) {
    }

    private Trial trial(int index, Random random) throws Exception {
        String[] args = RUNS.get(index % RUNS.size());
        try (CliProcess cli = CliProcess.start(work, false, args)) {
            // The watchdog is the run's first process: from then on the run folder is known.
            Path runDir = awaitRunDir(cli);
            LockSupport.parkNanos(Duration.ofMillis(random.nextInt(4000)).toNanos());
            Set<Long> run = new LinkedHashSet<>(OsProcesses.workingIn(runDir));
            int paused = 0;
            if (index % 2 == 1) {
                for (long pid : run) {
                    // A random subset, never none: at least the first one.
                    if ((paused == 0 || random.nextBoolean()) && stop(pid)) {
                        paused++;
                    }
                }
            }
            run.addAll(OsProcesses.workingIn(runDir));
            Signals.send(cli.pid(), Signal.KILL);
            long killed = System.nanoTime();
            String what = "trial " + index + " (" + String.join(" ", args) + ", " + paused + " paused)";
            OsProcesses.awaitGone(run, LIMIT, what + ": no process of the run left");
            long ended = System.nanoTime() - killed;
            // The folder also finds a process that started as the CLI died, after the list was taken.
            RealRun.await(LIMIT.minusNanos(ended), () -> OsProcesses.workingIn(runDir).isEmpty(),
                    what + ": no process started at the last moment left");
            cli.awaitExit(Duration.ofSeconds(10));
            // The watchdog removes it after its last looks, some tenths of a second later.
            RealRun.await(Duration.ofSeconds(10), () -> !Files.exists(runDir), what + ": the run folder removed");
            return new Trial(run.size(), paused, ended);
        }
    }

    private static boolean stop(long pid) {
        try {
            Signals.send(pid, Signal.STOP);
            return true;
        } catch (SignalException gone) {
            return false;
        }
    }

    /** The run folder, read from the watchdog's command line ("sh -c SCRIPT procession-watchdog DIR"). */
    private static Path awaitRunDir(CliProcess cli) {
        Path[] found = new Path[1];
        RealRun.await(Duration.ofSeconds(40), () -> {
            for (long pid : cli.descendants()) {
                try {
                    String[] argv = Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8)
                            .split("\0");
                    if (argv.length == 5 && argv[3].equals("procession-watchdog")) {
                        found[0] = Path.of(argv[4]);
                        return true;
                    }
                } catch (IOException gone) {
                    // Ended while we looked.
                }
            }
            return false;
        }, "the run's watchdog");
        return found[0];
    }
}
