package dev.procession.app.waitfor;

import dev.procession.app.Messages;
import dev.procession.model.LockState;
import dev.procession.model.PrimitiveState;
import dev.procession.model.SemaphoreState;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The marks of the locks and semaphores in a wait-for graph: made once each, updated in place. */
public final class PrimitiveMarks {
    private final Map<String, Label> byRef = new HashMap<>();
    private final String idPrefix;

    /** @param idPrefix what each mark's id starts with, before its ref ("wait-for-" gives "wait-for-Lock-1") */
    public PrimitiveMarks(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /**
     * The mark of {@code p}: its name (and a semaphore's value), whether a dead process holds it,
     * and {@code glyph}, or a closed or open padlock when it is null.
     */
    public Label mark(PrimitiveState p, boolean inCycle, Ikon glyph) {
        Label mark = byRef.computeIfAbsent(p.ref(), ref -> {
            Label l = new Label();
            l.getStyleClass().add("wait-for-primitive");
            l.setId(idPrefix + ref.replace('#', '-'));
            return l;
        });
        boolean held = p instanceof LockState l ? l.locked() : p instanceof SemaphoreState m && m.value() == 0;
        String text = p.label() + (p instanceof SemaphoreState m ? " = " + m.value() : "");
        if (p instanceof LockState l && l.abandonedBy() != null) {
            text += "\n" + Messages.text("waitFor.deadHolder");
        }
        mark.setText(text);
        mark.setGraphic(new FontIcon(glyph != null ? glyph : held ? Material2AL.LOCK : Material2AL.LOCK_OPEN));
        mark.pseudoClassStateChanged(WaitForDiagram.IN_CYCLE, inCycle);
        return mark;
    }
}
