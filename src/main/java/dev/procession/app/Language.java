package dev.procession.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The window's two languages: the id the settings and {@code --language} use, and the bundles' locale. */
public enum Language {
    /** English, whatever the system's language: the bundles without a suffix. */
    ENGLISH("en", Locale.ROOT),
    CHINESE("zh-Hans", Locale.SIMPLIFIED_CHINESE);

    private final String id;
    private final Locale locale;

    Language(String id, Locale locale) {
        this.id = id;
        this.locale = locale;
    }

    public String id() {
        return id;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Language> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }

    /** "en, zh-Hans": for messages that list them. */
    public static String ids() {
        return Arrays.stream(values()).map(Language::id).collect(Collectors.joining(", "));
    }
}
