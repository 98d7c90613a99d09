package dev.procession.events;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Writes each event as one JSON line; flushes every line so that a crash loses nothing written. */
public final class JsonLinesWriter implements Consumer<Event>, AutoCloseable {
    private final Writer out;

    public JsonLinesWriter(Writer out) {
        this.out = out;
    }

    public static JsonLinesWriter toFile(Path file) throws IOException {
        return new JsonLinesWriter(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized void accept(Event event) {
        try {
            out.write(event.toJsonLine());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
