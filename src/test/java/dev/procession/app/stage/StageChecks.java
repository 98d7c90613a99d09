package dev.procession.app.stage;

import dev.procession.app.theme.ProcessColors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;

/** Checks every stage passes at every frame. Call on the FX thread. */
public final class StageChecks {
    private StageChecks() {
    }

    /** Every process element on the stage, wherever it is in the scene graph. */
    public static List<ProcessTag> tags(Node root) {
        List<ProcessTag> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<ProcessTag> out) {
        if (n instanceof ProcessTag t) {
            out.add(t);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    /** Every process element names its process as the fold does and shows its pid, in its colour. */
    public static void everyElementShowsItsPid(ScenarioStage stage, RunState state, String at) {
        for (ProcessTag t : tags(stage.node())) {
            ProcState p = state.process(t.pid());
            assertThat(p).as("a process element of pid %d %s", t.pid(), at).isNotNull();
            assertThat(t.titleText()).as("title of %d %s", t.pid(), at).isEqualTo(p.name() + " · " + p.pid());
            assertThat(t.statusText()).as("status word of %d %s", t.pid(), at).isNotBlank();
            assertThat(t.getStyleClass()).as("colour of %d", t.pid()).contains(ProcessColors.styleClass(p));
        }
    }
}
