package dev.procession.cli;

import dev.procession.events.Event;
import dev.procession.model.PendingStep;
import dev.procession.model.PrimitiveState;
import dev.procession.model.RunState;
import dev.procession.model.Steps;
import dev.procession.supervisor.Run;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;

/**
 * {@code run --step}: the person at the terminal is the scheduler. Whenever the run waits for a
 * choice alone (every live process has a call held or waits for another), it lists the held calls;
 * a reader thread takes one choice per line of standard input: an empty line lets the oldest go,
 * a number the process the list shows with it, {@code free} (or the end of the input) runs freely.
 *
 * <p>The list is written by the log's printer thread, after the events that led to it; only the
 * reading waits for the person, on a thread of its own, so a stop never waits for the keyboard.
 */
final class StepPrompt extends FoldingReader {

    private static final String FREE = "free";

    private final CompletableFuture<Run> run;
    private final BufferedReader in;
    private final PrintWriter err;
    private final BlockingQueue<RunState> choices = new LinkedBlockingQueue<>();
    private Steps askedFor;
    private boolean toldStuck;

    StepPrompt(PrintWriter out, PrintWriter err, BufferedReader in, CompletableFuture<Run> run) {
        super(out);
        this.err = err;
        this.in = in;
        this.run = run;
        Thread.ofPlatform().name("procession-step-choices").daemon(true).start(this::choose);
    }

    @Override
    protected void read(Event e) {
        RunState s = state();
        if (s.awaitsStep() && !s.steps().equals(askedFor)) {
            askedFor = s.steps();
            toldStuck = false;
            out.println(list(s));
            out.println(hint(s));
            out.flush();
            choices.add(s);
        } else if (s.stuckInStepMode() && !toldStuck) {
            toldStuck = true;
            out.println("-- step: nothing is held and no process can go on: each waits for another (Ctrl-C stops"
                    + " the run)");
            out.flush();
        }
    }

    /** The held calls, oldest first, each with the number that chooses it: "[2] buyer1: acquire lock (line 18)". */
    private static String list(RunState s) {
        return "-- step: " + s.steps().pending().stream().map(p -> "[" + p.index() + "] " + describe(s, p))
                .collect(Collectors.joining("  "));
    }

    private static String describe(RunState s, PendingStep p) {
        PrimitiveState named = p.obj() == null ? null : s.primitive(p.obj());
        String obj = p.obj() == null ? "" : " " + (named == null ? p.obj() : named.label());
        return p.proc() + ": " + p.op() + obj + (p.line() > 0 ? " (line " + p.line() + ")" : "");
    }

    private static String hint(RunState s) {
        PendingStep oldest = s.steps().oldest();
        return "   Enter lets [" + oldest.index() + "] " + oldest.proc() + " go; a number lets that one go; '"
                + FREE + "' runs freely";
    }

    /** The reader thread: one choice per list, asked again after a bad one. */
    private void choose() {
        try {
            while (true) {
                RunState s = choices.take();
                if (!chooseFrom(s)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | IllegalStateException runOver) {
            // Standard input failed, or the run ended while we asked: nothing is left to choose.
        }
    }

    /** Reads lines until one is a good choice for {@code s}; false once the run is to run freely. */
    private boolean chooseFrom(RunState s) throws IOException {
        Run r = run.join();
        while (true) {
            String line = in.readLine();
            if (line == null || line.trim().equals(FREE)) {
                r.setStepMode(false);
                return false;
            }
            String choice = line.trim();
            if (choice.isEmpty()) {
                if (r.step()) {
                    return true;
                }
                err.println("procession: nothing is held any more; choose again");
            } else {
                PendingStep chosen = chosen(s, choice);
                if (chosen != null && r.step(chosen.pid())) {
                    return true;
                }
                err.println("procession: '" + choice + "' is not a waiting process; choose one of "
                        + s.steps().pending().stream().map(p -> String.valueOf(p.index()))
                        .collect(Collectors.joining(", ")) + ", an empty line for the oldest, or '" + FREE + "'");
            }
            err.flush();
        }
    }

    private static PendingStep chosen(RunState s, String choice) {
        if (!choice.matches("\\d{1,9}")) {
            return null;
        }
        int index = Integer.parseInt(choice);
        return s.steps().pending().stream().filter(p -> p.index() == index).findFirst().orElse(null);
    }
}
