package dev.procession.app.settings;

import dev.procession.archive.UserFolders;
import dev.procession.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Where the window's settings live between runs: one small JSON file in the user's settings folder
 * (the system property {@code procession.settings} or the environment's {@code PROCESSION_SETTINGS}
 * names another, as the tests and scripts/screenshots.sh do). A file that cannot be read back is
 * never a crash: it is moved aside under a dated name (nothing is lost), the defaults are used,
 * and {@link Loaded#problem()} says so for the window to tell the user.
 */
public final class SettingsFile {
    private final Path file;

    public SettingsFile(Path file) {
        this.file = file;
    }

    /** The file this user's settings are in on this system. */
    public static SettingsFile forThisUser() {
        Path named = UserFolders.override("procession.settings", "PROCESSION_SETTINGS");
        return new SettingsFile(named != null ? named : UserFolders.config().resolve("settings.json"));
    }

    public Path path() {
        return file;
    }

    /** What was read: the settings, and why they are the defaults when the file was bad. */
    public record Loaded(Settings settings, Optional<String> problem) {
    }

    public Loaded load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException first) {
            return new Loaded(Settings.DEFAULTS, Optional.empty());
        } catch (IOException | RuntimeException unreadable) {
            return new Loaded(Settings.DEFAULTS, Optional.of(file + " could not be read (" + unreadable.getMessage()
                    + "); the default settings are used"));
        }
        try {
            return new Loaded(Settings.fromJson(Json.parseObject(text)), Optional.empty());
        } catch (RuntimeException corrupt) {
            return new Loaded(Settings.DEFAULTS, Optional.of(moveAside(corrupt.getMessage())));
        }
    }

    /** Writes {@code settings} whole or not at all (a temporary file moved over the old one). */
    public void save(Settings settings) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.write(settings.toJson()) + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String moveAside(String why) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling(file.getFileName() + ".bad-" + stamp);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return "The settings file " + file + " was not valid (" + why + "): it was kept as " + aside
                    + " and the default settings are used";
        } catch (IOException e) {
            return "The settings file " + file + " was not valid (" + why + ") and could not be moved aside ("
                    + e.getMessage() + "): the default settings are used";
        }
    }

    static Map<String, Object> requireObject(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) map;
        return m;
    }
}
