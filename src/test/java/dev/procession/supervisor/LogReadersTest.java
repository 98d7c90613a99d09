package dev.procession.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.LogFollower;
import dev.procession.testing.RealRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Readers of the log pull on their own threads: one that blocks holds up nobody else. */
class LogReadersTest {
    @Test
    void aBlockedReaderDoesNotStallTheRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Event> read = new CopyOnWriteArrayList<>();
        RealRun.with("test-process", Map.of("case", "current"), 1.0, run -> {
            // Blocks on the first event, as a writer to a paused `| less` would.
            LogFollower follower = LogFollower.start(run.log(), e -> {
                awaitQuietly(release);
                read.add(e);
            }, "blocked-reader");
            try {
                long code = run.finished().get(60, TimeUnit.SECONDS);
                assertThat(code).as("the run finished while its reader was blocked").isZero();
                assertThat(read).as("the reader is still blocked").isEmpty();
            } finally {
                release.countDown();
            }
            int logged = run.log().size();
            follower.close();
            assertThat(read).extracting(Event::seq).as("everything logged before the close, in order")
                    .startsWith(1L).isSorted().hasSizeGreaterThanOrEqualTo(logged);
            return null;
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
