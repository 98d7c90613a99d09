package dev.procession.app.theme;

import javafx.scene.paint.Color;

/** WCAG 2.x contrast: relative luminance of sRGB colours and the ratio between two of them. */
final class Contrast {
    /** Success criterion 1.4.3 (AA) for body text. */
    static final double TEXT_AA = 4.5;
    /** Success criterion 1.4.11 (AA) for graphical objects: icons. */
    static final double GRAPHICS_AA = 3;

    private Contrast() {
    }

    /** (L1 + 0.05) / (L2 + 0.05), the lighter over the darker: 1 to 21. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Relative luminance of an opaque colour (WCAG 2.x definition). */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        // WCAG 2.x prints 0.03928, the sRGB standard 0.04045; no 8-bit channel lies between them.
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** What the screen shows of {@code top} drawn over the opaque {@code under}. */
    static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return Color.color(mix(top.getRed(), under.getRed(), a), mix(top.getGreen(), under.getGreen(), a),
                mix(top.getBlue(), under.getBlue(), a));
    }

    private static double mix(double top, double under, double alpha) {
        return top * alpha + under * (1 - alpha);
    }
}
