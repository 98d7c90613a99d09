package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procession.supervisor.PythonProgram;
import dev.procession.testing.RealRun;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CPython's _test_multiprocessing cases for the primitives the hub serves, as Python
 * ({@code cpython_cases.py}, see docs/cpython-tests.md) run under run-python with each of
 * Python's start methods: every case passes against the hub, as it does under python3 alone.
 */
class RunPythonCpythonCasesTest {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fork", "spawn", "forkserver"})
    void everyCasePassesUnderTheShim(String startMethod) throws Exception {
        assumeTrue(PythonOutputTest.PythonRun.available(), "no python3 on the PATH");
        Path script = work.resolve("cpython_cases.py");
        try (InputStream in = getClass().getResourceAsStream("/dev/procession/python/cpython_cases.py")) {
            Files.copy(in, script);
        }
        RealRun.Result r = RealRun.runPython(new PythonProgram(script, List.of(startMethod), work), 1,
                Duration.ofSeconds(180));
        List<String> said = r.prints();
        assertThat(said).as("what the cases said").noneMatch(line -> line.startsWith("FAIL"))
                .contains("18 passed, 0 failed");
        assertThat(r.exitCode()).isZero();
        assertThat(r.of("error")).as("errors:%n%s", r.errors()).isEmpty();
        assertThat(r.of("spawn")).as("the main process and its 14 children").hasSize(15);
    }
}
