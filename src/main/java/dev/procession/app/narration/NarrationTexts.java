package dev.procession.app.narration;

import dev.procession.app.Messages;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The narration's sentences, in the window's language: a bundle of its own beside the window's
 * messages, looked up in the very locale the window's messages were found in, so that the two
 * never speak different languages.
 */
public final class NarrationTexts {
    private final ResourceBundle bundle;

    private NarrationTexts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The sentences in the window's current language. */
    public static NarrationTexts current() {
        return in(Messages.locale());
    }

    public static NarrationTexts in(Locale locale) {
        return new NarrationTexts(ResourceBundle.getBundle("dev.procession.app.narration.narration", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * The sentence {@code key} with {@code args} put in. Numbers go in as text: MessageFormat
     * would write pid 41230 as "41,230".
     */
    public String get(String key, Object... args) {
        Object[] plain = Arrays.stream(args).map(a -> a instanceof Number n ? n.toString() : a).toArray();
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(plain);
    }
}
