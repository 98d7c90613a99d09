package dev.procession.events;

import dev.procession.protocol.Json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventTest {
    @TempDir
    Path dir;

    @Test
    void aLineReadsBackAsTheSameEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("holder", 42L);
        data.put("note", "held");
        Event e = new Event(7, 1234, 100, 99, "Process-1", EventKind.ABANDONED, "Lock#1", data);
        assertThat(Event.fromJsonLine(e.toJsonLine())).isEqualTo(e);
    }

    @Test
    void aNullObjectIsLeftOutOfTheLine() {
        Event e = new Event(3, 10, 100, 99, "Process-1", EventKind.PRINT, null, Map.of("text", "hi"));
        assertThat(Json.parseObject(e.toJsonLine())).doesNotContainKey("obj").containsEntry("kind", "print");
    }

    @Test
    void anUnknownKindIsRefusedWithItsName() throws IOException {
        Path file = dir.resolve("unknown.jsonl");
        Files.writeString(file, "{\"seq\":1,\"t\":0,\"kind\":\"teleport\"}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonLinesReader.read(file))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown.jsonl:1:")
                .hasMessageContaining("unknown event kind 'teleport'");
    }

    @Test
    void detailsNeverOverwriteTheHeader() {
        Event e = new Event(7, 1234, 100, 99, "Process-1", EventKind.NOTE, null, Map.of("seq", "forged", "pid", 1L));
        Event back = Event.fromJsonLine(e.toJsonLine());
        assertThat(back.seq()).isEqualTo(7);
        assertThat(back.pid()).isEqualTo(100);
    }

    @Test
    void awaitSinceReturnsWhatWasAppendedAfterTheSeqOrNothingInTime() throws Exception {
        EventLog log = new EventLog();
        assertThat(log.awaitSince(0, java.time.Duration.ofMillis(1))).isEmpty();
        log.append(1, 0, "MainProcess", EventKind.START, null, Map.of());
        Thread appender = Thread.ofPlatform().start(() ->
                log.append(1, 0, "MainProcess", EventKind.PRINT, null, Map.of("text", "hi")));
        // Waits for the second event, appended on another thread, and returns it alone.
        List<Event> after = log.awaitSince(1, java.time.Duration.ofSeconds(10));
        appender.join();
        assertThat(after).extracting(Event::kind).containsExactly(EventKind.PRINT);
        assertThat(log.awaitSince(0, java.time.Duration.ZERO)).hasSize(2);
    }

    @Test
    void aFollowerDrainsEveryEventInOrderBeforeItCloses() {
        EventLog log = new EventLog();
        List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        LogFollower follower = LogFollower.start(log, e -> seen.add(e.seq()), "test-follower");
        for (int i = 0; i < 1000; i++) {
            log.append(1, 0, "MainProcess", EventKind.PRINT, null, Map.of("text", "line " + i));
        }
        follower.close();
        assertThat(seen).hasSize(1000).isSorted();
    }

    @Test
    void aFailingFollowerDoesNotStopTheLog() {
        EventLog log = new EventLog();
        LogFollower follower = LogFollower.start(log, e -> {
            throw new IllegalStateException("reader bug");
        }, "test-failing-follower");
        log.append(1, 0, "MainProcess", EventKind.START, null, Map.of());
        log.append(1, 0, "MainProcess", EventKind.PRINT, null, Map.of("text", "hi"));
        follower.close();
        assertThat(log.size()).isEqualTo(2);
    }

    @Test
    void aWriterKeepsItsFirstErrorInsteadOfThrowingIntoTheLog() throws IOException {
        JsonLinesWriter failing = new JsonLinesWriter(new Writer() {
            @Override
            public void write(char[] c, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        EventLog log = new EventLog();
        try (LogFollower follower = LogFollower.start(log, failing, "test-writer")) {
            log.append(1, 0, "MainProcess", EventKind.START, null, Map.of());
            log.append(1, 0, "MainProcess", EventKind.EXIT, null, Map.of());
        }
        assertThat(failing.error()).get().extracting(Throwable::getMessage).isEqualTo("disk full");
    }

    @Test
    void writtenLinesReadBackInOrder() throws IOException {
        Path file = dir.resolve("events.jsonl");
        EventLog log = new EventLog();
        try (JsonLinesWriter writer = JsonLinesWriter.toFile(file);
             LogFollower follower = LogFollower.start(log, writer, "test-writer")) {
            log.append(1, 0, "MainProcess", EventKind.START, null, Map.of("target", "main"));
            log.append(1, 0, "MainProcess", EventKind.PRINT, null, Map.of("text", "多行\n文本"));
        }
        assertThat(JsonLinesReader.read(file)).isEqualTo(log.snapshot());
        Files.writeString(file, "{\"seq\":1,\"t\":0,\"kind\":\"note\"}\n{\"seq\":\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonLinesReader.read(file))
                .isInstanceOf(IOException.class).hasMessageContaining("events.jsonl:2:");
    }
}
