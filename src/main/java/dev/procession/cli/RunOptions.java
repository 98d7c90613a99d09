package dev.procession.cli;

import dev.procession.scenario.BadParameterException;
import dev.procession.scenario.PlainDecimal;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every command that runs something (run, run-python): speed, output, log file, step mode. */
final class RunOptions {
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

    /** The --speed option's value, checked: 0.05 to 100. */
    double speed() {
        double speed = PlainDecimal.number(speedText.trim()).orElse(Double.NaN);
        if (!(speed >= 0.05 && speed <= 100)) {
            throw new BadParameterException("--speed must be a number from 0.05 to 100, got '" + speedText + "'");
        }
        return speed;
    }

    /** Runs what {@code starter} starts with these options, as {@link RunSession} does. */
    RunSession.Ended execute(RunSession.Starter starter) throws IOException {
        return RunSession.execute(json, eventsFile, step, starter);
    }
}
