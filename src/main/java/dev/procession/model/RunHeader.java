package dev.procession.model;

import java.util.List;
import java.util.Map;

/**
 * What the log's first event says of the run: the scenario, its parameters, the speed it began
 * at, the Procession version that recorded it, the Python listing its processes point into, and
 * the scenario's Java program with the Java line shown for each listing line; for a python3
 * program, {@code listingPath} is the script's absolute path (the {@code file} its events name).
 */
public record RunHeader(String scenario, Map<String, Object> params, double speed, String version,
                        String listingFile, List<String> listing, JavaProgram java, String listingPath) {
    public static final RunHeader UNKNOWN = new RunHeader(null, Map.of(), 1, null, null, List.of(), JavaProgram.NONE,
            null);

    /**
     * The header's {@code java}: the scenario's Java source, and for each line of the listing the
     * Java line a process at it is shown on (0 where none).
     */
    public record JavaProgram(String file, List<String> lines, List<Integer> atListingLine) {
        public static final JavaProgram NONE = new JavaProgram(null, List.of(), List.of());

        static JavaProgram of(Map<String, Object> j) {
            return new JavaProgram(Details.text(j, "file"), RunHeader.lines(j),
                    Details.list(j.get("atListingLine")).stream()
                            .map(n -> n instanceof Number number ? number.intValue() : 0).toList());
        }

        /** The Java line shown for listing line {@code line}, or 0. */
        public int lineFor(int line) {
            return line >= 1 && line <= atListingLine.size() ? atListingLine.get(line - 1) : 0;
        }
    }

    static RunHeader of(Map<String, Object> d) {
        Map<String, Object> listing = Details.map(d.get("listing"));
        return new RunHeader(Details.text(d, "scenario"), Details.map(d.get("params")), Details.decimal(d, "speed", 1),
                Details.text(d, "version"), Details.text(listing, "file"), lines(listing),
                JavaProgram.of(Details.map(d.get("java"))), Details.text(listing, "path"));
    }

    /**
     * Whether an event's {@code file} is the listing: events of a Python program name the source
     * file of their line, which may be another module; absent (a scenario's) it is the listing.
     */
    public boolean isListing(Object file) {
        return file == null || listingPath == null || listingPath.equals(file);
    }

    private static List<String> lines(Map<String, Object> textFile) {
        return Details.list(textFile.get("lines")).stream().map(String::valueOf).toList();
    }
}
