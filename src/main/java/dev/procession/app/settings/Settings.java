package dev.procession.app.settings;

import dev.procession.app.Language;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the window remembers between runs: the profile in use, each profile's zoom, window size
 * and docks, and the theme. Immutable; {@code with...} makes the changed copy.
 *
 * @param profile  the profile in use
 * @param laptop   the Laptop profile's layout
 * @param projector the Projector profile's layout
 * @param theme    the theme's id ("light", "dark"...)
 * @param language "en", "zh-Hans", or "system" (the system's language, until the user picks one)
 */
public record Settings(Profile profile, Layout laptop, Layout projector, String theme, String language) {
    /** A profile's zoom, window size (0 for "the screen's") and whether each dock is shown. */
    public record Layout(double zoom, double width, double height, boolean sideShown, boolean bottomShown) {
        public static final double MIN_ZOOM = 0.5;
        public static final double MAX_ZOOM = 3.0;

        public Layout {
            if (!(zoom >= MIN_ZOOM && zoom <= MAX_ZOOM)) {
                throw new IllegalArgumentException("zoom must be from " + MIN_ZOOM + " to " + MAX_ZOOM + ", got " + zoom);
            }
            if (!(width >= 0 && height >= 0 && width < 100_000 && height < 100_000)) {
                throw new IllegalArgumentException("window size " + width + "x" + height + " is not a size");
            }
        }

        public Layout withZoom(double z) {
            return new Layout(Math.clamp(z, MIN_ZOOM, MAX_ZOOM), width, height, sideShown, bottomShown);
        }

        public Layout withSize(double w, double h) {
            return new Layout(zoom, w, h, sideShown, bottomShown);
        }

        public Layout withDocks(boolean side, boolean bottom) {
            return new Layout(zoom, width, height, side, bottom);
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("zoom", zoom);
            m.put("width", width);
            m.put("height", height);
            m.put("sideShown", sideShown);
            m.put("bottomShown", bottomShown);
            return m;
        }

        static Layout fromJson(Object json, String what) {
            Map<String, Object> m = SettingsFile.requireObject(json, what);
            return new Layout(number(m, "zoom", what), number(m, "width", what), number(m, "height", what),
                    bool(m, "sideShown", what), bool(m, "bottomShown", what));
        }
    }

    /** Until the user picks a language: the system's, as the bundles find it. */
    public static final String SYSTEM_LANGUAGE = "system";

    public static final Settings DEFAULTS = new Settings(Profile.LAPTOP,
            new Layout(Profile.LAPTOP.defaultZoom(), 0, 0, true, true),
            new Layout(Profile.PROJECTOR.defaultZoom(), 0, 0, false, true), "light", SYSTEM_LANGUAGE);

    public Settings {
        if (profile == null || laptop == null || projector == null || theme == null || language == null) {
            throw new IllegalArgumentException("a setting is missing");
        }
        if (!language.equals(SYSTEM_LANGUAGE) && Language.byId(language).isEmpty()) {
            throw new IllegalArgumentException("unknown language '" + language + "'; known: " + SYSTEM_LANGUAGE + ", "
                    + Language.ids());
        }
    }

    public Layout layout() {
        return layout(profile);
    }

    public Layout layout(Profile p) {
        return p == Profile.LAPTOP ? laptop : projector;
    }

    public Settings withProfile(Profile p) {
        return new Settings(p, laptop, projector, theme, language);
    }

    /** The profile in use with {@code layout} in place of its own. */
    public Settings withLayout(Layout layout) {
        return profile == Profile.LAPTOP ? new Settings(profile, layout, projector, theme, language)
                : new Settings(profile, laptop, layout, theme, language);
    }

    public Settings withTheme(String id) {
        return new Settings(profile, laptop, projector, id, language);
    }

    public Settings withLanguage(String id) {
        return new Settings(profile, laptop, projector, theme, id);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", 1L);
        m.put("profile", profile.id());
        m.put("laptop", laptop.toJson());
        m.put("projector", projector.toJson());
        m.put("theme", theme);
        m.put("language", language);
        return m;
    }

    /** Reads what {@link #toJson()} wrote; anything else is an error that says what is wrong. */
    public static Settings fromJson(Map<String, Object> m) {
        if (!(m.get("theme") instanceof String theme)) {
            throw new IllegalArgumentException("'theme' must be a string");
        }
        if (!(m.get("profile") instanceof String profile)) {
            throw new IllegalArgumentException("'profile' must be a string");
        }
        // A file written before languages were remembered has none: the system's, as before.
        Object language = m.getOrDefault("language", SYSTEM_LANGUAGE);
        if (!(language instanceof String lang)) {
            throw new IllegalArgumentException("'language' must be a string");
        }
        return new Settings(Profile.byId(profile), Layout.fromJson(m.get("laptop"), "'laptop'"),
                Layout.fromJson(m.get("projector"), "'projector'"), theme, lang);
    }

    private static double number(Map<String, Object> m, String key, String what) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(what + "." + key + " must be a number");
        }
        return n.doubleValue();
    }

    private static boolean bool(Map<String, Object> m, String key, String what) {
        if (!(m.get(key) instanceof Boolean b)) {
            throw new IllegalArgumentException(what + "." + key + " must be true or false");
        }
        return b;
    }
}
