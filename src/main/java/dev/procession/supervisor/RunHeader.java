package dev.procession.supervisor;

import dev.procession.scenario.Listing;
import dev.procession.scenario.ListingToJava;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The details of a run's first event ({@code run}): what runs, how, the Python listing it mirrors
 * and the scenario's Java program.
 */
final class RunHeader {
    /** Procession's version: the jar's, or this when running from classes (tests, the IDE). */
    static final String VERSION = versionOr("0.1.0");

    /** The {@code scenario} of a run of a user's python3 program. */
    static final String PYTHON = "python";

    private RunHeader() {
    }

    /** What every header names first: what runs, with which parameters, at which speed, recorded by which version. */
    private static Map<String, Object> common(String scenario, Map<String, Object> params, double speed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scenario", scenario);
        data.put("params", params);
        data.put("speed", speed);
        data.put("version", VERSION);
        return data;
    }

    /** A python3 program's header: its script is the listing, with its {@code path} for the events' {@code file}. */
    static Map<String, Object> ofPython(PythonProgram program, Map<String, Object> params, double speed) {
        Map<String, Object> data = common(PYTHON, params, speed);
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("file", program.fileName());
        l.put("lines", program.lines());
        l.put("path", program.script().toString());
        data.put("listing", l);
        return data;
    }

    static Map<String, Object> of(String program, Map<String, Object> params, double speed) {
        Map<String, Object> data = common(program, params, speed);
        // Only a scenario has a listing; a test program has none.
        Scenarios.find(program).ifPresent(s -> {
            data.put("listing", listing(s.listing()));
            data.put("java", javaProgram(s));
        });
        return data;
    }

    /** The Java program too, so that a replayed log shows it without the scenario's jar. */
    private static Map<String, Object> javaProgram(Scenario s) {
        Listing java = s.javaProgram();
        Map<String, Object> j = listing(java);
        j.put("atListingLine", ListingToJava.lines(s.listing(), java));
        return j;
    }

    private static Map<String, Object> listing(Listing listing) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("file", listing.fileName());
        l.put("lines", listing.lines());
        return l;
    }

    private static String versionOr(String fallback) {
        String v = RunHeader.class.getPackage().getImplementationVersion();
        return v == null ? fallback : v;
    }
}
