package dev.procession.app.stage;

import dev.procession.app.Children;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A titled lane of items in order, oldest first: a queue's belt, a pipe's messages in flight, a
 * pool's inbox or results tray. The frame's puts and takes are told in log order; {@link #sync}
 * then makes the lane hold exactly the fold's items. A put item glides in from the element that
 * put it; a taken item flies to the one that took it, even when both happened in the same frame.
 */
public final class ItemLane extends VBox {
    public static final String STYLE = "item-lane";
    public static final String ITEMS = "item-lane-items";

    private sealed interface Op permits Put, Take {
    }

    private record Put(String item, Node from) implements Op {
    }

    private record Take(int index, Node to, String reply) implements Op {
    }

    private record Leaving(ItemChip chip, Point2D from, Node to) {
    }

    private final Label title = new Label();
    private final FlowPane items = new FlowPane(8, 8);
    private final List<ItemChip> chips = new ArrayList<>();
    private final List<ItemChip> emptySlots = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    private final List<Leaving> leaving = new ArrayList<>();
    private final List<Node> fresh = new ArrayList<>();

    public ItemLane(String styleClass, String titleText) {
        getStyleClass().addAll(STYLE, styleClass);
        title.getStyleClass().add(StageStyles.ZONE_TITLE);
        title.setText(titleText);
        title.setWrapText(true);
        items.getStyleClass().add(ITEMS);
        items.setPrefWrapLength(200);
        getChildren().addAll(title, items);
    }

    /** The oldest item sits at the right end, nearest the exit; rows wrap from the right. */
    public ItemLane towardsTheRight() {
        items.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
        return this;
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    /** {@code from} (null: unknown) put {@code item} at the back of the lane. */
    public void put(String item, Node from) {
        ops.add(new Put(item, from));
    }

    /** {@code to} (null: unknown) took the item at {@code index}, 0 being the oldest. */
    public void take(int index, Node to) {
        ops.add(new Take(index, to, null));
    }

    /** As {@link #take}, but what flies back to {@code to} is {@code reply} (an answer to a call). */
    public void answer(int index, Node to, String reply) {
        ops.add(new Take(index, to, reply));
    }

    /**
     * Applies this frame's puts and takes and shows {@code wanted}, the fold's items, followed by
     * {@code empty} free places. {@code before} holds where things were before the frame (see
     * {@link Motion#positions}); the lane adds where its new items come from, for the glide.
     */
    public void sync(List<String> wanted, int empty, Map<Node, Point2D> before) {
        List<Object> line = new ArrayList<>(chips);
        for (Op op : ops) {
            switch (op) {
                case Put p -> line.add(p);
                case Take t -> {
                    if (t.index() < line.size()) {
                        leave(line.remove(t.index()), t.to(), t.reply(), before);
                    }
                }
            }
        }
        ops.clear();
        List<ItemChip> next = new ArrayList<>();
        boolean agrees = line.size() == wanted.size();
        for (int i = 0; i < wanted.size(); i++) {
            Object o = agrees ? line.get(i) : null;
            ItemChip chip = o instanceof ItemChip c ? c : new ItemChip(wanted.get(i));
            chip.show(wanted.get(i));
            if (o instanceof Put p && p.from() != null && p.from().getScene() != null) {
                before.put(chip, FlightLayer.at(p.from()));
            } else if (!(o instanceof ItemChip)) {
                fresh.add(chip);
            }
            next.add(chip);
        }
        chips.clear();
        chips.addAll(next);
        while (emptySlots.size() < empty) {
            emptySlots.add(ItemChip.emptySlot());
        }
        List<Node> shown = new ArrayList<>(chips);
        shown.addAll(emptySlots.subList(0, Math.max(0, empty)));
        Children.arrange(items.getChildren(), shown);
    }

    private void leave(Object gone, Node to, String reply, Map<Node, Point2D> before) {
        if (gone instanceof ItemChip c && before.get(c) != null) {
            leaving.add(new Leaving(new ItemChip(reply == null ? c.item() : reply), before.get(c), to));
        } else if (gone instanceof Put p && p.from() != null && p.from().getScene() != null) {
            leaving.add(new Leaving(new ItemChip(reply == null ? p.item() : reply), FlightLayer.at(p.from()), to));
        }
    }

    /** After the layout: items new from nowhere fade in, taken items fly to whoever took them. */
    public void animate(FlightLayer layer, Motion motion) {
        fresh.forEach(motion::fadeIn);
        fresh.clear();
        for (Leaving l : leaving) {
            layer.fly(l.chip(), l.from(), l.to(), motion);
        }
        leaving.clear();
    }

    /** The chips, oldest first, for the stage's {@link Motion#positions}. */
    public List<ItemChip> chips() {
        return chips;
    }

    /** The items shown, oldest first. */
    public List<String> shownItems() {
        return chips.stream().map(ItemChip::item).toList();
    }

    public String titleText() {
        return title.getText();
    }
}
