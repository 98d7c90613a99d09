package dev.procession.app.settings;

import java.util.Arrays;

/**
 * How the window is seen: on a laptop at arm's length, or projected for a lecture hall, where
 * every pane is about twice as large (DESIGN.md, "Legibility"). Each keeps its own layout.
 */
public enum Profile {
    LAPTOP("laptop", 1.0),
    PROJECTOR("projector", 2.0);

    private final String id;
    private final double defaultZoom;

    Profile(String id, double defaultZoom) {
        this.id = id;
        this.defaultZoom = defaultZoom;
    }

    public String id() {
        return id;
    }

    public double defaultZoom() {
        return defaultZoom;
    }

    public static Profile byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown profile '" + id + "'; known: laptop, projector"));
    }
}
