package dev.procession.app.shell;

import dev.procession.app.settings.Profile;
import dev.procession.app.settings.Settings;
import dev.procession.app.settings.SettingsFile;
import java.io.IOException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * How the window is shown to a room: the profile (Laptop or Projector) with its zoom and docks,
 * the presentation view (only the stage and the narration), and the blanked screen. Every change
 * of profile, zoom or dock is written to the settings file at once, so a restart finds it again.
 */
public final class Projection {
    /** Zoom stops, as a browser's: Ctrl+plus and Ctrl+minus go to the next one. */
    private static final double[] STOPS = {0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0};

    private final SettingsFile file;
    private final Consumer<String> problems;
    private Settings settings;
    private final ReadOnlyObjectWrapper<Profile> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper();
    private final BooleanProperty sideShown = new SimpleBooleanProperty();
    private final BooleanProperty bottomShown = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper blanked = new ReadOnlyBooleanWrapper();
    private boolean applying;

    /** Reads the settings ({@code problems} hears about a bad file, once) and shows the profile saved. */
    public Projection(SettingsFile file, Consumer<String> problems) {
        this.file = file;
        this.problems = problems;
        SettingsFile.Loaded loaded = file.load();
        loaded.problem().ifPresent(problems);
        settings = loaded.settings();
        apply();
        sideShown.addListener((obs, old, now) -> remember(settings.layout().withDocks(now, bottomShown.get())));
        bottomShown.addListener((obs, old, now) -> remember(settings.layout().withDocks(sideShown.get(), now)));
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** Whether the code and inspector dock is shown; the workspace's toggle is bound to it. */
    public BooleanProperty sideShownProperty() {
        return sideShown;
    }

    public BooleanProperty bottomShownProperty() {
        return bottomShown;
    }

    public ReadOnlyBooleanProperty presentingProperty() {
        return presenting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty blankedProperty() {
        return blanked.getReadOnlyProperty();
    }

    public Settings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- commands

    public void zoomIn() {
        for (double stop : STOPS) {
            if (stop > zoom.get() + 1e-6) {
                remember(settings.layout().withZoom(stop));
                return;
            }
        }
    }

    public void zoomOut() {
        for (int i = STOPS.length - 1; i >= 0; i--) {
            if (STOPS[i] < zoom.get() - 1e-6) {
                remember(settings.layout().withZoom(STOPS[i]));
                return;
            }
        }
    }

    /** Back to the profile's own size: 100% for Laptop, 200% for Projector. */
    public void zoomReset() {
        remember(settings.layout().withZoom(settings.profile().defaultZoom()));
    }

    /** Switches to {@code p} with the zoom, docks and window size it had last time. */
    public void use(Profile p) {
        if (p != settings.profile()) {
            settings = settings.withProfile(p);
            save();
            apply();
        }
    }

    /** The window's size now, kept for the profile in use. */
    public void windowResized(double width, double height) {
        // NaN while the window is not shown yet.
        if (!presenting.get() && Double.isFinite(width) && Double.isFinite(height) && width > 0 && height > 0) {
            settings = settings.withLayout(settings.layout().withSize(width, height));
        }
    }

    public void rememberTheme(String id) {
        settings = settings.withTheme(id);
        save();
    }

    public void rememberLanguage(String id) {
        settings = settings.withLanguage(id);
        save();
    }

    public void togglePresentation() {
        presenting.set(!presenting.get());
    }

    public void leavePresentation() {
        presenting.set(false);
    }

    public void toggleBlank() {
        blanked.set(!blanked.get());
    }

    public void unblank() {
        blanked.set(false);
    }

    /** Writes the settings as they are now (the window size is written here, at the latest on quitting). */
    public void save() {
        try {
            file.save(settings);
        } catch (IOException e) {
            problems.accept("The settings could not be saved to " + file.path() + ": " + e.getMessage());
        }
    }

    private void remember(Settings.Layout layout) {
        if (applying) {
            return;
        }
        settings = settings.withLayout(layout);
        save();
        apply();
    }

    private void apply() {
        applying = true;
        try {
            Settings.Layout l = settings.layout();
            profile.set(settings.profile());
            zoom.set(l.zoom());
            sideShown.set(l.sideShown());
            bottomShown.set(l.bottomShown());
        } finally {
            applying = false;
        }
    }
}
