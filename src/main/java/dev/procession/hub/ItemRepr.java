package dev.procession.hub;

import dev.procession.protocol.PyRepr;

/**
 * A short Python repr of an item in a queue or pipe, for events and the inspector: the animation
 * shows it on the item. It stops building once past the limit, so a big item costs no more than
 * a small one.
 */
final class ItemRepr {
    static final int LIMIT = 60;

    private ItemRepr() {
    }

    static String of(Object value) {
        return value instanceof Long n ? n.toString() : PyRepr.of(value, LIMIT);
    }
}
