package dev.procession.protocol;

/** Thrown for text that is not the JSON the protocol expects, with where and why. */
public final class JsonException extends RuntimeException {
    public JsonException(String message) {
        super(message);
    }
}
