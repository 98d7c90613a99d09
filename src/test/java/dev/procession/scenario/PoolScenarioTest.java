package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PoolScenarioTest {
    @Test
    void fourWorkersServeTheTasksAndResultsComeBackInOrder() throws Exception {
        RealRun.Result r = ScenarioRun.run("pool", Map.of(), 4);
        List<String> results = r.prints().stream().filter(p -> p.startsWith("task ")).toList();
        assertThat(results).hasSize(10);
        Set<Long> workerPids = r.of("spawn").stream().filter(e -> e.proc().startsWith("SpawnPoolWorker-"))
                .map(Event::pid).collect(Collectors.toSet());
        assertThat(workerPids).hasSize(4);
        for (int i = 0; i < 10; i++) {
            String line = results.get(i);
            assertThat(line).startsWith("task " + i + " -> " + (i * i) + " in worker ");
            long pid = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            assertThat(workerPids).as("the pid a task reports is a pool worker's").contains(pid);
        }
        assertThat(r.prints()).anySatisfy(p -> assertThat(p).startsWith("apply_async: (100, 10000, "));
        Set<Long> busy = r.of("task").stream().map(Event::pid).collect(Collectors.toSet());
        assertThat(busy).as("more than one worker took tasks").hasSizeGreaterThan(1);
    }
}
