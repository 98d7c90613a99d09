package dev.procession.app.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a JavaFX stylesheet as the contrast check reads them: selectors and declarations in
 * order, with its {@code @import}s followed first (as JavaFX does: "/x" from the class path root,
 * anything else beside the importing sheet). Enough CSS for the -color-* and -proc-* variables and
 * the properties that colour text; not a general parser.
 */
record CssSheet(List<Rule> rules) {
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("@import\\s+(?:url\\()?\"([^\"]+)\"\\)?\\s*;");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");

    /** One rule: its selectors ({@code ".a .b"}, one per comma) and its declarations in order. */
    record Rule(List<String> selectors, Map<String, String> declarations) {
        boolean hasSelector(String selector) {
            return selectors.contains(selector);
        }
    }

    static CssSheet load(String url) {
        try (InputStream in = URI.create(url).toURL().openStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    static CssSheet parse(String text, String url) {
        String css = COMMENT.matcher(text).replaceAll(" ");
        List<Rule> rules = new ArrayList<>();
        Matcher imports = IMPORT.matcher(css);
        while (imports.find()) {
            rules.addAll(load(resolve(url, imports.group(1))).rules());
        }
        Matcher m = RULE.matcher(IMPORT.matcher(css).replaceAll(" "));
        while (m.find()) {
            List<String> selectors = Arrays.stream(m.group(1).split(",")).map(s -> s.trim().replaceAll("\\s+", " "))
                    .toList();
            rules.add(new Rule(selectors, declarations(m.group(2))));
        }
        return new CssSheet(List.copyOf(rules));
    }

    private static Map<String, String> declarations(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String declaration : block.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                out.put(declaration.substring(0, colon).trim(), declaration.substring(colon + 1).trim());
            }
        }
        return out;
    }

    private static String resolve(String base, String target) {
        if (target.startsWith("/")) {
            URL resource = CssSheet.class.getResource(target);
            if (resource == null) {
                throw new IllegalArgumentException("@import of a missing resource " + target + " in " + base);
            }
            return resource.toExternalForm();
        }
        // Beside the importing sheet (a jar: URL, opaque to URI.resolve, so by hand).
        return base.substring(0, base.lastIndexOf('/') + 1) + target;
    }
}
