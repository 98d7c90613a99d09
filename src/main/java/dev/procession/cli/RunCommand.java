package dev.procession.cli;

import dev.procession.scenario.BadParameterException;
import dev.procession.scenario.PlainDecimal;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run a scenario with real processes and print what they do.")
final class RunCommand implements Callable<Integer> {
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

    @Option(names = "--step", description = StepPrompt.OPTION_HELP)
    boolean step;

    @Override
    public Integer call() throws IOException {
        Scenario scenario = Scenarios.byId(scenarioId);
        Map<String, Object> params = Scenarios.resolve(scenario, Settings.parse(scenario, settings));
        double speed = speed(speedText);
        RunSession.Ended ended = RunSession.execute(json, eventsFile, step,
                log -> step ? Run.startInStepMode(scenario.id(), params, speed, log)
                        : Run.start(scenario.id(), params, speed, log));
        if (ended.failed()) {
            return Main.ExitCode.FAILED;
        }
        if (ended.code() != 0) {
            System.err.println("procession: the main process ended with exit code " + ended.code());
            return Main.ExitCode.FAILED;
        }
        return Main.ExitCode.OK;
    }

    /** The --speed option's value, checked: 0.05 to 100. */
    static double speed(String speedText) {
        double speed = PlainDecimal.number(speedText.trim()).orElse(Double.NaN);
        if (!(speed >= 0.05 && speed <= 100)) {
            throw new BadParameterException("--speed must be a number from 0.05 to 100, got '" + speedText + "'");
        }
        return speed;
    }

}
