package dev.procession.app.stage;

import dev.procession.app.theme.ProcessColors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

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

    /**
     * No label on the stage is cut short: the text its skin draws is the whole of its text, not a
     * part of it ended by the ellipsis; and no process element reaches past the stage's sides.
     * Call once a pulse has laid the stage out.
     */
    public static void nothingIsCutShort(ScenarioStage stage, String at) {
        List<String> cut = new ArrayList<>();
        collectCut(stage.node(), cut);
        // Nor is an element pushed past the stage's edges, where the stage's frame would cut it.
        Bounds frame = stage.node().localToScene(stage.node().getLayoutBounds());
        for (ProcessTag t : tags(stage.node())) {
            Bounds b = t.localToScene(t.getLayoutBounds());
            if (t.isVisible() && (b.getMinX() < frame.getMinX() - 1 || b.getMaxX() > frame.getMaxX() + 1)) {
                cut.add("'" + t.titleText() + "' reaches from x=" + (int) b.getMinX() + " to " + (int) b.getMaxX()
                        + ", the stage from " + (int) frame.getMinX() + " to " + (int) frame.getMaxX());
            }
        }
        assertThat(cut).as("labels cut short %s", at).isEmpty();
    }

    private static void collectCut(Node n, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node child : l.getChildrenUnmodifiable()) {
                // Its drawn text, not its graphic (an icon is a Text too), ended by the ellipsis. A text
                // changed this frame is drawn at the next layout: until then the skin shows the old one.
                if (child instanceof Text drawn && child != l.getGraphic()
                        && drawn.getText().endsWith(l.getEllipsisString()) && !l.getText().equals(drawn.getText())) {
                    cut.add("'" + l.getText() + "' drawn as '" + drawn.getText() + "' in " + (int) l.getWidth()
                            + " px (" + l.getStyleClass() + ")");
                }
            }
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectCut(c, cut));
        }
    }
}
