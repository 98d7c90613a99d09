package dev.procession.app.theme;

import com.sun.javafx.util.Utils;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;

/**
 * The looked-up colours of one theme, read from its stylesheets: every {@code -name: value}
 * declared on {@code .root} (later ones win, as in the cascade), and those declared only on other
 * rules ({@code -color-cell-bg-selected} on {@code .tree-view}...) as a fallback. Resolves a CSS
 * colour value: a variable, a JavaFX colour ({@code #hex}, {@code rgba()}, a name) or
 * {@code derive(c, p%)} by JavaFX's own function.
 */
final class ThemeColors {
    private static final Pattern DERIVE = Pattern.compile("derive\\((.+),\\s*(-?[0-9.]+)%\\)");

    private final Map<String, String> root = new HashMap<>();
    private final Map<String, String> elsewhere = new HashMap<>();

    ThemeColors(List<CssSheet> sheets) {
        for (CssSheet sheet : sheets) {
            for (CssSheet.Rule rule : sheet.rules()) {
                rule.declarations().forEach((name, value) -> {
                    if (name.startsWith("-") && !name.startsWith("-fx-")) {
                        if (rule.hasSelector(".root")) {
                            root.put(name, value);
                        } else {
                            elsewhere.putIfAbsent(name, value);
                        }
                    }
                });
            }
        }
    }

    /** The colour {@code value} stands for, with {@code local} variables (a process's fill) first. */
    Color resolve(String value, Map<String, String> local) {
        String v = value.trim();
        if (v.startsWith("-")) {
            String definition = local.getOrDefault(v, root.getOrDefault(v, elsewhere.get(v)));
            if (definition == null) {
                throw new IllegalArgumentException("undefined colour variable " + v);
            }
            return resolve(definition, local);
        }
        Matcher derive = DERIVE.matcher(v);
        if (derive.matches()) {
            return Utils.deriveColor(resolve(derive.group(1), local), Double.parseDouble(derive.group(2)) / 100);
        }
        return Color.web(v);
    }

    boolean defines(String variable) {
        return root.containsKey(variable) || elsewhere.containsKey(variable);
    }
}
