package dev.procession.archive;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where this user's Procession files go on this system, as each system's conventions say: settings
 * in the configuration folder, saved runs in the data folder. A system property or environment
 * variable names another folder, for tests and scripts.
 */
public final class UserFolders {
    private UserFolders() {
    }

    /** The settings folder: {@code %APPDATA%}, Application Support, or {@code $XDG_CONFIG_HOME} ({@code ~/.config}). */
    public static Path config() {
        return folder("APPDATA", "XDG_CONFIG_HOME", ".config");
    }

    /** The data folder: {@code %LOCALAPPDATA%}, Application Support, or {@code $XDG_DATA_HOME} ({@code ~/.local/share}). */
    public static Path data() {
        return folder("LOCALAPPDATA", "XDG_DATA_HOME", ".local/share");
    }

    /** The path a system property or else an environment variable names, or null when neither does. */
    public static Path override(String property, String variable) {
        String named = System.getProperty(property, System.getenv(variable));
        return named == null || named.isBlank() ? null : Path.of(named);
    }

    private static Path folder(String windowsVariable, String xdgVariable, String xdgDefault) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win") && System.getenv(windowsVariable) != null) {
            return Path.of(System.getenv(windowsVariable), "Procession");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Procession");
        }
        String xdg = System.getenv(xdgVariable);
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(xdgDefault)).resolve("procession");
    }
}
