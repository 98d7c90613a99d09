package dev.procession.app.stage;

import dev.procession.app.Messages;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.Label;

/**
 * One item on a stage as the program wrote it (its Python repr): a queue's item, a message in a
 * pipe, a pool's task or result. Long texts are cut with an ellipsis; {@link #item} keeps them.
 */
public final class ItemChip extends Label {
    public static final String STYLE = "stage-item";
    public static final String EMPTY = "stage-item-empty";
    private static final int LONGEST = 40;

    private String item;

    public ItemChip(String item) {
        getStyleClass().add(STYLE);
        // Chips may sit in a lane that fills from the right; their text still reads left to right.
        setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        show(item);
    }

    /** A dashed place holding nothing: a bounded queue's free room. */
    public static ItemChip emptySlot() {
        ItemChip slot = new ItemChip(Messages.text("stage.common.emptySlot"));
        slot.getStyleClass().add(EMPTY);
        return slot;
    }

    public void show(String text) {
        if (!text.equals(item)) {
            item = text;
            setText(text.length() <= LONGEST ? text : text.substring(0, LONGEST - 1) + "…");
        }
    }

    public String item() {
        return item;
    }
}
