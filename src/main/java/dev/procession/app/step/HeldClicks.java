package dev.procession.app.step;

import dev.procession.app.processes.ProcessRow;
import dev.procession.app.stage.StageStyles;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Step mode by pointing: a click on a process whose call is held (its row in the table, its
 * figure on the stage: a car, a person, a buyer) lets that call go. Other clicks only select, as
 * they always do; the right button keeps opening the process's menu.
 */
public final class HeldClicks {
    private final LongFunction<ProcState> lookup;
    private final LongConsumer letGo;

    /** @param lookup the process of a pid as the views show it now; {@code letGo} lets its held call go */
    public HeldClicks(LongFunction<ProcState> lookup, LongConsumer letGo) {
        this.lookup = lookup;
        this.letGo = letGo;
    }

    /** Watches the table's rows. */
    public void onRows(TableView<ProcessRow> table) {
        table.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != table; n = n.getParent()) {
                    if (n instanceof TableRow<?> row && row.getItem() instanceof ProcessRow item) {
                        clicked(item.pid());
                        return;
                    }
                }
            }
        });
    }

    /** Watches the figures of a stage: every element bound to a process carries its pid. */
    public void onStage(Node stage) {
        stage.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
                    if (n.getProperties().get(StageStyles.PID_KEY) instanceof Long pid) {
                        clicked(pid);
                        return;
                    }
                    if (n == stage) {
                        return;
                    }
                }
            }
        });
    }

    /** Lets process {@code pid} go if its call is held; otherwise nothing. */
    public void clicked(long pid) {
        ProcState p = lookup.apply(pid);
        if (p != null && p.status() == ProcStatus.HELD) {
            letGo.accept(pid);
        }
    }
}
