package dev.procession.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the markers of a Python listing: a trailing comment {@code # @name} (or several names,
 * {@code # @with-enter @with-exit}) at the end of a line of code. They are comments, so the file
 * still runs under python3 and prints what it printed; the lines a reader sees have them taken
 * off. A name is letters, digits, '_' and '-'; its first word (before a '-') is a token of the
 * line's code, such as {@code wait} for {@code e.wait()} (ListingMarkersTest checks it).
 *
 * <p>Hand-parsed, without java.util.regex: every child parses its listing on its first
 * {@code mp.at}, and the regex engine's classes would add to its start-up.
 */
final class PythonMarkers {
    private static final String MARK = "# @";

    private PythonMarkers() {
    }

    static Listing parse(String fileName, List<String> raw) {
        List<String> lines = new ArrayList<>(raw.size());
        Map<String, Integer> markers = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i);
            int at = line.lastIndexOf(MARK);
            if (at < 0) {
                lines.add(line);
                continue;
            }
            String code = line.substring(0, at).stripTrailing();
            if (code.isBlank() || code.length() == at) {
                throw bad(fileName, i + 1, "a marker must trail code, after a space");
            }
            for (String name : words(line.substring(at + 2))) {
                if (!name.startsWith("@") || !isName(name.substring(1))) {
                    throw bad(fileName, i + 1, "'" + name + "' is not a marker (@ and letters, digits, '_', '-')");
                }
                if (markers.putIfAbsent(name.substring(1), i + 1) != null) {
                    throw bad(fileName, i + 1, name + " marks line " + markers.get(name.substring(1)) + " already");
                }
            }
            lines.add(code);
        }
        return new Listing(fileName, lines, markers);
    }

    /** The space-separated words of {@code text}. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(' ', start);
            end = end < 0 ? text.length() : end;
            if (end > start) {
                words.add(text.substring(start, end));
            }
            start = end + 1;
        }
        return words;
    }

    static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static IllegalStateException bad(String fileName, int line, String why) {
        return new IllegalStateException(fileName + ":" + line + ": " + why);
    }
}
