package dev.procession.app.theme;

import java.util.List;
import javafx.scene.image.Image;

/** The app icon (assets/procession.svg) at the sizes the build copies from assets/png, for a window's Stage icons. */
public final class AppIcon {
    /** The window manager picks the size it needs: title bar, task switcher, dock. */
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcon() {
    }

    /** Every size, smallest first; a missing file fails at once rather than showing no icon. */
    public static List<Image> images() {
        return SIZES.stream().map(AppIcon::load).toList();
    }

    private static Image load(int size) {
        String name = "/dev/procession/app/icons/procession-" + size + ".png";
        var url = AppIcon.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("the app icon " + name + " is missing from the jar; rebuild Procession");
        }
        return new Image(url.toExternalForm());
    }
}
