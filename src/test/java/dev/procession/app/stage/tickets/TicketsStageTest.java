package dev.procession.app.stage.tickets;

import static dev.procession.app.stage.StageHarness.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.stage.RecordedRun;
import dev.procession.app.stage.StageChecks;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageHarness;
import dev.procession.app.stage.StageHarness.Frame;
import dev.procession.app.stage.StageShots;
import dev.procession.model.LockState;
import dev.procession.protocol.Json;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real ticket runs, with and without the lock, replayed into the stage: its count is the file's. */
class TicketsStageTest {

    @BeforeAll
    static void toolkit() throws Exception {
        StageHarness.startToolkit();
    }

    @ParameterizedTest(name = "lock={0}")
    @CsvSource({"true, 4, 2, 3", "false, 4, 1, 0.5"})
    void theCountIsTheFoldsAndTheFilesAndThePadlockIsTheLocks(boolean lock, int buyers, int stock, double speed)
            throws Exception {
        RecordedRun run = RecordedRun.of("tickets", Map.of("buyers", String.valueOf(buyers), "stock",
                String.valueOf(stock), "lock", String.valueOf(lock)), speed,
                r -> ((Number) Json.parseObject(Files.readString(r.dir().resolve("db.json"))).get("count"))
                        .longValue());
        assertThat(run.exitCode()).isZero();
        TicketsStage stage = StageHarness.mount(() -> new TicketsStage(StageContext.NONE), 1000, 700);
        boolean sawWaiters = false;
        for (Frame f : StageHarness.frames(run.events())) {
            String at = "at seq " + f.state().seq();
            boolean waiters = onFx(() -> {
                stage.show(f.state(), f.events(), speed);
                StageChecks.everyElementShowsItsPid(stage, f.state(), at);
                Long tickets = f.state().tickets();
                assertThat(stage.countText()).as("count %s", at).isEqualTo(tickets == null ? "?" : tickets.toString());
                LockState l = f.state().primitives(LockState.class).stream().findFirst().orElse(null);
                assertThat(stage.showsPadlock()).as("padlock %s", at).isEqualTo(l != null);
                if (l == null) {
                    return false;
                }
                assertThat(stage.lockQueue()).as("lock queue %s", at).isEqualTo(l.waiters());
                if (l.locked()) {
                    var holder = f.state().process(l.holder());
                    assertThat(stage.padlockText()).contains(holder.name() + " · " + holder.pid());
                } else {
                    assertThat(stage.padlockText()).endsWith("is free");
                }
                return !l.waiters().isEmpty();
            });
            if (waiters && !sawWaiters) {
                sawWaiters = true;
                onFx(() -> {
                    stage.settle();
                    return StageShots.save(stage.node(), "tickets-lock-queue");
                });
            }
        }
        long sold = run.events().stream().filter(e -> "print".equals(e.kind().wireName())
                && e.text("text").startsWith("ticket bought by ")).count();
        assertThat(onFx(stage::countText)).as("count shown at the end = db.json's")
                .isEqualTo(String.valueOf(run.extra()));
        assertThat(onFx(stage::soldCount)).isEqualTo((int) sold);
        assertThat(onFx(stage::salesText)).startsWith(sold + " sold, " + stock + " in stock at the start");
        if (lock) {
            assertThat(sawWaiters).as("buyers queued at the padlock").isTrue();
            assertThat(sold).isEqualTo(stock);
        }
        onFx(() -> {
            stage.settle();
            return StageShots.save(stage.node(), "tickets-end-lock-" + lock);
        });
        onFx(() -> {
            stage.dispose();
            return null;
        });
    }
}
