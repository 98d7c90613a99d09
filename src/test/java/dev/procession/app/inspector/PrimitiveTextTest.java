package dev.procession.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.RunState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the inspector says of a shared Value and Array: content as Python prints it, typecode, lock. */
class PrimitiveTextTest {
    private static Event event(long seq, EventKind kind, String obj, Map<String, Object> data) {
        return new Event(seq, seq * 1000, 10, 1, "MainProcess", kind, obj, data);
    }

    @Test
    void aSharedValueAndArrayShowTheirContentTypecodeAndLock() {
        RunState s = RunState.of(List.of(
                event(1, EventKind.NEW, "RLock#2", Map.of("type", "RLock", "name", "counter.lock",
                        "state", Map.of("locked", false))),
                event(2, EventKind.NEW, "Value#1", Map.of("type", "Value", "name", "counter",
                        "state", Map.of("typecode", "c", "lock", "RLock#2", "value", Map.of("$bytes", "eA==")))),
                event(3, EventKind.READ, "Value#1", Map.of("value", Map.of("$bytes", "eA=="))),
                event(4, EventKind.NEW, "Array#3", Map.of("type", "Array",
                        "state", Map.of("typecode", "d", "value", List.of(0.0, 0.5)))),
                event(5, EventKind.WRITE, "Array#3", Map.of("index", 0L, "value", 2.0))));
        assertThat(PrimitiveText.describe(s.primitive("Value#1"), s))
                .isEqualTo("b'x'  (typecode 'c', guarded by counter.lock; 1 reads, 0 writes)");
        assertThat(PrimitiveText.describe(s.primitive("Array#3"), s))
                .isEqualTo("[2.0, 0.5]  (typecode 'd', no lock; 0 reads, 1 writes)");
    }
}
