package dev.procession.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procession.supervisor.PythonProgram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Python programs of the tests (resources under dev/procession/python) for run-python. */
public final class PythonPrograms {
    private PythonPrograms() {
    }

    /** Copies {@code name} into {@code dir} and runs it there; the test is skipped without python3. */
    public static PythonProgram fromResource(Path dir, String name, String... args) throws IOException {
        assumeTrue(available(), "no python3 on the PATH: run-python is skipped");
        Path script = dir.resolve(name);
        try (InputStream in = PythonPrograms.class.getResourceAsStream("/dev/procession/python/" + name)) {
            Files.copy(in, script);
        }
        return new PythonProgram(script, List.of(args), dir);
    }

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
