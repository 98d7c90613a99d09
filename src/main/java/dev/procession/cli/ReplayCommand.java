package dev.procession.cli;

import dev.procession.archive.BadRunFileException;
import dev.procession.archive.SavedRun;
import dev.procession.events.Event;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code procession replay FILE}: a saved run printed as {@code procession run} printed it; nothing runs. */
@Command(name = "replay", description = "Print a saved run (a JSON Lines event log) as 'run' printed it.")
final class ReplayCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a saved run: the window's data folder, or --events")
    Path file;

    @Option(names = "--json", description = "print the event log as JSON Lines instead of text")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SavedRun run;
        try {
            run = SavedRun.read(file);
        } catch (BadRunFileException e) {
            err.println("procession: " + e.getMessage());
            return Main.ExitCode.USAGE;
        }
        Consumer<Event> printer = json ? e -> out.println(e.toJsonLine()) : new LogPrinter(out);
        DeadHolderNotice notices = new DeadHolderNotice(err);
        for (Event e : run.events()) {
            printer.accept(e);
            notices.accept(e);
        }
        out.flush();
        if (run.truncated()) {
            err.println("procession: " + file + " ends in a line cut short (the run was not saved to its end); "
                    + "shown up to event " + run.lastSeq());
        }
        err.flush();
        return Main.ExitCode.OK;
    }
}
