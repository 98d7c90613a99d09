package dev.procession.cli;

import dev.procession.events.Event;
import dev.procession.events.EventLog;
import dev.procession.events.JsonLinesWriter;
import dev.procession.events.LogFollower;
import dev.procession.supervisor.Run;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One run from the command line, whatever it runs (a scenario, a python3 program): the log
 * printed as it grows (text or JSON Lines) and written to a file, and nothing left behind by a
 * Ctrl-C or a log that cannot be written.
 */
final class RunSession {
    private static final String INTERRUPTED = "procession: interrupted; every process of the run was stopped";

    /** Starts the run, logging into {@code log}. */
    interface Starter {
        Run start(EventLog log) throws IOException;
    }

    /**
     * How it ended: {@code failed} when it was interrupted or its log could not be written (said
     * already on standard error), else the main process's exit {@code code}; {@code log} is its record.
     */
    record Ended(boolean failed, long code, EventLog log) {
    }

    private RunSession() {
    }

    /** @param step step mode: each choice is read from standard input (see {@link StepPrompt}) */
    static Ended execute(boolean json, Path eventsFile, boolean step, Starter starter) throws IOException {
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
            try (Run run = startRun(starter, log, started)) {
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
            return new Ended(true, code, log);
        }
        if (file != null && file.error().isPresent()) {
            System.err.println("procession: could not write the event log to " + eventsFile + " ("
                    + file.error().get().getMessage() + "); the run was stopped at once");
            return new Ended(true, code, log);
        }
        return new Ended(false, code, log);
    }

    /** Starts the run and hands it to whoever waits for it (the Ctrl-C hook), or says it failed. */
    private static Run startRun(Starter starter, EventLog log, CompletableFuture<Run> started) throws IOException {
        try {
            Run run = starter.start(log);
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
