package dev.procession.hub;

import java.util.List;
import java.util.Map;

/**
 * Finds the handles of primitives inside a value that travels between processes (a process's
 * arguments, a queue item, a pipe message), so that pipe ends know which processes hold them:
 * in Python each of those processes has its own copy of the end's file descriptor.
 */
final class Handles {
    private Handles() {
    }

    /** {@code receiver} now holds every pipe end in {@code value}; the end is no longer in transit. */
    static void delivered(Hub hub, Object value, ProcRecord receiver) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            walk(hub, value, receiver, -1);
        }
    }

    /** {@code value} was sent and waits in a buffer: its pipe ends stay open until it is delivered. */
    static void sent(Hub hub, Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            walk(hub, value, null, +1);
        }
    }

    /** {@code child} was created with these arguments: it holds their pipe ends from now on. */
    static void passed(Hub hub, Object args, ProcRecord child) {
        walk(hub, args, child, 0);
    }

    private static void walk(Hub hub, Object value, ProcRecord receiver, int transit) {
        if (value instanceof Map<?, ?> map) {
            if (map.get("$obj") instanceof Long id && map.get("$type") instanceof String) {
                if (find(hub, id) instanceof ConnectionPrimitive end) {
                    if (receiver != null) {
                        end.attach(receiver);
                    }
                    end.transit(transit);
                }
                return;
            }
            map.values().forEach(v -> walk(hub, v, receiver, transit));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> walk(hub, v, receiver, transit));
        }
    }

    private static Primitive find(Hub hub, long id) {
        try {
            return hub.object(id);
        } catch (HubError e) {
            return null;
        }
    }
}
