package dev.procession.app.python;

import static dev.procession.app.WindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procession.app.WindowFixture;
import dev.procession.app.code.CodeView;
import dev.procession.app.run.RunState;
import dev.procession.events.EventKind;
import dev.procession.model.ProcState;
import dev.procession.testing.PythonPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** File > Open a Python script... in the real window: the user's own python3 program, its processes real. */
class PythonScriptWindowTest {
    @RegisterExtension
    static final WindowFixture window = new WindowFixture();

    private static final List<String> SCRIPT = List.of(
            "from multiprocessing import Lock, Process",
            "",
            "def work(lock, i):",
            "    with lock:",
            "        print('worker', i, 'has the lock')",
            "",
            "if __name__ == '__main__':",
            "    lock = Lock()",
            "    ps = [Process(target=work, args=(lock, i)) for i in range(2)]",
            "    for p in ps:",
            "        p.start()",
            "    for p in ps:",
            "        p.join()",
            "    print('done')");

    @Test
    void aScriptOfTheUsersRunsWithItsProcessesAndItsOwnSourceOnScreen(@TempDir Path dir) throws Exception {
        assumeTrue(PythonPrograms.available(), "python3 is needed to run a Python script");
        Path script = Files.write(dir.resolve("my_locks.py"), SCRIPT);
        window.robot().interact(() -> window.shell().runPython(script));
        await("the program ended by itself", () -> window.runs().stateProperty().get() == RunState.FINISHED);
        assertThat(window.runs().exitCodeProperty().get()).isZero();
        // Main and its two workers, each a CPython process, all in the table.
        await("every process shown, ended", () -> window.fold().processes().size() == 3
                && window.fold().processes().values().stream().allMatch(p -> p.exitCode() != null));
        assertThat(window.fold().processes().values()).extracting(ProcState::exitCode).containsOnly(0L);
        assertThat(window.runs().runProperty().get().log().since(0)).filteredOn(e -> e.kind() == EventKind.PRINT)
                .extracting(e -> e.text("text")).contains("worker 0 has the lock", "worker 1 has the lock", "done");
        // In this window: other test classes' windows may still be open.
        CodeView code = window.robot().from(window.window().current()).lookup("#code-view").queryAs(CodeView.class);
        assertThat(WindowFixture.onFx(() -> code.lineText(8))).isEqualTo("    lock = Lock()");
        assertThat(window.robot().from(code).lookup("#code-java").query().isDisabled()).as("no Java program beside it").isTrue();
        // Saved like any window run, under the name "python".
        assertThat(window.runs().savedFileProperty().get().getFileName().toString()).endsWith("-python.jsonl");
    }

    @Test
    void aScriptThatIsNotThereIsSaidInOneLineAndStartsNothing(@TempDir Path dir) {
        Path missing = dir.resolve("nope.py");
        window.robot().interact(() -> window.shell().runPython(missing));
        await("the start refused", () -> window.runs().stateProperty().get() == RunState.FAILED);
        assertThat(window.runs().failureProperty().get())
                .isEqualTo("The run could not start: no such Python script: " + missing.toAbsolutePath());
        assertThat(window.runs().runProperty().get()).isNull();
    }
}
