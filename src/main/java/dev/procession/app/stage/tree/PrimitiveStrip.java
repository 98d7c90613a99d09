package dev.procession.app.stage.tree;

import dev.procession.app.Messages;
import dev.procession.app.stage.StageStyles;
import dev.procession.model.PrimitiveState;
import dev.procession.model.RunState;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The run's primitives under the tree, one card each: queues as slots, pipes with their messages
 * in flight, pools, shared objects. A card is redrawn only when its state changed: states are
 * immutable, so a changed state is a new object.
 */
final class PrimitiveStrip extends FlowPane {
    static final String STYLE = "primitive-strip";
    static final String CARD = "primitive-card";
    static final String SLOT = "primitive-slot";
    static final String EMPTY_SLOT = "primitive-slot-empty";

    private final Map<String, PrimitiveState> shown = new HashMap<>();
    private final Map<String, VBox> cards = new HashMap<>();

    PrimitiveStrip() {
        super(12, 12);
        getStyleClass().add(STYLE);
    }

    /** Draws the primitives of {@code s}; names of processes may change too, so a new state redraws. */
    void show(RunState s) {
        for (PrimitiveState prim : s.primitives().values()) {
            VBox card = cards.computeIfAbsent(prim.ref(), ref -> {
                VBox c = new VBox(4);
                c.getStyleClass().add(CARD);
                getChildren().add(c);
                return c;
            });
            if (shown.get(prim.ref()) != prim) {
                shown.put(prim.ref(), prim);
                fill(card, PrimitiveSummary.of(prim, s));
            }
        }
    }

    private static void fill(VBox card, PrimitiveSummary summary) {
        Label title = new Label(summary.title());
        title.getStyleClass().add(StageStyles.ZONE_TITLE);
        card.getChildren().setAll(title);
        if (!summary.slots().isEmpty() || summary.empty() > 0) {
            FlowPane slots = new FlowPane(4, 4);
            for (String item : summary.slots()) {
                Label slot = new Label(item);
                slot.getStyleClass().add(SLOT);
                slots.getChildren().add(slot);
            }
            for (int i = 0; i < summary.empty(); i++) {
                Label slot = new Label(Messages.text("stage.common.emptySlot"));
                slot.getStyleClass().addAll(SLOT, EMPTY_SLOT);
                slots.getChildren().add(slot);
            }
            card.getChildren().add(slots);
        }
        for (String line : summary.lines()) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add(StageStyles.CAPTION);
            card.getChildren().add(l);
        }
    }

    int cardCount() {
        return cards.size();
    }
}
