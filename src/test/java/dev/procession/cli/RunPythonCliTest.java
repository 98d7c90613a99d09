package dev.procession.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.events.JsonLinesReader;
import dev.procession.testing.CliProcess;
import dev.procession.testing.OsProcesses;
import dev.procession.testing.PythonPrograms;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-python's bad input: one clear line, Python's exit code, and no process left behind. */
class RunPythonCliTest {
    @TempDir
    Path work;

    @BeforeAll
    static void python() {
        assumeTrue(PythonPrograms.available(), "no python3 on the PATH");
    }

    @Test
    void aScriptThatDoesNotExistIsRefusedBeforeAnythingStarts() {
        String[] said = refused("run-python", work.resolve("nope.py").toString());
        assertThat(said[0]).isEqualTo("procession: no such Python script: " + work.resolve("nope.py"));
    }

    @Test
    void aFileThatIsNotPythonIsRefusedWithWhereItFails() throws Exception {
        Path notPython = work.resolve("notes.py");
        Files.writeString(notPython, "Buy milk, then\nrun the tickets example twice\n");
        String[] said = refused("run-python", notPython.toString());
        assertThat(said[0]).startsWith("procession: " + notPython + " is not Python: ").contains("(line 1)");
    }

    @Test
    void aScriptThatRaisesAtImportSaysWhatAndWhereAndExitsAsPythonDoes() throws Exception {
        Path script = work.resolve("raises.py");
        Files.writeString(script, "import multiprocessing\nx = 1 / 0\n");
        RunOutcome o = run(script);
        assertThat(o.code).isEqualTo(1);
        assertThat(o.stderr).contains("procession: the Python program ended with exit code 1: "
                + "ZeroDivisionError: division by zero (raises.py, line 2)");
    }

    @Test
    void aScriptThatExitsAtOnceEndsWithItsOwnExitCode() throws Exception {
        Path script = work.resolve("exits.py");
        Files.writeString(script, "import sys\nsys.exit(3)\n");
        RunOutcome o = run(script);
        assertThat(o.code).isEqualTo(3);
        assertThat(o.stderr).contains("procession: the Python program ended with exit code 3");
    }

    @Test
    void argumentsAfterTheScriptAreTheScripts() throws Exception {
        Path script = work.resolve("args.py");
        Files.writeString(script, "import sys\nprint(sys.argv[1:])\n");
        RunOutcome o = run(script, "--json", "-x");
        assertThat(o.code).isZero();
        assertThat(o.stdout).contains("| ['--json', '-x']");
    }

    private String[] refused(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(2);
        String[] lines = err.toString().strip().split("\n");
        assertThat(lines).as("stderr").hasSize(1);
        return lines;
    }

    private record RunOutcome(int code, String stdout, String stderr) {
    }

    /** Runs the CLI as a process of its own and checks that no process of the run outlives it. */
    private RunOutcome run(Path script, String... args) throws Exception {
        Path events = work.resolve(script.getFileName() + ".jsonl");
        List<String> cmd = new java.util.ArrayList<>(List.of("run-python", "--events", events.toString(),
                script.toString()));
        cmd.addAll(List.of(args));
        try (CliProcess cli = CliProcess.start(work, false, cmd.toArray(String[]::new))) {
            int code = cli.awaitExit(Duration.ofSeconds(60));
            List<Event> log = JsonLinesReader.read(events);
            assertThat(log).filteredOn(e -> e.kind() == EventKind.EXIT).isNotEmpty();
            Set<Long> pids = log.stream().map(Event::pid).filter(p -> p > 0).collect(Collectors.toSet());
            assertThat(OsProcesses.aliveAmong(pids)).as("processes of the finished run").isEmpty();
            return new RunOutcome(code, cli.stdout(), cli.stderr());
        }
    }
}
