package dev.procession.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings file: what is saved is read back, and a bad file is reported, kept aside and never a crash. */
class SettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsReadBack() throws Exception {
        SettingsFile file = new SettingsFile(dir.resolve("sub/settings.json"));
        Settings changed = Settings.DEFAULTS.withProfile(Profile.PROJECTOR)
                .withLayout(Settings.DEFAULTS.projector().withZoom(2.5).withSize(1280, 720).withDocks(true, false))
                .withTheme("dark");
        file.save(changed);
        SettingsFile.Loaded loaded = file.load();
        assertThat(loaded.problem()).isEmpty();
        assertThat(loaded.settings()).isEqualTo(changed);
        assertThat(loaded.settings().layout().zoom()).isEqualTo(2.5);
        assertThat(loaded.settings().laptop()).isEqualTo(Settings.DEFAULTS.laptop());
    }

    @Test
    void noFileMeansTheDefaultsAndNoComplaint() {
        SettingsFile.Loaded loaded = new SettingsFile(dir.resolve("settings.json")).load();
        assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(loaded.problem()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{not json",
        "[]",
        "{\"profile\":\"laptop\",\"theme\":\"light\"}",
        "{\"profile\":\"cinema\",\"theme\":\"light\",\"laptop\":{},\"projector\":{}}",
        "{\"version\":1,\"profile\":\"laptop\",\"laptop\":{\"zoom\":99,\"width\":0,\"height\":0,\"sideShown\":true,"
                + "\"bottomShown\":true},\"projector\":{\"zoom\":2,\"width\":0,\"height\":0,\"sideShown\":true,"
                + "\"bottomShown\":true},\"theme\":\"light\"}",
        ""})
    void aBadFileIsKeptAsideReportedAndReplacedByTheDefaults(String content) throws Exception {
        Path path = dir.resolve("settings.json");
        Files.writeString(path, content, StandardCharsets.UTF_8);
        SettingsFile file = new SettingsFile(path);

        SettingsFile.Loaded loaded = file.load();

        assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(loaded.problem()).get().asString().contains(path.toString()).contains("not valid")
                .contains("kept as");
        List<Path> aside;
        try (var files = Files.list(dir)) {
            aside = files.filter(p -> p.getFileName().toString().startsWith("settings.json.bad-")).toList();
        }
        assertThat(aside).as("the bad file, kept").singleElement();
        assertThat(Files.readString(aside.getFirst(), StandardCharsets.UTF_8)).isEqualTo(content);
        assertThat(path).doesNotExist();
        // The next save writes a good file in its place.
        file.save(loaded.settings());
        assertThat(file.load().problem()).isEmpty();
    }
}
