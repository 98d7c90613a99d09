package dev.procession.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.events.EventLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process's hello and its parent's report of the start come on different connections, in
 * either order. Before, a hello that won the race put the {@code start} before the {@code spawn}
 * (1 log in 311); the log must be causal whichever comes first.
 */
class HubCausalOrderTest {
    private static final long MAIN_PID = 900_101;
    private static final long CHILD_PID = 900_102;

    @TempDir
    Path dir;

    private final EventLog log = new EventLog();
    private Hub hub;

    @BeforeEach
    void startHub() throws IOException {
        hub = Hub.start(dir, log, 1.0);
    }

    @AfterEach
    void closeHub() {
        hub.close();
    }

    @Test
    void mainsHelloBeforeTheSupervisorsReportStillFollowsItsSpawn() throws IOException {
        long mainId = hub.registerMain("test-hub", Map.of());
        try (RawClient main = RawClient.hello(hub, mainId, MAIN_PID)) {
            hub.spawnedMain(mainId, MAIN_PID, ProcessHandle.current().pid());
            assertSpawnThenStart("MainProcess");
            assertThat(main.call("print", Map.of("text", "hi"))).containsEntry("ok", true);
        }
    }

    @Test
    void aChildsHelloBeforeItsParentsReportStillFollowsItsSpawn() throws IOException {
        long mainId = hub.registerMain("test-hub", Map.of());
        hub.spawnedMain(mainId, MAIN_PID, ProcessHandle.current().pid());
        try (RawClient main = RawClient.hello(hub, mainId, MAIN_PID)) {
            Map<?, ?> created = (Map<?, ?>) main.call("proc.new", Map.of("target", "t", "args", List.of())).get("value");
            long childId = (Long) created.get("proc");
            try (RawClient child = RawClient.hello(hub, childId, CHILD_PID)) {
                assertThat(main.call("proc.spawned", Map.of("proc", childId, "pid", CHILD_PID)))
                        .containsEntry("ok", true);
                String name = (String) created.get("name");
                assertSpawnThenStart(name);
                Event spawn = of(name, EventKind.SPAWN).getFirst();
                assertThat(spawn.pid()).isEqualTo(CHILD_PID);
                assertThat(spawn.get("parent")).isEqualTo("MainProcess");
            }
        }
    }

    private void assertSpawnThenStart(String proc) {
        List<Event> events = log.snapshot().stream().filter(e -> proc.equals(e.proc())).toList();
        assertThat(events.stream().filter(e -> e.kind() == EventKind.SPAWN)).as("one spawn").hasSize(1);
        assertThat(events).extracting(Event::kind).containsSubsequence(EventKind.SPAWN, EventKind.START);
        assertThat(events.getFirst().kind()).as("the first event of %s", proc).isEqualTo(EventKind.SPAWN);
    }

    private List<Event> of(String proc, EventKind kind) {
        return log.snapshot().stream().filter(e -> proc.equals(e.proc()) && e.kind() == kind).toList();
    }
}
