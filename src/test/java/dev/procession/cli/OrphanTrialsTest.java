package dev.procession.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procession.events.EventLog;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.ProcFs;
import dev.procession.supervisor.ProcStat;
import dev.procession.supervisor.Run;
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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof under faults: however a run ends (its main program ends, Stop, Ctrl-C to the terminal's
 * process group, or SIGKILL of the CLI at a random moment), within 2 s no process of the run is
 * left and its folder is removed. In half the trials that end a run from outside, a random
 * non-empty subset of its processes is paused (SIGSTOP, as the window's pause) first; in half of
 * those that end by themselves, processes are paused and resumed on the way. {@value #TRIALS_ENV}
 * sets the trials per ending (2 by default, so ./verify stays short; docs/reliability.md has the
 * figures of a long series).
 */
@EnabledOnOs(OS.LINUX)
class OrphanTrialsTest {
    static final String TRIALS_ENV = "PROCESSION_ORPHAN_TRIALS";
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final List<String[]> RUNS = List.of(
            new String[] {"traffic-light", "--set", "cars=6"},
            new String[] {"ktv"},
            new String[] {"tickets"});

    @TempDir
    Path work;

    private final Series series = Series.fromEnv(TRIALS_ENV, 2);
    private final Random random = series.random();

    @Test
    void aRunThatEndsByItselfLeavesNoProcess() throws Exception {
        series("normal end", i -> {
            // Faster than 1x so that a series of a hundred stays short; the ending is the same.
            try (CliProcess cli = CliProcess.start(work, false, command(i, "--speed", "4"))) {
                Path runDir = awaitRunDir(cli);
                int paused = i % 2 == 1 ? pauseAndResume(runDir) : 0;
                Set<Long> run = OsProcesses.workingIn(runDir);
                assertThat(cli.awaitExit(Duration.ofSeconds(120))).as(cli.output()).isZero();
                return check(i, runDir, run, paused, System.nanoTime());
            }
        });
    }

    @Test
    void stopAtARandomMomentLeavesNoProcess() throws Exception {
        series("stop", i -> {
            String[] args = RUNS.get(i % RUNS.size());
            Map<String, String> settings = args.length > 1 ? Map.of("cars", "6") : Map.of();
            try (Run run = Run.start(args[0], Scenarios.resolve(Scenarios.byId(args[0]), settings), 1.0,
                    new EventLog())) {
                Path runDir = run.dir();
                Set<Long> processes = atARandomMoment(runDir, i);
                int paused = i % 2 == 1 ? pauseSome(processes) : 0;
                long stopped = System.nanoTime();
                // What the window's Stop does; the folder goes with it.
                run.close();
                return check(i, runDir, processes, paused, stopped);
            }
        });
    }

    @Test
    void ctrlCAtARandomMomentLeavesNoProcess() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid")),
                "setsid(1) is needed to give the CLI a process group of its own");
        series("Ctrl-C", i -> {
            try (CliProcess cli = CliProcess.start(work, true, command(i))) {
                Path runDir = awaitRunDir(cli);
                Set<Long> processes = atARandomMoment(runDir, i);
                int paused = i % 2 == 1 ? pauseSome(processes) : 0;
                long group = ProcFs.read(cli.pid()).map(ProcStat::pgrp).orElseThrow();
                // Never signal a group the test itself is in.
                assertThat(group).isNotEqualTo(ProcFs.read(ProcessHandle.current().pid()).orElseThrow().pgrp());
                // What a terminal does on Ctrl-C: SIGINT to the whole foreground process group.
                long interrupted = System.nanoTime();
                if (cli.process().isAlive()) {
                    Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + group).inheritIO().start();
                    assertThat(kill.waitFor()).isZero();
                }
                Trial trial = check(i, runDir, processes, paused, interrupted);
                cli.awaitExit(Duration.ofSeconds(10));
                return trial;
            }
        });
    }

    @Test
    void killingTheCliAtARandomMomentLeavesNoProcess() throws Exception {
        series("kill -9 of the CLI", i -> {
            try (CliProcess cli = CliProcess.start(work, false, command(i))) {
                Path runDir = awaitRunDir(cli);
                Set<Long> processes = atARandomMoment(runDir, i);
                int paused = i % 2 == 1 ? pauseSome(processes) : 0;
                signal(cli.pid(), Signal.KILL);
                Trial trial = check(i, runDir, processes, paused, System.nanoTime());
                cli.awaitExit(Duration.ofSeconds(10));
                return trial;
            }
        });
    }

    private record Trial(int processes, int paused, long nanosToNone) {
    }

    @FunctionalInterface
    private interface TrialBody {
        Trial run(int index) throws Exception;
    }

    private void series(String ending, TrialBody body) throws Exception {
        List<Trial> done = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            done.add(body.run(i));
        }
        System.out.printf("orphan trials, %s: %d (seed %d), %d with paused processes (%d paused in all), %d processes"
                        + " ended, every one within %.0f ms, mean %.0f ms; load %s%n", ending, series.size(), series.seed(),
                done.stream().filter(t -> t.paused > 0).count(), done.stream().mapToInt(Trial::paused).sum(),
                done.stream().mapToInt(Trial::processes).sum(),
                done.stream().mapToLong(Trial::nanosToNone).max().orElse(0) / 1e6,
                done.stream().mapToLong(Trial::nanosToNone).average().orElse(0) / 1e6, loadAverage());
    }

    private static String[] command(int index, String... more) {
        String[] run = RUNS.get(index % RUNS.size());
        String[] args = new String[1 + run.length + more.length];
        args[0] = "run";
        System.arraycopy(run, 0, args, 1, run.length);
        System.arraycopy(more, 0, args, 1 + run.length, more.length);
        return args;
    }

    /**
     * Waits up to 4 s at random, except in the first trial of a series, which ends the run at the
     * earliest moment: as soon as its watchdog is there, while the first processes start (a Ctrl-C
     * there once came before the CLI's hook was in place). Returns the run's
     * processes then.
     */
    private Set<Long> atARandomMoment(Path runDir, int index) {
        LockSupport.parkNanos(index == 0 ? 0 : Duration.ofMillis(random.nextInt(4000)).toNanos());
        return new LinkedHashSet<>(OsProcesses.workingIn(runDir));
    }

    /**
     * Within {@link #LIMIT} of {@code ended} no process of the run is left: neither those known
     * before nor any that started at the last moment; then the folder goes.
     */
    private Trial check(int index, Path runDir, Set<Long> known, int paused, long ended) {
        String what = "trial " + index + " (" + Arrays.toString(RUNS.get(index % RUNS.size())) + ", " + paused
                + " paused)";
        Set<Long> run = new LinkedHashSet<>(known);
        run.addAll(OsProcesses.workingIn(runDir));
        OsProcesses.awaitGone(run, LIMIT, what + ": no process of the run left");
        long took = System.nanoTime() - ended;
        RealRun.await(LIMIT.minusNanos(took), () -> OsProcesses.workingIn(runDir).isEmpty(),
                what + ": no process started at the last moment left");
        // After a kill -9 the watchdog removes it after its last looks, some tenths of a second later.
        RealRun.await(Duration.ofSeconds(10), () -> !Files.exists(runDir), what + ": the run folder removed");
        return new Trial(run.size(), paused, took);
    }

    /** Pauses a random non-empty subset of {@code processes}; returns how many it paused. */
    private int pauseSome(Set<Long> processes) {
        int paused = 0;
        for (long pid : processes) {
            if ((paused == 0 || random.nextBoolean()) && signal(pid, Signal.STOP)) {
                paused++;
            }
        }
        return paused;
    }

    /** At a random moment pauses some of the run's processes for a moment, then resumes them. */
    private int pauseAndResume(Path runDir) {
        Set<Long> processes = atARandomMoment(runDir, 1);
        Set<Long> paused = new LinkedHashSet<>();
        for (long pid : processes) {
            if (random.nextBoolean() && signal(pid, Signal.STOP)) {
                paused.add(pid);
            }
        }
        LockSupport.parkNanos(Duration.ofMillis(random.nextInt(500)).toNanos());
        paused.forEach(pid -> signal(pid, Signal.CONT));
        return paused.size();
    }

    private static boolean signal(long pid, Signal signal) {
        try {
            Signals.send(pid, signal);
            return true;
        } catch (SignalException gone) {
            return false;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
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
