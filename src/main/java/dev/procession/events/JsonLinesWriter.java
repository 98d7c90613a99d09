package dev.procession.events;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes each event as one JSON line; flushes every line so that a crash loses nothing written.
 * It never throws at the log: the first write error stops the writing and is kept for
 * {@link #error()}, so a full disk cannot take the run down with it.
 */
public final class JsonLinesWriter implements Consumer<Event>, AutoCloseable {
    private final Writer out;
    private IOException error;
    private boolean closed;

    public JsonLinesWriter(Writer out) {
        this.out = out;
    }

    public static JsonLinesWriter toFile(Path file) throws IOException {
        return new JsonLinesWriter(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized void accept(Event event) {
        if (closed || error != null) {
            return;
        }
        try {
            out.write(event.toJsonLine());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            error = e;
        }
    }

    /** The write error that stopped this writer, if any. */
    public synchronized Optional<IOException> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        out.close();
    }
}
