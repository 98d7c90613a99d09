package dev.procession.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procession.app.theme.Theme;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The entry point: which arguments open the window, and the one line a machine without a display gets. */
class ProcessionMainTest {

    @Test
    void withoutADisplayItSaysSoInOneLineAndExitsWith2() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProcessionMain.class.getName());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process java = pb.start();
        try {
            String err = new String(java.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(java.exitValue()).isEqualTo(2);
            assertThat(err.lines().toList()).hasSize(1);
            assertThat(err).contains("no display").contains("procession run");
        } finally {
            java.destroyForcibly();
        }
    }

    @Test
    void noDisplayOnlyWhereAWindowNeedsOne() {
        assertThat(DisplayCheck.problem(Map.of(), null, "Linux")).isPresent();
        assertThat(DisplayCheck.problem(Map.of("DISPLAY", ":0"), null, "Linux")).isEmpty();
        assertThat(DisplayCheck.problem(Map.of("WAYLAND_DISPLAY", "wayland-0"), null, "Linux")).isEmpty();
        assertThat(DisplayCheck.problem(Map.of(), "Headless", "Linux")).isEmpty();
        assertThat(DisplayCheck.problem(Map.of(), null, "Mac OS X")).isEmpty();
    }

    @Test
    void theWindowTakesItsOwnOptionsAndTheRestGoesToTheCommandLine() {
        assertThat(WindowOptions.isForTheWindow(new String[0])).isTrue();
        assertThat(WindowOptions.isForTheWindow(new String[] {"--scenario", "ktv"})).isTrue();
        assertThat(WindowOptions.isForTheWindow(new String[] {"run", "ktv"})).isFalse();
        assertThat(WindowOptions.isForTheWindow(new String[] {"--help"})).isFalse();

        WindowOptions options = WindowOptions.parse("--scenario", "traffic-light", "--run", "--theme", "dark");
        assertThat(options.scenario().orElseThrow().id()).isEqualTo("traffic-light");
        assertThat(options.run()).isTrue();
        assertThat(options.theme().orElseThrow().id()).isEqualTo("dark");
        assertThat(WindowOptions.parse("--theme", "Projector").theme()).contains(Theme.PROJECTOR);

        assertThatThrownBy(() -> WindowOptions.parse("--scenario", "nope")).hasMessageContaining("unknown scenario 'nope'");
        assertThatThrownBy(() -> WindowOptions.parse("--theme", "pink")).hasMessage("unknown theme 'pink'; known: light, dark, projector");
        assertThat(WindowOptions.parse("--language", "zh-Hans", "--profile", "projector").language()).contains(Language.CHINESE);
        assertThat(WindowOptions.parse("--present").present()).isTrue();
        assertThat(WindowOptions.parse("--step").step()).isTrue();
        assertThatThrownBy(() -> WindowOptions.parse("--language", "fr")).hasMessageContaining("unknown language 'fr'")
                .hasMessageContaining("zh-Hans");
        assertThatThrownBy(() -> WindowOptions.parse("--profile", "cinema")).hasMessageContaining("unknown profile");
        assertThatThrownBy(() -> WindowOptions.parse("--run")).hasMessageContaining("--scenario");
        assertThatThrownBy(() -> WindowOptions.parse("--scenario")).hasMessageContaining("needs a value");
        assertThat(WindowOptions.parse("--scenario", "manager", "--compare", "--run").compare()).isTrue();
        assertThatThrownBy(() -> WindowOptions.parse("--scenario", "ktv", "--compare"))
                .hasMessage("--compare needs --scenario with a side-by-side comparison: tickets, manager");
        assertThatThrownBy(() -> WindowOptions.parse("--python", "/no/such/script.py"))
                .hasMessage("no such Python script: /no/such/script.py");
    }
}
