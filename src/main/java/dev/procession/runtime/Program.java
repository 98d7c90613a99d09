package dev.procession.runtime;

/**
 * The code of a scenario: its targets and process classes, found by id in every child JVM
 * through {@link java.util.ServiceLoader}. Nothing is ever deserialized into code: a child is
 * told a program id and a target name and looks them up here.
 *
 * <p>Implementations need a cheap public no-argument constructor: every child loads them.
 */
public interface Program {
    String id();

    /** Registers the targets; the main program's target is named "main". */
    void define(Targets targets);

    /**
     * The line of this program's listing that {@code marker} names, for {@link Mp#at}. Only a
     * scenario has a listing; this default fails for the test programs, which have none.
     */
    default int lineOf(String marker) {
        throw new IllegalStateException("program '" + id() + "' has no listing: it cannot be at @" + marker);
    }
}
