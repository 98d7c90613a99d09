package dev.procession.model;

import dev.procession.events.Event;
import dev.procession.protocol.PyRepr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Pool: its workers, those idle waiting for a task, the tasks waiting in its inbox, the task
 * each busy worker runs, and the results so far in the order they were finished.
 *
 * @param idle    workers waiting for a task, in the order they asked
 * @param running worker pid to the task it runs, as "square(3)"
 * @param results "job/task = result", oldest first
 */
public record PoolState(String ref, String name, long processes, List<Long> workers, List<Long> idle, long queued,
                        Map<Long, String> running, List<String> results, long failed, String state)
        implements PrimitiveState {

    static PoolState created(String ref, String name, Map<String, Object> s) {
        return new PoolState(ref, name, Details.number(s, "processes", 0), List.of(), List.of(), 0, Map.of(),
                List.of(), 0, Details.text(s, "state") == null ? "running" : Details.text(s, "state"));
    }

    @Override
    public String type() {
        return "Pool";
    }

    @Override
    public PrimitiveState on(Event e) {
        boolean nextTask = "next".equals(e.get("op"));
        return switch (e.kind()) {
            case SUBMIT -> with(workers, idle, queued + Details.number(e, "tasks", 0), running, results, failed, state);
            case TASK -> {
                long worker = Details.number(e, "worker", e.pid());
                Map<Long, String> r = new LinkedHashMap<>(running);
                r.put(worker, PyRepr.call(String.valueOf(e.get("target")), e.get("args")));
                yield with(Pids.with(workers, worker), Pids.without(idle, worker), Math.max(0, queued - 1),
                        Collections.unmodifiableMap(r), results, failed, state);
            }
            case WAIT -> nextTask ? with(Pids.with(workers, e.pid()), Pids.with(idle, e.pid()), queued, running,
                    results, failed, state) : this;
            case WOKE -> nextTask ? with(workers, Pids.without(idle, e.pid()), queued, running, results, failed, state)
                    : this;
            case TASK_DONE -> finished(e, e.get("job") + "/" + e.get("task") + " = " + e.get("result"), 0);
            case TASK_FAILED -> finished(e, e.get("job") + "/" + e.get("task") + " raised " + e.get("error"), 1);
            case CLOSE -> with(workers, idle, queued, running, results, failed, "closed");
            case TERMINATE -> with(workers, idle, 0, Map.of(), results, failed, "terminated");
            default -> this;
        };
    }

    private PoolState with(List<Long> w, List<Long> i, long q, Map<Long, String> r, List<String> res, long f,
                           String s) {
        return new PoolState(ref, name, processes, w, i, q, r, res, f, s);
    }

    private PoolState finished(Event e, String result, int failures) {
        Map<Long, String> r = new LinkedHashMap<>(running);
        r.remove(e.pid());
        List<String> all = new ArrayList<>(results);
        all.add(result);
        return with(Pids.with(workers, e.pid()), idle, queued, Collections.unmodifiableMap(r), List.copyOf(all),
                failed + failures, state);
    }

    @Override
    public PrimitiveState without(long pid) {
        if (!running.containsKey(pid) && !idle.contains(pid)) {
            return this;
        }
        Map<Long, String> r = new LinkedHashMap<>(running);
        r.remove(pid);
        return with(workers, Pids.without(idle, pid), queued, Collections.unmodifiableMap(r), results, failed, state);
    }
}
