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
    void aFailingListenerIsDroppedAndTheLogGoesOn() {
        EventLog log = new EventLog();
        List<EventKind> seen = new ArrayList<>();
        log.subscribe(e -> {
            throw new IllegalStateException("listener bug");
        });
        log.subscribe(e -> seen.add(e.kind()));
        Thread.UncaughtExceptionHandler before = Thread.currentThread().getUncaughtExceptionHandler();
        List<Throwable> reported = new ArrayList<>();
        Thread.currentThread().setUncaughtExceptionHandler((t, x) -> reported.add(x));
        try {
            log.append(1, 0, "MainProcess", EventKind.START, null, Map.of());
            log.append(1, 0, "MainProcess", EventKind.PRINT, null, Map.of("text", "hi"));
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(before);
        }
        assertThat(seen).containsExactly(EventKind.START, EventKind.PRINT);
        assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("listener bug");
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
        log.subscribe(failing);
        log.append(1, 0, "MainProcess", EventKind.START, null, Map.of());
        log.append(1, 0, "MainProcess", EventKind.EXIT, null, Map.of());
        assertThat(failing.error()).get().extracting(Throwable::getMessage).isEqualTo("disk full");
    }

    @Test
    void writtenLinesReadBackInOrder() throws IOException {
        Path file = dir.resolve("events.jsonl");
        EventLog log = new EventLog();
        try (JsonLinesWriter writer = JsonLinesWriter.toFile(file)) {
            log.subscribe(writer);
            log.append(1, 0, "MainProcess", EventKind.START, null, Map.of("target", "main"));
            log.append(1, 0, "MainProcess", EventKind.PRINT, null, Map.of("text", "多行\n文本"));
        }
        assertThat(JsonLinesReader.read(file)).isEqualTo(log.snapshot());
        Files.writeString(file, "{\"seq\":1,\"t\":0,\"kind\":\"note\"}\n{\"seq\":\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonLinesReader.read(file))
                .isInstanceOf(IOException.class).hasMessageContaining("events.jsonl:2:");
    }
}
