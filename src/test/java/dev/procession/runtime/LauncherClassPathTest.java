package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Children run Procession's own classes only. Under Maven's tests the class path is class folders
 * plus every library jar (JavaFX included): a child gets the folders and none of the jars.
 */
class LauncherClassPathTest {

    @Test
    void fromClassFoldersAChildGetsTheFoldersAndNoLibraryJar() {
        List<String> entries = Arrays.asList(Launcher.childClassPath().split(File.pathSeparator));
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(Path.of(e)).isAbsolute().isDirectory());
        assertThat(System.getProperty("java.class.path")).contains("javafx");
        assertThat(Launcher.childClassPath()).doesNotContain("javafx", "atlantafx", "controlsfx", "ikonli", "testfx");
    }

    @Test
    void theWholeTreeInheritsTheClassPathTheAppChose() {
        List<String> cmd = Launcher.command();
        String cp = Launcher.childClassPath();
        assertThat(cmd).contains("-D" + Launcher.CHILD_CLASS_PATH + "=" + cp);
        assertThat(cmd.get(cmd.indexOf("-cp") + 1)).isEqualTo(cp);
        assertThat(Files.isDirectory(Path.of(cp.split(File.pathSeparator)[0]))).isTrue();
    }
}
