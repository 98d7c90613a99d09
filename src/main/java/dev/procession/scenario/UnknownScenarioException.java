package dev.procession.scenario;

/** A scenario id that is not in the library. */
public final class UnknownScenarioException extends IllegalArgumentException {
    public UnknownScenarioException(String message) {
        super(message);
    }
}
