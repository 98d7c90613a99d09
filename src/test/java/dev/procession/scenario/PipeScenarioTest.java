package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.RealRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipeScenarioTest {
    @Test
    void theWorkerAnswersEachWordInCapitalsAndStopsAtNone() throws Exception {
        RealRun.Result r = ScenarioRun.run("pipe", Map.of("rounds", "2"), 1);
        assertThat(r.prints()).containsExactly("PING", "HELLO", "PIPE", "PING", "HELLO", "PIPE");
        assertThat(ScenarioRun.exitCodeOf(r, "worker")).isZero();
        assertThat(r.of("send")).hasSize(13);
        assertThat(r.of("recv")).hasSize(13);
    }
}
