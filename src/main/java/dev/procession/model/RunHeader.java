package dev.procession.model;

import java.util.List;
import java.util.Map;

/**
 * What the log's first event says of the run: the scenario, its parameters, the speed it began
 * at, the Procession version that recorded it, and the Python listing its processes point into.
 */
public record RunHeader(String scenario, Map<String, Object> params, double speed, String version,
                        String listingFile, List<String> listing) {
    public static final RunHeader UNKNOWN = new RunHeader(null, Map.of(), 1, null, null, List.of());

    static RunHeader of(Map<String, Object> d) {
        Map<String, Object> listing = Details.map(d.get("listing"));
        return new RunHeader(Details.text(d, "scenario"), Details.map(d.get("params")), Details.decimal(d, "speed", 1),
                Details.text(d, "version"), Details.text(listing, "file"),
                Details.list(listing.get("lines")).stream().map(String::valueOf).toList());
    }
}
