package dev.procession.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Items of an unbounded queue handed to its only getter ahead of its gets, so that a get while
 * the queue has a backlog costs that process no round trip to the hub. The process tells the hub
 * ("took") as it takes each one, and only then is the item got: the event log, qsize and the
 * animation count the items out here as still in the queue.
 *
 * <p>When a second process gets from the queue, the hub asks the first to give back what it has
 * not taken ("revoke", answered by "return") and never hands items ahead again for this queue,
 * so every getter is served in order from then on. A getter that dies gives its items back.
 */
final class Prefetch {
    /** At most this many items, and about this many characters of JSON, go ahead in one reply. */
    static final int MAX_ITEMS = 1024;
    static final int MAX_CHARS = 64 * 1024;

    private final Items ahead = new Items();
    private ProcRecord getter;
    private boolean shared;
    private boolean revoking;

    /** Notes that {@code proc} gets; returns true when it is a second getter and items are out. */
    boolean noteGetter(ProcRecord proc) {
        if (getter == null) {
            getter = proc;
        } else if (getter != proc && !shared) {
            shared = true;
            if (!ahead.isEmpty()) {
                revoking = true;
                return true;
            }
        }
        return false;
    }

    ProcRecord getter() {
        return getter;
    }

    /** Whether items are out that must come back before another getter can have them. */
    boolean awaitingReturn() {
        return revoking;
    }

    int size() {
        return ahead.size();
    }

    /**
     * Moves up to the limits of {@code items} out to {@code proc}, whose reply already carries
     * {@code first}; returns them for that reply.
     */
    List<Object> handOut(ProcRecord proc, Object first, Items items) {
        if (shared || proc != getter || items.isEmpty()) {
            return List.of();
        }
        List<Object> more = new ArrayList<>();
        int chars = weight(first, MAX_CHARS);
        while (!items.isEmpty() && more.size() < MAX_ITEMS) {
            chars += weight(items.peek(), MAX_CHARS);
            if (chars > MAX_CHARS) {
                break;
            }
            Object item = items.poll();
            ahead.add(item);
            more.add(item);
        }
        return more;
    }

    /** Short reprs of the items out, oldest first: they come before the queue's own. */
    List<String> reprs(int limit) {
        return ahead.reprs(limit);
    }

    /** The getter took the oldest item out. */
    Object took(ProcRecord proc) {
        if (proc != getter || ahead.isEmpty()) {
            throw new HubError("ValueError", "no item was handed ahead to " + proc.name);
        }
        return ahead.poll();
    }

    /** Puts what is out back at the front of {@code items}, as the getter gave it up or died. */
    void giveBack(Items items) {
        items.prependAll(ahead);
        revoking = false;
    }

    /** Approximate JSON length of {@code value}, stopping once past {@code budget}. */
    private static int weight(Object value, int budget) {
        return switch (value) {
            case null -> 4;
            case String s -> s.length() + 2;
            case Map<?, ?> map -> {
                int w = 2;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    w += String.valueOf(e.getKey()).length() + 4 + weight(e.getValue(), budget - w);
                    if (w > budget) {
                        break;
                    }
                }
                yield w;
            }
            case List<?> list -> {
                int w = 2;
                for (Object v : list) {
                    w += 1 + weight(v, budget - w);
                    if (w > budget) {
                        break;
                    }
                }
                yield w;
            }
            default -> 24;
        };
    }
}
