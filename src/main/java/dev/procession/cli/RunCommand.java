package dev.procession.cli;

import dev.procession.events.EventLog;
import dev.procession.events.JsonLinesWriter;
import dev.procession.events.LogFollower;
import dev.procession.scenario.BadParameterException;
import dev.procession.scenario.PlainDecimal;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.Run;
import dev.procession.events.Event;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run a scenario with real processes and print what they do.")
final class RunCommand implements Callable<Integer> {
    private static final String INTERRUPTED = "procession: interrupted; every process of the run was stopped";

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario id, see 'procession list'")
    String scenarioId;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set a parameter (repeatable)")
    List<String> settings = List.of();

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "scenario seconds per real second, 0.05 to 100 (default 1)")
    String speedText;

    @Option(names = "--json", description = "print the event log as JSON Lines instead of text")
    boolean json;

    @Option(names = "--events", paramLabel = "FILE", description = "also write the event log to FILE (JSON Lines)")
    Path eventsFile;

    @Option(names = "--step", description = "step mode: you choose which process goes next, one choice per line"
            + " of standard input (empty: the oldest; a number: that process; 'free' or end of input: run freely)")
    boolean step;

    @Override
    public Integer call() throws IOException {
        Scenario scenario = Scenarios.byId(scenarioId);
        Map<String, Object> params = Scenarios.resolve(scenario, Settings.parse(scenario, settings));
        double speed = PlainDecimal.number(speedText.trim()).orElse(Double.NaN);
        if (!(speed >= 0.05 && speed <= 100)) {
            throw new BadParameterException("--speed must be a number from 0.05 to 100, got '" + speedText + "'");
        }
        EventsFile.check(eventsFile);
        EventLog log = new EventLog();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        // A log that cannot be written (a full disk, /dev/full) stops the run at once: a run
        // whose record is being lost is not worth playing on.
        CompletableFuture<Run> started = new CompletableFuture<>();
        JsonLinesWriter file = eventsFile == null ? null
                : JsonLinesWriter.toFile(eventsFile, error -> started.thenAccept(Run::stop));
        // Each reader follows the log on a thread of its own: a terminal paused by `| less`
        // holds up the printing, never the hub and the processes of the run.
        Followers followers = new Followers();
        // To standard error: with --json, standard output carries the log alone.
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Consumer<Event> printer = json ? e -> out.println(e.toJsonLine()) : new LogPrinter(out);
        if (step) {
            // On the printer's thread, so each list of held calls comes after the events that led to it.
            printer = printer.andThen(new StepPrompt(json ? err : out, err,
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), started));
        }
        followers.add(LogFollower.start(log, printer, "procession-printer"));
        if (file != null) {
            followers.add(LogFollower.start(log, file, "procession-events-file"));
        }
        followers.add(LogFollower.start(log, new DeadHolderNotice(err), "procession-notices"));
        AtomicBoolean interrupted = new AtomicBoolean();
        long code;
        // Ctrl-C (or a SIGTERM) must not leave a single process of the run behind, even one that
        // comes while the run is starting: the hook is in place first and waits for the start.
        Thread cleanup = new Thread(() -> {
            interrupted.set(true);
            try {
                started.get(30, TimeUnit.SECONDS).close();
            } catch (Exception notStarted) {
                // Run.start failed: nothing of the run is left to close.
            }
            followers.close();
            // Said here: once the hooks end the JVM halts, whatever the main thread was doing.
            System.err.println(INTERRUPTED);
        }, "procession-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            try (Run run = startRun(scenario, params, speed, log, started, step)) {
                code = run.finished().join();
                // Closed while the hook is still in place: a Ctrl-C now makes the hook wait for this
                // close (it is synchronized) instead of halting the JVM in the middle of it.
                run.close();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running and finishes the close.
            }
            // Everything the run logged is printed and written before the command says it is done.
            followers.close();
            if (file != null) {
                file.close();
            }
            out.flush();
        }
        if (interrupted.get()) {
            return Main.ExitCode.FAILED;
        }
        if (file != null && file.error().isPresent()) {
            System.err.println("procession: could not write the event log to " + eventsFile + " ("
                    + file.error().get().getMessage() + "); the run was stopped at once");
            return Main.ExitCode.FAILED;
        }
        if (code != 0) {
            System.err.println("procession: the main process ended with exit code " + code);
            return Main.ExitCode.FAILED;
        }
        return Main.ExitCode.OK;
    }

    /** Starts the run and hands it to whoever waits for it (the Ctrl-C hook), or says it failed. */
    private static Run startRun(Scenario scenario, Map<String, Object> params, double speed, EventLog log,
                                CompletableFuture<Run> started, boolean step) throws IOException {
        try {
            Run run = step ? Run.startInStepMode(scenario.id(), params, speed, log)
                    : Run.start(scenario.id(), params, speed, log);
            started.complete(run);
            return run;
        } catch (IOException | RuntimeException e) {
            started.completeExceptionally(e);
            throw e;
        }
    }

    /** The command's log readers, drained and stopped together. */
    private static final class Followers implements AutoCloseable {
        private final List<LogFollower> all = new java.util.concurrent.CopyOnWriteArrayList<>();

        void add(LogFollower follower) {
            all.add(follower);
        }

        @Override
        public void close() {
            all.forEach(LogFollower::close);
        }
    }
}
