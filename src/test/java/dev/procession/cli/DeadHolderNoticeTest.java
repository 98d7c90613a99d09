package dev.procession.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.supervisor.ProcessNode;
import dev.procession.testing.RealRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A lock's holder is killed while another process waits for it: the run can never end by itself,
 * and before, the command line went silent. It must say so once, in words, with the way out.
 */
@EnabledOnOs(OS.LINUX)
class DeadHolderNoticeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void saysOnceWhoDiedHoldingWhatAndHowToGetOut() throws Exception {
        RealRun.with("test-supervised", Map.of("case", "abandoned-lock"), 1.0, run -> {
            RealRun.await(WAIT, () -> node(run.processes(), "Process-2") != null
                    && "Lock#1".equals(node(run.processes(), "Process-2").blockedOn()), "the waiter to block");
            ProcessNode holder = node(run.processes(), "Process-1");
            ProcessNode waiter = node(run.processes(), "Process-2");
            run.kill(holder.pid());
            RealRun.await(WAIT, () -> run.log().snapshot().stream().anyMatch(e -> e.kind() == EventKind.ABANDONED),
                    "the abandoned event");

            StringWriter said = new StringWriter();
            DeadHolderNotice notice = new DeadHolderNotice(new PrintWriter(said));
            List<Event> log = run.log().snapshot();
            log.forEach(notice);
            log.forEach(notice); // The same situation seen again is not said again.

            assertThat(said.toString().lines()).singleElement().asString()
                    .startsWith("procession: Process-1 (pid " + holder.pid() + ") died holding Lock 'lock'")
                    .contains("Process-2 (pid " + waiter.pid() + ") waits for it and will wait forever")
                    .contains("as it would in Python").contains("Ctrl-C").contains("Force release");

            run.forceRelease("Lock#1");
            assertThat(run.finished().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
            return null;
        });
    }

    private static ProcessNode node(List<ProcessNode> nodes, String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }
}
