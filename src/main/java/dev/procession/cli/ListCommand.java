package dev.procession.cli;

import dev.procession.scenario.Parameter;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List the scenarios and their parameters.")
final class ListCommand implements Runnable {
    @Override
    public void run() {
        for (Scenario s : Scenarios.all()) {
            System.out.printf("%-14s %s%n", s.id(), s.title().get("en"));
            for (Parameter p : s.parameters()) {
                System.out.printf("%16s%-8s default %-6s %s (%s)%n", "", p.name(), p.defaultValue(), p.help(),
                        p.describe());
            }
        }
    }
}
