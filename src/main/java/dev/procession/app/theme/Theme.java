package dev.procession.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The AtlantaFX theme under the app's own stylesheet. The app's stylesheet uses only the theme's
 * {@code -color-*} variables, so one stylesheet serves both.
 */
public enum Theme {
    LIGHT("light", () -> new PrimerLight().getUserAgentStylesheet()),
    DARK("dark", () -> new PrimerDark().getUserAgentStylesheet());

    /** The app's stylesheet, on every scene after the theme's. */
    public static final String APP_STYLESHEET = Theme.class.getResource("app.css").toExternalForm();
    /** The run views' stylesheet: process colours, status looks, code cursors, timeline. */
    public static final String VIEWS_STYLESHEET = Theme.class.getResource("views.css").toExternalForm();

    private final String id;
    private final Supplier<String> userAgentStylesheet;

    Theme(String id, Supplier<String> userAgentStylesheet) {
        this.id = id;
        this.userAgentStylesheet = userAgentStylesheet;
    }

    public String id() {
        return id;
    }

    /** Makes this the theme of every window of the app. */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet.get());
    }

    /** Adds the app's stylesheet to a scene (once). */
    public static void style(Scene scene) {
        for (String sheet : java.util.List.of(APP_STYLESHEET, ProcessColors.STYLESHEET, VIEWS_STYLESHEET)) {
            if (!scene.getStylesheets().contains(sheet)) {
                scene.getStylesheets().add(sheet);
            }
        }
    }

    /** The theme called {@code name}, if there is one (a remembered name may be out of date). */
    public static java.util.Optional<Theme> known(String name) {
        return Arrays.stream(values()).filter(t -> t.id.equals(name)).findFirst();
    }

    public static Theme byName(String name) {
        return Arrays.stream(values()).filter(t -> t.id.equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown theme '" + name + "'; known: light, dark"));
    }
}
