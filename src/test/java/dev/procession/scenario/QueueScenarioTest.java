package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class QueueScenarioTest {
    @Test
    void theMainProcessGetsEveryChildsPowerOnce() throws Exception {
        RealRun.Result r = ScenarioRun.run("queue", Map.of(), 1);
        List<String> printed = r.prints();
        List<String> expected = LongStream.range(0, 10)
                .mapToObj(i -> "{" + i + ": " + java.math.BigInteger.valueOf(i).pow((int) i) + "}").toList();
        assertThat(printed).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.of("put")).hasSize(10);
        assertThat(r.of("got")).hasSize(10);
    }

    @Test
    void aBoundedQueueNeverHoldsMoreThanMaxsizeAndProducersWait() throws Exception {
        // A slow consumer (0.5 s per get) and room for 2: the others must block in put().
        RealRun.Result r = ScenarioRun.run("queue", Map.of("children", "5", "maxsize", "2", "delay", "0.5"), 1);
        String q = ScenarioRun.objectOf(r, "Queue");
        List<Event> sizes = r.events().stream().filter(e -> q.equals(e.obj()) && e.get("size") instanceof Long)
                .toList();
        assertThat(sizes).allSatisfy(e -> assertThat((Long) e.get("size")).as("%s", e).isBetween(0L, 2L));
        assertThat(r.of("put-wait").stream().map(Event::proc).collect(Collectors.toSet()))
                .as("producers that had to wait for room").isNotEmpty();
        assertThat(r.prints()).hasSize(5);
    }
}
