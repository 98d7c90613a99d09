package dev.procession.app.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * Checks every text/background pair of the app's stylesheets ({@link TextPairs}) against a
 * theme's colours: WCAG AA, 4.5:1 for text and 3:1 for an icon (a graphical object, 1.4.11), which
 * never speaks alone (a word is beside it). A pair that
 * names a process's fill is checked for each of the palette's colours; a translucent background
 * is checked over each of the theme's pages (the window's and the side panes' backgrounds).
 */
final class ContrastCheck {
    private final ThemeColors colors;
    private final List<Map<String, String>> processFills;

    /**
     * @param colors       the theme's colours
     * @param processFills the declarations of each {@code .proc-color-N} rule (process-colors.css)
     */
    ContrastCheck(ThemeColors colors, List<Map<String, String>> processFills) {
        this.colors = colors;
        this.processFills = processFills;
    }

    /** The {@code .proc-color-N} rules' declarations, in order. */
    static List<Map<String, String>> processFills(CssSheet sheet) {
        return sheet.rules().stream().filter(r -> r.selectors().stream().anyMatch(s -> s.matches("\\.proc-color-\\d+")))
                .map(CssSheet.Rule::declarations).toList();
    }

    /** One line per pair below its minimum, naming where, both colours and the ratio; empty when all pass. */
    List<String> failures(List<TextPairs.Pair> pairs) {
        List<String> out = new ArrayList<>();
        for (TextPairs.Pair pair : pairs) {
            boolean perProcess = pair.text().contains("-proc-") || pair.background().contains("-proc-");
            for (Map<String, String> fill : perProcess ? processFills : List.of(Map.<String, String>of())) {
                for (String surface : TextPairs.PAGES) {
                    Color under = colors.resolve(surface, fill);
                    Color background = Contrast.over(colors.resolve(pair.background(), fill), under);
                    Color text = Contrast.over(colors.resolve(pair.text(), fill), background);
                    double ratio = Contrast.ratio(text, background);
                    if (ratio < (pair.icon() ? Contrast.GRAPHICS_AA : Contrast.TEXT_AA)) {
                        out.add(String.format(Locale.ROOT, "%s: %s %s on %s %s%s = %.2f:1", pair.where(), pair.text(),
                                hex(text), pair.background(), hex(background), fill.isEmpty() ? "" : " " + fill,
                                ratio));
                    }
                }
            }
        }
        return out.stream().distinct().toList();
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
