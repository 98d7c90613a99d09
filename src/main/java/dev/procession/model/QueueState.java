package dev.procession.model;

import dev.procession.events.Event;
import java.util.List;
import java.util.Map;

/**
 * A Queue or JoinableQueue: its items (as Python's repr, oldest first), bound, the processes
 * blocked putting into it while full and getting from it while empty, and unfinished tasks.
 */
public record QueueState(String ref, String type, String name, long maxsize, PQueue<String> items,
                         List<Long> putters, List<Long> getters, long unfinished, boolean closed)
        implements PrimitiveState {

    static QueueState created(String ref, String type, String name, Map<String, Object> s) {
        return new QueueState(ref, type, name, Details.number(s, "maxsize", 0), PQueue.empty(), List.of(), List.of(),
                0, false);
    }

    public int size() {
        return items.size();
    }

    /** A maxsize of 0 or less means unbounded, as in Python. */
    public boolean bounded() {
        return maxsize > 0;
    }

    @Override
    public PrimitiveState on(Event e) {
        long pid = e.pid();
        return switch (e.kind()) {
            case PUT -> new QueueState(ref, type, name, maxsize, items.add(item(e)), Pids.without(putters, pid),
                    getters, "JoinableQueue".equals(type) ? unfinished + 1 : unfinished, closed);
            case GOT -> new QueueState(ref, type, name, maxsize, items.poll(), putters, Pids.without(getters, pid),
                    unfinished, closed);
            case PUT_WAIT -> new QueueState(ref, type, name, maxsize, items, Pids.with(putters, pid), getters,
                    unfinished, closed);
            case GET_WAIT -> new QueueState(ref, type, name, maxsize, items, putters, Pids.with(getters, pid),
                    unfinished, closed);
            case TIMEOUT -> without(pid);
            case TASK_DONE -> new QueueState(ref, type, name, maxsize, items, putters, getters,
                    Details.number(e, "unfinished", Math.max(0, unfinished - 1)), closed);
            case CLOSE -> new QueueState(ref, type, name, maxsize, items, putters, getters, unfinished, true);
            default -> this;
        };
    }

    private static String item(Event e) {
        return e.get("item") == null ? "?" : String.valueOf(e.get("item"));
    }

    @Override
    public PrimitiveState without(long pid) {
        if (!putters.contains(pid) && !getters.contains(pid)) {
            return this;
        }
        return new QueueState(ref, type, name, maxsize, items, Pids.without(putters, pid), Pids.without(getters, pid),
                unfinished, closed);
    }
}
