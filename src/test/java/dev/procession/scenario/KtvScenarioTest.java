package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.RealRun;
import java.util.HashMap;
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
        int inside = 0;
        int most = 0;
        Map<String, Integer> visits = new HashMap<>();
        for (Event e : r.events()) {
            if (!sema.equals(e.obj())) {
                continue;
            }
            switch (e.kind()) {
                case ACQUIRED -> {
                    inside++;
                    visits.merge(e.proc(), 1, Integer::sum);
                }
                case RELEASED -> inside--;
                default -> {
                    continue;
                }
            }
            assertThat(inside).as("people inside after %s", e).isBetween(0, seats);
            assertThat(e.get("value")).as("the semaphore's count after %s", e).isEqualTo((long) (seats - inside));
            most = Math.max(most, inside);
        }
        assertThat(most).as("most people inside at once").isEqualTo(seats);
        assertThat(inside).as("people inside at the end").isZero();
        assertThat(visits).hasSize(10).allSatisfy((person, n) -> assertThat(n).as(person).isEqualTo(1));
    }
}
