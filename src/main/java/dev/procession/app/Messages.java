package dev.procession.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** Every string the window shows, from {@code messages.properties} (English; other languages beside it). */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.procession.app.messages");

    private Messages() {
    }

    /** The text for {@code key}, with {@code args} put in as {@link MessageFormat} does. */
    public static String text(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, BUNDLE.getLocale()).format(args);
    }

    /** The locale the window's messages were found in (root for English). */
    public static Locale locale() {
        return BUNDLE.getLocale();
    }

    /** A scenario's own text (title, explanation) in the window's language: "zh-Hans" or "en". */
    public static String pick(Map<String, String> byLanguage) {
        // The window speaks Chinese only when a Chinese bundle was found for the user's locale.
        boolean chinese = BUNDLE.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage());
        String text = chinese ? byLanguage.get("zh-Hans") : null;
        return text != null ? text : byLanguage.getOrDefault("en", "");
    }
}
