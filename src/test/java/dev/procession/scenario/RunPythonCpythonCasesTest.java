package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.PythonPrograms;
import dev.procession.testing.RealRun;
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
        RealRun.Result r = RealRun.runPython(PythonPrograms.fromResource(work, "cpython_cases.py", startMethod), 1,
                Duration.ofSeconds(180));
        List<String> said = r.prints();
        assertThat(said).as("what the cases said").noneMatch(line -> line.startsWith("FAIL"))
                .contains("18 passed, 0 failed");
        assertThat(r.exitCode()).isZero();
        assertThat(r.of("error")).as("errors:%n%s", r.errors()).isEmpty();
        assertThat(r.of("spawn")).as("the main process and its 14 children").hasSize(15);
    }
}
