package dev.procession.app.code;

import static dev.procession.app.stage.StageHarness.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.code.CodeView.Language;
import dev.procession.app.stage.RecordedRun;
import dev.procession.app.stage.StageHarness;
import dev.procession.events.Event;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import dev.procession.model.RunState;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * A real traffic-light run, folded to the moment a car waits for the green light: its cursor is
 * on {@code e.wait()} in the Python listing and on {@code e.await()} in the Java program, with
 * nothing but the log's header to go by.
 */
class CodeViewTest {

    @BeforeAll
    static void toolkit() throws Exception {
        StageHarness.startToolkit();
    }

    @Test
    void aCarWaitingForGreenIsOnTheWaitCallInPythonAndInJava() throws Exception {
        RunState waiting = firstStateWithACarBlocked(recordedLog());
        ProcState car = waiting.processes().values().stream()
                .filter(p -> "car".equals(p.role()) && p.status() == ProcStatus.BLOCKED).findFirst().orElseThrow();

        CodeView view = onFx(() -> {
            CodeView v = new CodeView();
            FxToolkit.toolkitContext().getRegisteredStage().setScene(new Scene(v, 900, 700));
            FxToolkit.toolkitContext().getRegisteredStage().show();
            v.onFrame(RunState.EMPTY, waiting, List.of());
            return v;
        });

        assertThat(onFx(view::shown)).isEqualTo(Language.PYTHON);
        assertThat(onFx(() -> view.lineText(lineOf(view, car)).strip())).isEqualTo("e.wait()");

        onFx(() -> {
            view.show(Language.JAVA);
            return null;
        });
        assertThat(onFx(view::shown)).isEqualTo(Language.JAVA);
        assertThat(onFx(() -> view.lineText(lineOf(view, car)).strip())).isEqualTo("e.await();");
    }

    /** A short run: the light starts red and stays so for 3 scenario seconds, so the first car waits. */
    private static List<Event> recordedLog() throws Exception {
        RecordedRun run = RecordedRun.of("traffic-light", Map.of("cars", "2", "period", "3"), 3);
        assertThat(run.exitCode()).as("exit code of the traffic-light run").isZero();
        return run.events();
    }

    /** The one line of the shown text whose cursors include {@code car}. */
    private static int lineOf(CodeView view, ProcState car) {
        List<Integer> lines = IntStream.rangeClosed(1, 400)
                .filter(n -> view.cursorsAt(n).stream().anyMatch(p -> p.pid() == car.pid())).boxed().toList();
        assertThat(lines).as("lines with a cursor of %s", car.name()).hasSize(1);
        return lines.getFirst();
    }

    private static RunState firstStateWithACarBlocked(List<Event> log) {
        RunState s = RunState.EMPTY;
        for (Event e : log) {
            s = s.apply(e);
            boolean carBlocked = s.processes().values().stream()
                    .anyMatch(p -> "car".equals(p.role()) && p.status() == ProcStatus.BLOCKED);
            if (carBlocked) {
                return s;
            }
        }
        throw new AssertionError("no car ever waited for the light in\n" + log);
    }
}
