package dev.procession.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A killed app leaves its run folder; the next start removes it, and only it. */
@EnabledOnOs(OS.LINUX)
class RunDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void theFolderOfADeadOwnerIsRemovedAndTheOthersStay() throws Exception {
        Process owner = new ProcessBuilder("sleep", "60").start();
        String ownerId = owner.pid() + " " + ProcFs.read(owner.pid()).orElseThrow().startTimeTicks();
        owner.destroyForcibly();
        assertThat(owner.waitFor(10, TimeUnit.SECONDS)).isTrue();

        Path abandoned = runFolder("abandoned", ownerId);
        Path reusedPid = runFolder("reused", ProcessHandle.current().pid() + " 1");
        long me = ProcessHandle.current().pid();
        Path live = runFolder("live", me + " " + ProcFs.read(me).orElseThrow().startTimeTicks());
        Path unknown = Files.createDirectory(tmp.resolve(RunDirectory.PREFIX + "unknown"));
        Path other = Files.createDirectory(tmp.resolve("someone-else"));

        RunDirectory.removeAbandoned(tmp);

        assertThat(abandoned).as("its owner is dead").doesNotExist();
        assertThat(reusedPid).as("the pid lives, but as another process").doesNotExist();
        assertThat(live).as("its owner runs").exists();
        assertThat(unknown).as("no owner file: not ours to judge").exists();
        assertThat(other).exists();
    }

    private Path runFolder(String name, String owner) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(RunDirectory.PREFIX + name));
        Files.writeString(dir.resolve("proc-1.log"), "output");
        Files.writeString(dir.resolve(RunDirectory.OWNER), owner);
        return dir;
    }
}
