package dev.procession.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A program text a scenario shows: its Python listing, as the course shows it, or its Java
 * program. {@code lines} are what a reader sees (one string per line), and {@code markers} name
 * the lines the scenario's runtime calls are at: {@code mp.at("wait")} is at the line whose
 * marker is {@code wait} (see {@link PythonMarkers} and {@link JavaMarkers} for how each text
 * carries them).
 */
public record Listing(String fileName, List<String> lines, Map<String, Integer> markers) {
    /**
     * Loaded once per JVM: a child resolves every {@code mp.at} through this cache. Loading is
     * written to touch few JDK classes (no streams, regex, lambdas or string concatenation on
     * the way), since the first {@code mp.at} of every child pays for it (docs/architecture.md).
     */
    private static final Map<String, Listing> LOADED = new HashMap<>();
    private static final String PYTHON = "python/";
    private static final String JAVA = "java/";

    public Listing {
        lines = List.copyOf(lines);
        markers = Map.copyOf(markers);
    }

    /** The Python listing {@code python/<fileName>}, its marker comments taken off. */
    static Listing python(String fileName) {
        return load(PYTHON, fileName);
    }

    /** The Java source {@code java/<fileName>} the build copies beside the classes (pom.xml). */
    static Listing java(String fileName) {
        return load(JAVA, fileName);
    }

    private static synchronized Listing load(String folder, String fileName) {
        String resource = folder.concat(fileName);
        Listing listing = LOADED.get(resource);
        if (listing == null) {
            List<String> raw = read(resource);
            listing = folder.equals(PYTHON) ? PythonMarkers.parse(fileName, raw) : JavaMarkers.parse(fileName, raw);
            LOADED.put(resource, listing);
        }
        return listing;
    }

    private static List<String> read(String resource) {
        try (InputStream in = Listing.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing listing resource ".concat(resource));
            }
            return splitLines(new String(in.readAllBytes(), Charset.forName("UTF-8")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link String#lines()} does, without loading the stream classes. */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            end = end < 0 ? text.length() : end;
            lines.add(text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end));
            start = next;
        }
        return lines;
    }

    /** Line {@code n}, counted from 1 as editors do. */
    public String line(int n) {
        return lines.get(n - 1);
    }

    /** The line {@code marker} names, counted from 1; an unknown marker is an error that names it. */
    public int lineOf(String marker) {
        Integer line = markers.get(marker);
        if (line == null) {
            throw new UnknownMarkerException(fileName + " has no marker @" + marker + "; its markers: "
                    + String.join(", ", new java.util.TreeSet<>(markers.keySet())));
        }
        return line;
    }
}
