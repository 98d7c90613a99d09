package dev.procession.scenario;

/** A runtime call names a listing marker the listing does not have: a bug of the scenario. */
public final class UnknownMarkerException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownMarkerException(String message) {
        super(message);
    }
}
