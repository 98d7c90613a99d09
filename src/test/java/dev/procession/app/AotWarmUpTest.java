package dev.procession.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.runtime.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotWarmUpTest {
    @TempDir
    Path dir;

    @Test
    void oneStartTrainsAtATimeAndAStaleTrainingIsTakenOver() throws Exception {
        Path marker = dir.resolve("cache").resolve("child-1.aot" + AotWarmUp.MARKER_SUFFIX);
        assertThat(AotWarmUp.claim(marker)).as("the first start trains").isTrue();
        assertThat(AotWarmUp.claim(marker)).as("a second start meanwhile does not").isFalse();

        Files.setLastModifiedTime(marker, FileTime.from(Instant.now().minus(AotWarmUp.STALE).minusSeconds(1)));
        assertThat(AotWarmUp.claim(marker)).as("a training that never ended is tried again").isTrue();
        assertThat(AotWarmUp.claim(marker)).isFalse();
    }

    @Test
    void trainsNothingFromClassFoldersAsUnderTheseTests() {
        // Maven's tests run from target/classes: the JDK caches classes from jars only.
        assertThat(AotWarmUp.startIfMissing(Map.of("HOME", dir.toString()))).isEmpty();
        assertThat(dir.resolve(".cache")).doesNotExist();
    }

    @Test
    void theTrainingIsThisAppRunningAShortScenarioOnItsOwnRuntime() {
        assertThat(AotWarmUp.command())
                .startsWith(Launcher.java().toString())
                .contains("-cp", System.getProperty("java.class.path"), ProcessionMain.class.getName())
                .endsWith(AotWarmUp.TRAINING_RUN.toArray(String[]::new));
    }
}
