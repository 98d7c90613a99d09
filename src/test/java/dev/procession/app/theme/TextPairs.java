package dev.procession.app.theme;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which text colour the app's stylesheets put on which background, read from the rules:
 * <ul>
 * <li>a rule that sets both ({@code .notice}): that pair;</li>
 * <li>a rule {@code A B} that sets only the text, under a rule {@code A} (or {@code A:state}) that
 * gives a process's fill ({@code .stage-process .label}): the text on each of those fills;</li>
 * <li>any other text colour, and the theme's own label text, on every surface: the theme's page,
 * side-pane and selected-cell backgrounds and every background the app's stylesheets give a
 * region without text colour of its own (a zone, a room, a belt, a timeline bar).</li>
 * </ul>
 * The timeline's probes are read as its canvas uses them: {@code .timeline-text}'s background is
 * the text colour, the other probes' are the bars and lanes under it (and under nothing else).
 */
final class TextPairs {
    static final String TEXT_FILL = "-fx-text-fill";
    static final String ICON_COLOR = "-fx-icon-color";
    static final String BACKGROUND = "-fx-background-color";
    /** AtlantaFX's text of every label, cell and menu. */
    static final String THEME_TEXT = "-color-fg-default";
    /** AtlantaFX's opaque backgrounds of the window and its side panes, under every region. */
    static final List<String> PAGES = List.of("-color-bg-default", "-color-bg-subtle");
    /** AtlantaFX's opaque surfaces under that text: the pages and a selected cell. */
    static final List<String> THEME_SURFACES = List.of("-color-bg-default", "-color-bg-subtle",
            "-color-cell-bg-selected");
    private static final String TIMELINE = ".timeline";
    private static final String TIMELINE_PROBE = ".timeline-probe";
    private static final String TIMELINE_TEXT = ".timeline-text";

    /** One text colour on one background; {@code icon} for a glyph's colour rather than letters'. */
    record Pair(String where, String text, String background, boolean icon) {
    }

    private TextPairs() {
    }

    static List<Pair> of(List<CssSheet> appSheets) {
        List<CssSheet.Rule> rules = appSheets.stream().flatMap(s -> s.rules().stream()).toList();
        List<Pair> pairs = new ArrayList<>();
        List<Pair> loose = new ArrayList<>();
        Set<String> surfaces = new LinkedHashSet<>(THEME_SURFACES);
        List<Pair> timelineTexts = new ArrayList<>();
        Set<String> timelineSurfaces = new LinkedHashSet<>();
        for (CssSheet.Rule rule : rules) {
            for (String selector : rule.selectors()) {
                Map<String, String> d = rule.declarations();
                String background = visibleLayer(d.get(BACKGROUND));
                if (selector.contains(TIMELINE_PROBE)) {
                    if (selector.contains(TIMELINE_TEXT)) {
                        timelineTexts.add(new Pair(selector, background, null, false));
                    } else if (isSurface(background)) {
                        timelineSurfaces.add(background);
                    }
                    continue;
                }
                List<Pair> texts = new ArrayList<>();
                addIfSet(texts, selector, d.get(TEXT_FILL), false);
                addIfSet(texts, selector, d.get(ICON_COLOR), true);
                if (texts.isEmpty()) {
                    if (isSurface(background)) {
                        surfaces.add(background);
                        if (selector.equals(TIMELINE)) {
                            timelineSurfaces.add(background);
                        }
                    }
                    continue;
                }
                boolean ownBackground = background != null && !background.equals("transparent");
                List<String> under = ownBackground ? List.of(background) : ancestorBackgrounds(rules, selector);
                for (Pair text : texts) {
                    // Under a theme surface the text may also sit on any region inside it: all of them.
                    if (!ownBackground && under.stream().allMatch(TextPairs::isSurface)) {
                        loose.add(text);
                    } else {
                        under.forEach(b -> pairs.add(new Pair(text.where(), text.text(), b, text.icon())));
                    }
                }
            }
        }
        for (Pair text : timelineTexts) {
            timelineSurfaces.forEach(s -> pairs.add(new Pair(text.where(), text.text(), s, false)));
        }
        loose.add(new Pair("AtlantaFX labels", THEME_TEXT, null, false));
        for (Pair text : loose) {
            surfaces.forEach(s -> pairs.add(new Pair(text.where(), text.text(), s, text.icon())));
        }
        return pairs;
    }

    private static void addIfSet(List<Pair> texts, String selector, String value, boolean icon) {
        if (value != null) {
            texts.add(new Pair(selector, value, null, icon));
        }
    }

    /** The backgrounds of the rules {@code A} and {@code A:state} for a selector {@code A B}. */
    private static List<String> ancestorBackgrounds(List<CssSheet.Rule> rules, String selector) {
        int cut = selector.lastIndexOf(' ');
        if (cut < 0) {
            return List.of();
        }
        String ancestor = selector.substring(0, cut).replaceAll("\\s*>$", "").trim();
        List<String> out = new ArrayList<>();
        for (CssSheet.Rule rule : rules) {
            String background = visibleLayer(rule.declarations().get(BACKGROUND));
            boolean matches = rule.selectors().stream().anyMatch(s -> s.equals(ancestor) || s.startsWith(ancestor + ":"));
            if (matches && background != null && !background.equals("transparent")) {
                out.add(background);
            }
        }
        return out;
    }

    /** A theme colour under text; a process's identity fill is not: its own rules pair it with its ink. */
    private static boolean isSurface(String background) {
        return background != null && background.startsWith("-color-");
    }

    /** The top layer of a layered background, the one text sits on ({@code "border, fill"}). */
    private static String visibleLayer(String background) {
        if (background == null) {
            return null;
        }
        int depth = 0;
        int lastComma = -1;
        for (int i = 0; i < background.length(); i++) {
            char c = background.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                lastComma = i;
            }
        }
        return background.substring(lastComma + 1).trim();
    }
}
