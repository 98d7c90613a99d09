package dev.procession.app.theme;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The theme under the app's own stylesheets: an AtlantaFX theme and the process palette, in one
 * user-agent stylesheet per theme (light.css, dark.css, projector.css, each importing its AtlantaFX
 * base). The app's stylesheets use only the theme's {@code -color-*} and {@code -proc-*}
 * variables, so one set of them serves every theme.
 */
public enum Theme {
    LIGHT("light"),
    DARK("dark"),
    /** High contrast for a projector: black on white, strong borders and focus rings. */
    PROJECTOR("projector");

    /** The app's stylesheet, on every scene after the theme's. */
    public static final String APP_STYLESHEET = Theme.class.getResource("app.css").toExternalForm();
    /** The run views' stylesheet: process colours, status looks, code cursors, timeline. */
    public static final String VIEWS_STYLESHEET = Theme.class.getResource("views.css").toExternalForm();

    private final String id;

    Theme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The theme's user-agent stylesheet ({@code light.css}, ...), as a URL. */
    public String stylesheet() {
        return Theme.class.getResource(id + ".css").toExternalForm();
    }

    /** Makes this the theme of every window of the app. */
    public void apply() {
        Application.setUserAgentStylesheet(stylesheet());
    }

    /** Adds the app's stylesheet to a scene (once). */
    public static void style(Scene scene) {
        for (String sheet : List.of(APP_STYLESHEET, ProcessColors.STYLESHEET, VIEWS_STYLESHEET)) {
            if (!scene.getStylesheets().contains(sheet)) {
                scene.getStylesheets().add(sheet);
            }
        }
    }

    /** The theme called {@code name}, if there is one (a remembered name may be out of date). */
    public static java.util.Optional<Theme> named(String name) {
        return Arrays.stream(values()).filter(t -> t.id.equals(name)).findFirst();
    }

    public static Theme byName(String name) {
        return Arrays.stream(values()).filter(t -> t.id.equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown theme '" + name + "'; known: " + known()));
    }

    /** "light, dark, projector": the names {@link #byName} knows. */
    public static String known() {
        return Arrays.stream(values()).map(Theme::id).collect(Collectors.joining(", "));
    }
}
