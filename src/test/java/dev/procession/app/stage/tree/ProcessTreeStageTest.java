package dev.procession.app.stage.tree;

import static dev.procession.app.stage.StageHarness.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.stage.RecordedRun;
import dev.procession.app.stage.StageChecks;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageHarness;
import dev.procession.app.stage.StageHarness.Frame;
import dev.procession.app.stage.StageShots;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.Activity;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real join run, replayed into the process tree: edges as in ps, join edges, exit codes. */
class ProcessTreeStageTest {

    @BeforeAll
    static void toolkit() throws Exception {
        StageHarness.startToolkit();
    }

    @Test
    void theParentsJoinEdgeAppearsAndExitCodesAreTheLogs() throws Exception {
        RecordedRun run = RecordedRun.of("join", Map.of("children", "3", "timeout", "0.5", "long", "1"), 3);
        assertThat(run.exitCode()).isZero();
        ProcessTreeStage stage = StageHarness.mount(() -> new ProcessTreeStage(StageContext.NONE), 1000, 700);
        boolean sawJoin = false;
        RunState last = RunState.EMPTY;
        for (Frame f : StageHarness.frames(run.events())) {
            String at = "at seq " + f.state().seq();
            last = f.state();
            boolean join = onFx(() -> {
                stage.show(f.state(), f.events(), 3);
                StageChecks.everyElementShowsItsPid(stage, f.state(), at);
                boolean any = false;
                for (ProcState child : f.state().processes().values()) {
                    ProcState parent = f.state().process(child.ppid());
                    if (parent == null) {
                        continue;
                    }
                    boolean joining = parent.activity() == Activity.BLOCKED && child.name().equals(parent.blockedOn());
                    assertThat(stage.edgesByChild()).as("edge to %s %s", child.name(), at)
                            .containsEntry(child.pid(), joining);
                    any |= joining;
                }
                return any;
            });
            if (join && !sawJoin) {
                sawJoin = true;
                onFx(() -> {
                    stage.settle();
                    return StageShots.save(stage.node(), "tree-join");
                });
            }
        }
        assertThat(sawJoin).as("main waited in join() at some point").isTrue();
        for (Event exit : run.events().stream().filter(e -> e.kind() == EventKind.EXIT).toList()) {
            Object code = exit.get("exitcode");
            assertThat(onFx(() -> stage.card(exit.pid()).statusText())).as("%s", exit.proc())
                    .isEqualTo("exited " + code);
        }
        assertThat(onFx(stage::generationCount)).isEqualTo(2);
        assertThat(last.finished()).isTrue();
        onFx(() -> {
            stage.settle();
            return StageShots.save(stage.node(), "tree-end");
        });
        onFx(() -> {
            stage.dispose();
            return null;
        });
    }
}
