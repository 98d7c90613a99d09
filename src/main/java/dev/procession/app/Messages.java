package dev.procession.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Every string the window shows, from {@code messages.properties} (English) and
 * {@code messages_zh.properties} (Simplified Chinese). The language can change while the app runs
 * ({@link #use}); the window then builds its views again in it.
 */
public final class Messages {
    private static final String BUNDLE_NAME = "dev.procession.app.messages";

    private static volatile ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE_NAME);

    private Messages() {
    }

    /**
     * Speaks {@code language} from now on. No fallback to the system's language: English must be
     * English on a Chinese system too.
     */
    public static void use(Language language) {
        bundle = ResourceBundle.getBundle(BUNDLE_NAME, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text for {@code key}, with {@code args} put in as {@link MessageFormat} does. */
    public static String text(String key, Object... args) {
        ResourceBundle b = bundle;
        String pattern = b.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, b.getLocale()).format(args);
    }

    /** The locale the window's messages were found in (root for English). */
    public static Locale locale() {
        return bundle.getLocale();
    }

    /** Whether the window speaks Chinese now. */
    public static boolean chinese() {
        return bundle.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage());
    }

    /** A scenario's own text (title, explanation) in the window's language: "zh-Hans" or "en". */
    public static String pick(Map<String, String> byLanguage) {
        String text = chinese() ? byLanguage.get("zh-Hans") : null;
        return text != null ? text : byLanguage.getOrDefault("en", "");
    }
}
