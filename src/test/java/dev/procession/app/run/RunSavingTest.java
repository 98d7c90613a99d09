package dev.procession.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.Messages;
import dev.procession.archive.RunArchive;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.Run;
import dev.procession.testing.OsProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Every run the window starts is saved as it goes; a folder that cannot take it is said, and the run goes on. */
class RunSavingTest {
    @TempDir
    Path dir;
    private final Set<Long> seen = new HashSet<>();
    private RunViewModel runs;

    @AfterEach
    void tearDown() {
        if (runs != null) {
            runs.closeNow();
        }
        OsProcesses.awaitGone(seen, Duration.ofSeconds(15), "every process of the run ends");
    }

    @Test
    void aRunIsSavedWholeIntoTheArchive() throws Exception {
        runs = new RunViewModel(new DirectControlFront(), new RunArchive(dir.resolve("runs")));
        Run run = startAndFinish();
        Path file = runs.savedFileProperty().get();
        assertThat(file).isNotNull().hasParent(dir.resolve("runs"));
        assertThat(file.getFileName().toString()).endsWith("-tickets.jsonl");
        List<String> logged = run.log().snapshot().stream().map(dev.procession.events.Event::toJsonLine).toList();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> Files.readAllLines(file).size() == logged.size());
        assertThat(Files.readAllLines(file)).isEqualTo(logged);
        assertThat(runs.failureProperty().get()).isNull();
    }

    @Test
    void aFolderThatCannotBeWrittenIsSaidAndTheRunGoesOn() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("runs"), "a file where the folder should be");
        runs = new RunViewModel(new DirectControlFront(), new RunArchive(notAFolder));
        startAndFinish();
        assertThat(runs.savedFileProperty().get()).isNull();
        assertThat(runs.failureProperty().get()).startsWith(Messages.text("run.notSaved", ""));
        assertThat(Files.readString(notAFolder)).isEqualTo("a file where the folder should be");
    }

    private Run startAndFinish() throws Exception {
        runs.start(Scenarios.byId("tickets"), Map.of("buyers", "1", "stock", "1"));
        Run run = runs.runProperty().get();
        assertThat(run).isNotNull();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            seen.addAll(run.livePids());
            return runs.stateProperty().get() == RunState.FINISHED;
        });
        return run;
    }
}
