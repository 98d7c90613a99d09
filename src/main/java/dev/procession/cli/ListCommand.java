package dev.procession.cli;

import dev.procession.scenario.Parameter;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List the scenarios and their parameters.")
final class ListCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (Scenario s : Scenarios.all()) {
            out.printf("%-14s %s%n", s.id(), s.title().get("en"));
            for (Parameter p : s.parameters()) {
                out.printf("%16s%-11s default %-6s %s (%s)%n", "", p.name(), p.defaultValue(), p.help(),
                        p.describe());
            }
        }
        out.flush();
    }
}
