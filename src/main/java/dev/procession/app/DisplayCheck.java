package dev.procession.app;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a window can open. Without this check JavaFX fails deep in its toolkit with a stack
 * trace; a user on a server deserves one line that says what to do instead.
 */
final class DisplayCheck {
    static final String HEADLESS_PLATFORM = "Headless";

    private DisplayCheck() {
    }

    /** The one-line reason no window can open, or empty. Only Linux and other X11/Wayland systems are checked. */
    static Optional<String> problem(Map<String, String> env, String glassPlatform, String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (HEADLESS_PLATFORM.equalsIgnoreCase(glassPlatform) || os.startsWith("windows") || os.startsWith("mac")) {
            return Optional.empty();
        }
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of(Messages.text("cli.noDisplay"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
