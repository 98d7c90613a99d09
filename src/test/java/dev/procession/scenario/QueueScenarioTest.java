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

    @Test
    void nowaitPutsRaiseFullWhenThereIsNoRoomAndGetsRaiseEmptyWhenNothingIsLeft() throws Exception {
        RealRun.Result r = ScenarioRun.run("queue", Map.of("children", "5", "maxsize", "2", "nowait", "true"), 4);
        String q = ScenarioRun.objectOf(r, "Queue");
        List<Event> refused = r.of("timeout").stream().filter(e -> q.equals(e.obj())).toList();
        List<Event> fulls = refused.stream().filter(e -> "put".equals(e.get("op"))).toList();
        assertThat(fulls).as("put_nowait on a full queue").hasSize(3).allSatisfy(e -> {
            assertThat(e.get("outcome")).isEqualTo("at-once");
            assertThat(e.get("block")).isEqualTo(false);
            assertThat(e.get("size")).isEqualTo(2L);
        });
        assertThat(r.of("put")).filteredOn(e -> q.equals(e.obj())).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("outcome")).isEqualTo("at-once"));
        assertThat(r.of("put-wait")).as("no put waits").isEmpty();
        for (Event full : fulls) {
            assertThat(ScenarioRun.prints(r, full.proc())).singleElement()
                    .satisfies(e -> assertThat(e.text("text")).endsWith(": put_nowait raised queue.Full, its item is lost"));
        }

        List<String> main = ScenarioRun.prints(r, "MainProcess").stream().map(e -> e.text("text")).toList();
        assertThat(main.getFirst()).isEqualTo("empty(): False full(): True");
        assertThat(main.getLast()).isEqualTo("get_nowait raised queue.Empty: nothing is left");
        assertThat(main).hasSize(4);
        assertThat(r.of("got")).filteredOn(e -> q.equals(e.obj())).hasSize(2);
        assertThat(refused).as("get_nowait on an empty queue").filteredOn(e -> "get".equals(e.get("op")))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("outcome")).isEqualTo("at-once");
                    assertThat(e.get("size")).isEqualTo(0L);
                    assertThat(e.proc()).isEqualTo("MainProcess");
                });
    }
}
