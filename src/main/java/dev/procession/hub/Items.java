package dev.procession.hub;

import java.util.ArrayDeque;
import java.util.List;

/** The items waiting in a queue or a pipe, in order; None (null) is an item like any other. */
final class Items {
    private static final Object NONE = new Object();
    private final ArrayDeque<Object> items = new ArrayDeque<>();

    void add(Object item) {
        items.add(item == null ? NONE : item);
    }

    /** Puts {@code older} (in their order) before every item here. */
    void prependAll(Items older) {
        while (!older.items.isEmpty()) {
            items.addFirst(older.items.pollLast());
        }
    }

    /** The oldest item, not removed, as stored (null stands for None); call only when not empty. */
    Object peek() {
        Object item = items.peek();
        return item == NONE ? null : item;
    }

    /** The oldest item, removed; call only when not empty. */
    Object poll() {
        Object item = items.poll();
        return item == NONE ? null : item;
    }

    int size() {
        return items.size();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Short reprs of the first {@code limit} items, for the inspector. */
    List<String> reprs(int limit) {
        return items.stream().limit(limit).map(i -> ItemRepr.of(i == NONE ? null : i)).toList();
    }
}
