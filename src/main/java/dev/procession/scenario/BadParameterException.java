package dev.procession.scenario;

/** A parameter value out of bounds or of the wrong type, or a parameter a scenario lacks. */
public final class BadParameterException extends IllegalArgumentException {
    public BadParameterException(String message) {
        super(message);
    }
}
