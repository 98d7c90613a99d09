package dev.procession.cli;

import dev.procession.runtime.NoJavaToStartException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code procession}: the scenarios without a window, for terminals, tests and benchmarks. */
@Command(name = "procession", mixinStandardHelpOptions = true, version = "Procession 0.1.0",
        description = "Processes and synchronization with real operating-system processes.",
        subcommands = {ListCommand.class, RunCommand.class, RunPythonCommand.class, ReplayCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code: 0 done, 2 bad input, 1 a failed run. */
    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /** The same, printing to {@code out} and {@code err} (null: standard output and error). */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        // Everything after the script is the script's own: `run-python app.py --verbose`.
        cli.getSubcommands().get("run-python").setStopAtPositional(true);
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("procession: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'procession --help'.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, r) -> {
            if (e instanceof IllegalArgumentException) {
                c.getErr().println("procession: " + e.getMessage());
                return ExitCode.USAGE;
            }
            // A broken installation, not a bad command: one line, as for any other error.
            if (e instanceof NoJavaToStartException) {
                c.getErr().println("procession: " + e.getMessage());
                return ExitCode.FAILED;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit codes of the command line. */
    static final class ExitCode {
        static final int OK = 0;
        static final int FAILED = 1;
        static final int USAGE = 2;

        private ExitCode() {
        }
    }
}
