package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import dev.procession.model.SemaphoreState;
import dev.procession.testing.RealRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KtvScenarioTest {
    @Test
    void neverMoreThanTheSeatsAreTakenAndTheRoomDoesFill() throws Exception {
        // Speed 2: each person sings 0.5 to 2.5 s of real time, long enough for the room to fill
        // while the others' JVMs are still starting.
        RealRun.Result r = ScenarioRun.run("ktv", Map.of(), 2);
        String sema = ScenarioRun.objectOf(r, "Semaphore");
        int seats = 4;
        int most = 0;
        Map<Long, Integer> visits = new HashMap<>();
        List<Long> before = List.of();
        // Read through the run model, as the window reads it: the room at every event of the log.
        for (RunState s : r.states()) {
            if (!(s.primitive(sema) instanceof SemaphoreState room)) {
                continue;
            }
            int inside = room.holders().size();
            assertThat(inside).as("people inside at seq %d", s.seq()).isBetween(0, seats);
            assertThat(room.value()).as("the semaphore's count at seq %d", s.seq()).isEqualTo((long) (seats - inside));
            for (Long pid : room.holders()) {
                if (!before.contains(pid)) {
                    visits.merge(pid, 1, Integer::sum);
                }
            }
            before = room.holders();
            most = Math.max(most, inside);
        }
        RunState end = r.states().getLast();
        assertThat(most).as("most people inside at once").isEqualTo(seats);
        assertThat(((SemaphoreState) end.primitive(sema)).holders()).as("people inside at the end").isEmpty();
        List<Long> people = end.processes().values().stream().filter(p -> "ktv".equals(p.role()))
                .map(ProcState::pid).toList();
        assertThat(people).hasSize(10);
        assertThat(visits).as("visits by pid").hasSize(10).allSatisfy((pid, n) -> assertThat(n).isEqualTo(1));
        assertThat(visits.keySet()).containsExactlyInAnyOrderElementsOf(people);
    }
}
