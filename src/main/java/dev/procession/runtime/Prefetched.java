package dev.procession.runtime;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * Items of one queue that the hub handed this process ahead of its gets, because it is the
 * queue's only getter. A get takes the next one here and tells the hub, which records the get
 * then; the hub may ask for the rest back ("revoke") when another process starts getting.
 */
final class Prefetched {
    /** What {@link #take} returns when there is nothing here (null is an item: None). */
    static final Object NOTHING = new Object();
    private static final Object NONE = new Object();

    private final long queueId;
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private boolean revoked;

    Prefetched(long queueId) {
        this.queueId = queueId;
    }

    /** The next item (as sent, not decoded), or {@link #NOTHING}. */
    synchronized Object take(HubClient client) {
        Object item = items.poll();
        if (item == null) {
            return NOTHING;
        }
        // Told while holding the lock, so the hub hears of every take before a return.
        client.tellBatched("took", queueId, null);
        return item == NONE ? null : item;
    }

    synchronized void add(List<?> more) {
        // After a revoke the hub took back everything it had handed out, these included.
        if (!revoked) {
            more.forEach(item -> items.add(item == null ? NONE : item));
        }
    }

    /** Gives back what was not taken; the hub hands this process nothing ahead any more. */
    synchronized void revoke(HubClient client) {
        revoked = true;
        items.clear();
        client.tell("return", Map.of("obj", queueId));
    }
}
