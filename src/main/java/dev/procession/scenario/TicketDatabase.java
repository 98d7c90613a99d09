package dev.procession.scenario;

import dev.procession.protocol.Json;
import dev.procession.runtime.Mp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tickets scenario's database: a real JSON file {@code {"count": N}} in the run folder.
 * Writes are atomic (a temporary file in the same folder, renamed over the old one), so a
 * reader never sees half a file, even while buyers without the lock write at the same time.
 * Every read and write is recorded as an event with the count it read or wrote.
 */
final class TicketDatabase {
    static final String FILE_NAME = "db.json";

    private final Mp mp;
    private final Path file;

    TicketDatabase(Mp mp) {
        this.mp = mp;
        this.file = mp.runDir().resolve(FILE_NAME);
    }

    long read() {
        long count;
        try {
            Map<String, Object> json = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
            count = ((Number) json.get("count")).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        mp.record("file-read", null, data(count));
        return count;
    }

    void write(long count) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        try {
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME + ".", ".tmp");
            Files.writeString(tmp, Json.write(json), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        mp.record("file-write", null, data(count));
    }

    private Map<String, Object> data(long count) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", file.toString());
        data.put("count", count);
        return data;
    }
}
