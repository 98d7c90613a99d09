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
 * It never throws at the log: the first write error stops the writing, is kept for
 * {@link #error()} and is told to the {@code onError} handler at once (the CLI stops the run then,
 * rather than letting it play on with a log that is not being kept), so a full disk cannot take the
 * run down with it.
 */
public final class JsonLinesWriter implements Consumer<Event>, AutoCloseable {
    private final Writer out;
    private final Consumer<IOException> onError;
    private IOException error;
    private boolean closed;

    public JsonLinesWriter(Writer out) {
        this(out, e -> { });
    }

    public JsonLinesWriter(Writer out, Consumer<IOException> onError) {
        this.out = out;
        this.onError = onError;
    }

    public static JsonLinesWriter toFile(Path file) throws IOException {
        return toFile(file, e -> { });
    }

    public static JsonLinesWriter toFile(Path file, Consumer<IOException> onError) throws IOException {
        return new JsonLinesWriter(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)), onError);
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
            onError.accept(e);
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
