package dev.procession.cli;

import dev.procession.events.EventKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procession.events.Event;
import dev.procession.events.JsonLinesReader;
import dev.procession.supervisor.ProcFs;
import dev.procession.supervisor.ProcStat;
import dev.procession.supervisor.Signal;
import dev.procession.supervisor.SignalException;
import dev.procession.supervisor.Signals;
import dev.procession.testing.CliProcess;
import dev.procession.testing.OsProcesses;
import dev.procession.testing.RealRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * No process outlives its simulator: the command line is killed, or interrupted as Ctrl-C does,
 * while its run has processes, and every one of them must be gone shortly after.
 */
@EnabledOnOs(OS.LINUX)
class CliTeardownTest {
    /** Long enough that the run is still going when the test acts on it. */
    private static final String[] LONG_RUN = {"run", "traffic-light", "--set", "cars=6", "--speed", "1"};
    /** The main process, the light and at least one car. */
    private static final int PROCESSES = 3;
    private static final Duration START = Duration.ofSeconds(40);

    @TempDir
    Path work;

    @Test
    void killingTheCliWithSigkillLeavesNoProcess() throws Exception {
        try (CliProcess cli = CliProcess.start(work, false, LONG_RUN)) {
            cli.awaitDescendants(PROCESSES, START);
            Path runDir = cli.runDir().orElseThrow();
            Set<Long> before = cli.descendants();

            Signals.send(cli.pid(), Signal.KILL);
            assertThat(cli.awaitExit(Duration.ofSeconds(10))).isEqualTo(128 + 9);

            // Each child halts when its hub connection closes; the kernel re-parents the others.
            Set<Long> run = new LinkedHashSet<>(before);
            run.addAll(OsProcesses.workingIn(runDir));
            OsProcesses.awaitGone(run, Duration.ofSeconds(3), "the run's processes to end after the CLI died");
            assertThat(OsProcesses.workingIn(runDir)).as("processes started after the last look").isEmpty();
            deleteTree(runDir); // Nobody was left to delete it: the price of a SIGKILL.
        }
    }

    /**
     * A paused process cannot notice that its hub is gone: before the watchdog, every process
     * stopped with SIGSTOP (as the app's pause does) stayed stopped forever after a kill -9.
     */
    @Test
    void killingTheCliWithSigkillEndsPausedProcessesToo() throws Exception {
        try (CliProcess cli = CliProcess.start(work, false, LONG_RUN)) {
            cli.awaitDescendants(PROCESSES, START);
            Path runDir = cli.runDir().orElseThrow();
            RealRun.await(START, () -> OsProcesses.workingIn(runDir).size() >= PROCESSES, "the run's processes");
            Set<Long> run = OsProcesses.workingIn(runDir);
            for (long pid : run) {
                Signals.send(pid, Signal.STOP);
            }

            Signals.send(cli.pid(), Signal.KILL);
            cli.awaitExit(Duration.ofSeconds(10));

            OsProcesses.awaitGone(run, Duration.ofSeconds(2), "the paused processes to end after the CLI died");
            RealRun.await(Duration.ofSeconds(2), () -> !Files.exists(runDir), "the run's folder to be removed");
        }
    }

    /** With an events file too: the file must stay open until the run is stopped and say so. */
    @Test
    void sigintToTheCliAloneStopsTheRun() throws Exception {
        Path events = work.resolve("events.jsonl");
        String[] args = Stream.concat(Stream.of(LONG_RUN), Stream.of("--events", events.toString()))
                .toArray(String[]::new);
        try (CliProcess cli = CliProcess.start(work, false, args)) {
            cli.awaitDescendants(PROCESSES, START);
            Path runDir = cli.runDir().orElseThrow();
            Set<Long> before = cli.descendants();

            Signals.send(cli.pid(), Signal.INT);
            int code = cli.awaitExit(Duration.ofSeconds(20));
            assertThat(code).as(cli.output()).isEqualTo(128 + 2);
            assertThat(cli.stderr()).as(cli.output()).contains("interrupted").doesNotContain("Exception");

            OsProcesses.awaitGone(before, Duration.ofSeconds(3), "the run's processes after Ctrl-C");
            assertThat(OsProcesses.workingIn(runDir)).isEmpty();
            assertThat(runDir).as("the shutdown hook deletes the run's folder").doesNotExist();
            List<Event> log = JsonLinesReader.read(events);
            assertThat(log).extracting(Event::kind).contains(EventKind.STOPPED);
        }
    }

    /**
     * A Ctrl-C just after the main process ended, while the run is being closed: before, the hook
     * was already removed, so the JVM halted mid-close (no message, the log cut short). Now every
     * trial ends one of two whole ways: the run closed first (exit 0), or the hook waited for the
     * close and said so (exit 130 with the message).
     */
    @Test
    void ctrlCWhileTheRunClosesWaitsForTheClose() throws Exception {
        for (int trial = 0; trial < 4; trial++) {
            Path events = work.resolve("close-" + trial + ".jsonl");
            try (CliProcess cli = CliProcess.start(work, false, "run", "basics", "--speed", "100",
                    "--events", events.toString())) {
                RealRun.await(START, () -> mainExited(events) || !cli.process().isAlive(), "main's exit in the log");
                Signals.send(cli.pid(), Signal.INT);
                int code = cli.awaitExit(Duration.ofSeconds(20));
                if (code != 0) {
                    assertThat(code).as(cli.output()).isEqualTo(128 + 2);
                    assertThat(cli.stderr()).as("trial %d: %s", trial, cli.output())
                            .contains("every process of the run was stopped");
                }
                assertThat(JsonLinesReader.read(events)).as("the whole log was written")
                        .anyMatch(e -> e.kind() == EventKind.EXIT && "MainProcess".equals(e.proc()));
            } catch (SignalException endedFirst) {
                // The CLI was done before the signal: a whole ending too.
            }
        }
    }

    private static boolean mainExited(Path events) {
        try {
            return Files.readAllLines(events).stream()
                    .anyMatch(l -> l.contains("\"proc\":\"MainProcess\"") && l.contains("\"kind\":\"exit\""));
        } catch (IOException notYet) {
            return false;
        }
    }

    /** What a terminal does on Ctrl-C: SIGINT to the whole foreground process group. */
    @Test
    void sigintToTheProcessGroupStopsTheRun() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid")),
                "setsid(1) is needed to give the CLI a process group of its own");
        try (CliProcess cli = CliProcess.start(work, true, LONG_RUN)) {
            cli.awaitDescendants(PROCESSES, START);
            Path runDir = cli.runDir().orElseThrow();
            Set<Long> before = cli.descendants();
            long group = ProcFs.read(cli.pid()).map(ProcStat::pgrp).orElseThrow();
            // Never signal a group the test itself is in.
            assertThat(group).isEqualTo(cli.pid())
                    .isNotEqualTo(ProcFs.read(ProcessHandle.current().pid()).orElseThrow().pgrp());
            for (long pid : before) {
                assertThat(ProcFs.read(pid).map(ProcStat::pgrp)).as("children are in the CLI's group").contains(group);
            }

            Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + group).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            int code = cli.awaitExit(Duration.ofSeconds(20));
            assertThat(code).as(cli.output()).isNotZero();

            OsProcesses.awaitGone(before, Duration.ofSeconds(3), "the run's processes after Ctrl-C to the group");
            assertThat(OsProcesses.workingIn(runDir)).isEmpty();
            assertThat(runDir).doesNotExist();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
