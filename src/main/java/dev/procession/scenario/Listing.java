package dev.procession.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The Python program a scenario reproduces, as the course shows it, one string per line. */
public record Listing(String fileName, List<String> lines) {

    static Listing load(String fileName) {
        String resource = "python/" + fileName;
        try (InputStream in = Listing.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing listing resource " + resource);
            }
            return new Listing(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Line {@code n}, counted from 1 as editors do. */
    public String line(int n) {
        return lines.get(n - 1);
    }
}
