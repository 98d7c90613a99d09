package dev.procession.archive;

import dev.procession.events.EventLog;
import dev.procession.events.JsonLinesWriter;
import dev.procession.events.LogFollower;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One run being saved as it happens: every event is written and flushed as it comes (a crash keeps
 * what happened), on a thread of its own so that a slow disk never holds up the run. A write that
 * fails stops the saving, not the run; {@link #error()} says why.
 */
public final class Recording implements AutoCloseable {
    private final Path file;
    private final JsonLinesWriter writer;
    private final LogFollower follower;

    private Recording(Path file, JsonLinesWriter writer, LogFollower follower) {
        this.file = file;
        this.writer = writer;
        this.follower = follower;
    }

    static Recording start(EventLog log, Path file) throws IOException {
        JsonLinesWriter writer = JsonLinesWriter.toFile(file);
        return new Recording(file, writer, LogFollower.start(log, writer, "procession-recording"));
    }

    public Path file() {
        return file;
    }

    public Optional<IOException> error() {
        return writer.error();
    }

    /** Writes every event logged so far, then closes the file; more than once is harmless. */
    @Override
    public void close() throws IOException {
        follower.close();
        writer.close();
    }
}
