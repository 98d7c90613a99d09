package dev.procession.cli;

import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.Run;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run a scenario with real processes and print what they do.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario id, see 'procession list'")
    String scenarioId;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set a parameter (repeatable)")
    List<String> settings = List.of();

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws IOException {
        Scenario scenario = Scenarios.byId(scenarioId);
        Map<String, Object> params = Scenarios.resolve(scenario, Settings.parse(scenario, settings));
        double speed = options.speed();
        RunSession.Ended ended = options.execute(
                log -> options.step ? Run.startInStepMode(scenario.id(), params, speed, log)
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

}
