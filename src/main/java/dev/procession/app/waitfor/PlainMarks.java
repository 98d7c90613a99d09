package dev.procession.app.waitfor;

import dev.procession.app.stage.ProcessNames;
import dev.procession.app.theme.ProcessColors;
import dev.procession.model.PrimitiveState;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.HashMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The wait-for view's marks: a process as a pill in its colour, a primitive as a box; made once, updated in place. */
final class PlainMarks implements WaitForDiagram.Marks {
    private static final PseudoClass EXITED = PseudoClass.getPseudoClass("exited");
    private final Map<Long, Label> processes = new HashMap<>();
    private final PrimitiveMarks primitives = new PrimitiveMarks("wait-for-");

    @Override
    public Node process(ProcState p, RunState s, boolean inCycle) {
        Label mark = processes.computeIfAbsent(p.pid(), pid -> {
            Label l = new Label();
            l.getStyleClass().add("wait-for-process");
            l.setId("wait-for-process-" + pid);
            return l;
        });
        // The name alone: the dock is narrow, and the pid is in the tooltip, the table and the stage.
        mark.setText(p.name());
        if (mark.getTooltip() == null) {
            mark.setTooltip(new Tooltip(ProcessNames.nameAndPid(p)));
        }
        String colour = ProcessColors.styleClass(p);
        if (!mark.getStyleClass().contains(colour)) {
            mark.getStyleClass().removeIf(ProcessColors::isColorClass);
            mark.getStyleClass().add(colour);
        }
        mark.pseudoClassStateChanged(EXITED, !p.alive());
        mark.pseudoClassStateChanged(WaitForDiagram.IN_CYCLE, inCycle);
        mark.setGraphic(inCycle ? new FontIcon(Material2MZ.WARNING) : !p.alive() ? new FontIcon(Material2AL.BLOCK) : null);
        return mark;
    }

    @Override
    public Node primitive(PrimitiveState p, RunState s, boolean inCycle) {
        return primitives.mark(p, inCycle, null);
    }
}
