package dev.procession.events;

import dev.procession.protocol.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an event log written as JSON Lines, naming the line of any malformed entry. */
public final class JsonLinesReader {
    private JsonLinesReader() {
    }

    public static List<Event> read(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(Event.fromJsonLine(line));
            } catch (JsonException | dev.procession.protocol.FrameException e) {
                throw new IOException(file + ":" + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return events;
    }
}
