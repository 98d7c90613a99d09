package dev.procession.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.PythonPrograms;
import dev.procession.testing.RealRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the hub does not serve runs natively, and the log says so: nothing falls back silently. */
class RunPythonNotProxiedTest {
    @TempDir
    Path work;

    @Test
    void sharedMemoryRunsNativelyWithANoteAndAValuesLockIsTheHubs() throws Exception {
        RealRun.Result r = RealRun.runPython(PythonPrograms.fromResource(work, "shared_memory.py"), 1,
                Duration.ofSeconds(60));
        assertThat(r.exitCode()).as("errors: %s", r.errors()).isZero();
        assertThat(r.prints()).containsExactly("3 [7, 0, 0]");
        List<String> notes = r.of("note").stream().map(e -> e.text("text")).toList();
        assertThat(notes).hasSize(4);
        assertThat(notes.getFirst()).startsWith("Not recorded by Procession: shared memory");
        assertThat(notes.subList(1, 4)).satisfiesExactly(
                n -> assertThat(n).startsWith("multiprocessing.Value('i') runs natively"),
                n -> assertThat(n).startsWith("multiprocessing.Array('i') runs natively"),
                n -> assertThat(n).startsWith("shared_memory.SharedMemory(").contains("created, 16 bytes"));
        assertThat(r.of("acquired")).extracting(Event::obj).contains("RLock#1", "RLock#2");
    }
}
