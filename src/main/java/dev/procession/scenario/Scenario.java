package dev.procession.scenario;

import dev.procession.runtime.Program;
import java.util.List;
import java.util.Map;

/**
 * A lesson: the program it runs (the runtime finds it by {@link #id()} in every child), its
 * texts in English and Simplified Chinese, its parameters, the Python listing it mirrors and its
 * own Java program. Before each runtime call its code names the listing line it is at by a
 * marker, {@code mp.at("wait")}, which the listing carries as a comment ({@link PythonMarkers}).
 */
public interface Scenario extends Program {
    /** Title and explanation by language tag: "en" and "zh-Hans". */
    Map<String, String> title();

    Map<String, String> explanation();

    List<Parameter> parameters();

    /** The Python listing, its marker comments taken off the lines. */
    Listing listing();

    /** This scenario's Java source, shipped beside its class (pom.xml copies it into the jars). */
    default Listing javaProgram() {
        return Listing.java(getClass().getSimpleName() + ".java");
    }

    /**
     * Refuses values that are each within bounds but make no run together; called once every
     * value is parsed. The default accepts all.
     */
    default void checkTogether(Map<String, Object> values) {
    }

    /** The listing line {@code marker} names; an unknown one fails, naming scenario and marker. */
    @Override
    default int lineOf(String marker) {
        try {
            return listing().lineOf(marker);
        } catch (UnknownMarkerException e) {
            throw new UnknownMarkerException("scenario '" + id() + "' calls mp.at(\"" + marker + "\"), but "
                    + e.getMessage());
        }
    }
}
