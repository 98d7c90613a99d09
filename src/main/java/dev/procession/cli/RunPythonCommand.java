package dev.procession.cli;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.supervisor.PythonProgram;
import dev.procession.supervisor.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "run-python", description = "Run an unchanged python3 program that uses multiprocessing, its"
        + " processes real CPython processes and its synchronization objects Procession's (docs/python.md).")
final class RunPythonCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "the Python program")
    Path script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "its arguments")
    List<String> args = List.of();

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws IOException {
        double speed = options.speed();
        PythonProgram program = PythonProgram.checked(script, args, Path.of(""));
        RunSession.Ended ended = options.execute(
                log -> Run.startPython(program, speed, log, options.step));
        if (ended.failed()) {
            return Main.ExitCode.FAILED;
        }
        if (ended.code() != 0) {
            System.err.println("procession: the Python program ended with exit code " + ended.code()
                    + mainError(ended).map(e -> ": " + e).orElse(""));
        }
        // The Python program's own exit code, as python3 would have given it (a signal's -N as 128+N).
        return (int) (ended.code() < 0 ? 128 - ended.code() : Math.min(ended.code(), 255));
    }

    /** What the main process raised, with where: the last error event of the run's first process. */
    private static java.util.Optional<String> mainError(RunSession.Ended ended) {
        List<Event> events = ended.log().since(0);
        long mainPid = events.stream().filter(e -> e.kind() == EventKind.SPAWN && "supervisor".equals(e.get("parent")))
                .mapToLong(Event::pid).findFirst().orElse(-1);
        return events.stream().filter(e -> e.kind() == EventKind.ERROR && e.pid() == mainPid)
                .reduce((a, b) -> b)
                .map(e -> e.get("exception") + (e.get("line") == null ? ""
                        : " (" + Path.of(String.valueOf(e.get("file"))).getFileName() + ", line " + e.get("line") + ")"));
    }
}
