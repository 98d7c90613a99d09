package dev.procession.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The window speaks both languages in full: each bundle of the app (the window's messages, the
 * narration) holds the same keys in English and in Simplified Chinese, each key takes the same
 * arguments in both, and a Chinese text is Chinese, not English left untranslated.
 */
class BundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources/dev/procession/app");

    /**
     * Chinese texts with no Han character although the English one has letters: each is a name or a
     * term a Chinese course writes in Latin letters too.
     */
    private static final Map<String, String> LATIN_IN_BOTH = Map.of(
            "app.title", "the program's name",
            "cli.badOption", "the program's name before picocli's own (English) message, as a terminal shows it",
            "processes.column.pid", "PID, the operating system's word",
            "processes.column.cpu", "CPU",
            "stage.common.pid", "pid, as ps and the narration write it",
            "action.languageEnglish", "a language's own name, the same in every language, so it can be found");

    /** An app bundle: its base name and whether every one of its texts goes through MessageFormat. */
    enum Bundle {
        MESSAGES("messages", false),
        NARRATION("narration/narration", true);

        final String baseName;
        /** Messages.text formats a text only when it has arguments; NarrationTexts always. */
        final boolean alwaysFormatted;

        Bundle(String baseName, boolean alwaysFormatted) {
            this.baseName = baseName;
            this.alwaysFormatted = alwaysFormatted;
        }

        Properties english() throws IOException {
            return load(RESOURCES.resolve(baseName + ".properties"));
        }

        Properties chinese() throws IOException {
            return load(RESOURCES.resolve(baseName + "_zh.properties"));
        }

        String resourceName() {
            return "dev.procession.app." + baseName.replace('/', '.');
        }
    }

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*\\d+\\s*(,[^}]*)?}");
    private static final Pattern LETTER = Pattern.compile("\\p{IsLatin}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @ParameterizedTest
    @EnumSource(Bundle.class)
    void bothLanguagesHoldTheSameKeys(Bundle bundle) throws IOException {
        Set<String> english = bundle.english().stringPropertyNames();
        Set<String> chinese = bundle.chinese().stringPropertyNames();
        assertThat(difference(english, chinese)).as("keys of %s missing from its Chinese bundle", bundle).isEmpty();
        assertThat(difference(chinese, english)).as("keys of the Chinese %s that English lacks", bundle).isEmpty();
    }

    /** {0,number,0} in English is {0,number,0} in Chinese: the same values, formatted the same way. */
    @ParameterizedTest
    @EnumSource(Bundle.class)
    void eachKeyTakesTheSameArgumentsInBothLanguages(Bundle bundle) throws IOException {
        assertThat(texts(bundle, (key, en, zh) -> arguments(en).equals(arguments(zh)) ? null
                : arguments(en) + " vs " + arguments(zh))).as("arguments in English vs in Chinese").isEmpty();
    }

    /**
     * A lone apostrophe in a formatted pattern quotes the rest: "Python's {0}" would show
     * "Pythons {0}". Messages.text formats a text only when it has arguments; NarrationTexts always.
     */
    @ParameterizedTest
    @EnumSource(Bundle.class)
    void everyPatternFormatsAsWritten(Bundle bundle) throws IOException {
        TextCheck check = (key, en, zh) -> {
            String english = formatProblem(bundle, en);
            String chinese = formatProblem(bundle, zh);
            return english != null ? "English: " + english : chinese != null ? "Chinese: " + chinese : null;
        };
        assertThat(texts(bundle, check)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Bundle.class)
    void aChineseTextIsChineseWhereTheEnglishHasWords(Bundle bundle) throws IOException {
        TextCheck check = (key, en, zh) -> LETTER.matcher(withoutArguments(en)).find() && !HAN.matcher(zh).find()
                && !LATIN_IN_BOTH.containsKey(key) ? zh : null;
        assertThat(texts(bundle, check))
                .as("Chinese texts without a Chinese word; a justified one goes in LATIN_IN_BOTH").isEmpty();
    }

    /** The list of exceptions stays true: each names a key whose Chinese text really has no Han character. */
    @Test
    void everyExceptionIsStillNeeded() throws IOException {
        Properties chinese = Bundle.MESSAGES.chinese();
        for (String key : LATIN_IN_BOTH.keySet()) {
            assertThat(chinese.getProperty(key)).as(key).isNotNull().doesNotContainPattern(HAN);
        }
    }

    /** The JDK finds the Chinese bundles for a Chinese locale and reads them as UTF-8. */
    @ParameterizedTest
    @EnumSource(Bundle.class)
    void aChineseLocaleFindsTheChineseBundle(Bundle bundle) throws IOException {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.CHINESE)) {
            ResourceBundle found = ResourceBundle.getBundle(bundle.resourceName(), locale);
            assertThat(found.getLocale().getLanguage()).as("%s in %s", bundle, locale).isEqualTo("zh");
            Properties chinese = bundle.chinese();
            for (String key : chinese.stringPropertyNames()) {
                assertThat(found.getString(key)).as(key).isEqualTo(chinese.getProperty(key));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** What is wrong with a key's English and Chinese texts, or null when nothing is. */
    private interface TextCheck {
        String problem(String key, String english, String chinese);
    }

    /** The problems {@code check} finds, by key, over the keys both languages hold. */
    private static Map<String, String> texts(Bundle bundle, TextCheck check) throws IOException {
        Properties english = bundle.english();
        Properties chinese = bundle.chinese();
        Map<String, String> problems = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            String zh = chinese.getProperty(key);
            String problem = zh == null ? null : check.problem(key, english.getProperty(key), zh);
            if (problem != null) {
                problems.put(key, problem);
            }
        }
        return problems;
    }

    /** Why MessageFormat would not show {@code value} as written, or null. */
    private static String formatProblem(Bundle bundle, String value) {
        if (!bundle.alwaysFormatted && !value.contains("{")) {
            return null;
        }
        try {
            new MessageFormat(value, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return value.replace("''", "").contains("'") ? "a lone apostrophe quotes the rest of the pattern; write ''"
                : null;
    }

    /** The arguments of a pattern as written ("{0,number,0}"), outside MessageFormat's quoted text. */
    private static Set<String> arguments(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(unquoted(pattern));
        while (m.find()) {
            out.add(m.group().replaceAll("\\s+", ""));
        }
        return out;
    }

    private static String withoutArguments(String pattern) {
        return ARGUMENT.matcher(pattern).replaceAll("");
    }

    /** The pattern without '' (an apostrophe) and without 'quoted text' (no argument there). */
    private static String unquoted(String pattern) {
        return pattern.replace("''", "").replaceAll("'[^']*'", "");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        // As ResourceBundle reads them since Java 9: UTF-8.
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
