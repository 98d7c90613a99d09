package dev.procession.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the CLI words the reads and writes of shared Values and Arrays: as Python code would. */
class LogPrinterTest {
    @Test
    void readsAndWritesOfSharedValuesAndArraysReadAsPython() {
        StringWriter text = new StringWriter();
        LogPrinter printer = new LogPrinter(new PrintWriter(text, true));
        long seq = 0;
        for (var e : new Object[][] {
                {EventKind.NEW, "Value#1", Map.of("type", "Value", "name", "counter",
                        "state", Map.of("typecode", "i", "value", 0L))},
                {EventKind.READ, "Value#1", Map.of("value", 0L)},
                {EventKind.WRITE, "Value#1", Map.of("value", 1L)},
                {EventKind.NEW, "Array#2", Map.of("type", "Array", "name", "a",
                        "state", Map.of("typecode", "c", "value", java.util.List.of()))},
                {EventKind.WRITE, "Array#2", Map.of("index", 3L, "value", Map.of("$bytes", "eA=="))},
                {EventKind.READ, "Array#2", Map.of("start", 0L, "stop", 2L, "value", Map.of("$bytes", "eHk="))}}) {
            seq++;
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) e[2];
            printer.accept(new Event(seq, seq * 1000, 10, 1, "MainProcess", (EventKind) e[0], (String) e[1], data));
        }
        assertThat(text.toString().lines().map(line -> line.substring(line.indexOf("] ") + 2).strip()))
                .containsExactly("created Value counter", "counter.value -> 0", "counter.value = 1",
                        "created Array a", "a[3] = b'x'", "a[0:2] -> b'xy'");
    }
}
