package dev.procession.scenario;

import java.util.Map;

/** A parameter value out of bounds or of the wrong type, or a parameter a scenario lacks. */
public final class BadParameterException extends IllegalArgumentException {
    private final Map<String, String> texts;

    /** A refusal said in English only. */
    public BadParameterException(String message) {
        this(Map.of(Parameter.ENGLISH, message));
    }

    /** A refusal by language tag, as {@link Scenario#title()}; the English one is the message. */
    public BadParameterException(Map<String, String> texts) {
        super(texts.get(Parameter.ENGLISH));
        this.texts = Map.copyOf(texts);
    }

    /** The refusal by language tag: "en" always, "zh-Hans" for a value a parameter refuses. */
    public Map<String, String> texts() {
        return texts;
    }
}
