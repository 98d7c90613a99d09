package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.protocol.Messages;
import dev.procession.protocol.PyRepr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * multiprocessing.Pool's task queue and results. The workers are real processes (the
 * "$pool-worker" target) that ask for the next task, run it and report; the owner submits
 * jobs and waits for their results.
 *
 * <p>Wire ops: from the owner {@code submit {target, tasks: [[args]...], notify?}} (answers {@code {job}};
 * with {@code notify}, the outcome is pushed to the owner once ready: {@code {push: "pool", obj, job,
 * ok, value | error, message}}),
 * {@code result {job, index?, timeout?}}, {@code ready}, {@code successful}, {@code wait
 * {job, timeout?}}, {@code close}, {@code terminate}; from a worker {@code next} (answers a task
 * {@code {job, index, target, args}}, or null: exit), {@code done {value, repr}} and
 * {@code failed {error, message, traceback}} for the task it holds.
 */
final class PoolPrimitive extends Primitive {
    private final Hub hub;
    private final long ownerId;
    private final int processes;
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private final WaitQueue idle = new WaitQueue();
    private final Map<Long, PoolJob> jobs = new LinkedHashMap<>();
    /** The task each busy worker runs, by the worker's process id. */
    private final Map<Long, Running> running = new LinkedHashMap<>();
    private State state = State.RUNNING;
    private long nextJob = 1;

    private enum State { RUNNING, CLOSED, TERMINATED }

    private record Task(PoolJob job, int index, List<Object> args) {
    }

    /** A task and the worker's call that took it (whose connection tells if the worker lives). */
    private record Running(Task task, Call taker) {
    }

    PoolPrimitive(Hub hub, long id, String name, long ownerId, int processes) {
        super(id, "Pool", name);
        this.hub = hub;
        this.ownerId = ownerId;
        this.processes = processes;
    }

    static PoolPrimitive create(Hub hub, long id, String name, Call call) {
        long processes = Messages.integer(call.message(), "processes");
        if (processes < 1) {
            throw new HubError("ValueError", "Number of processes must be at least 1");
        }
        return new PoolPrimitive(hub, id, name, call.procId(), Math.toIntExact(processes));
    }

    @Override
    public void handle(String op, Call call) {
        switch (op) {
            case "submit" -> submit(call);
            case "result", "wait" -> result(op, call);
            case "ready" -> call.reply(job(call).ready());
            case "successful" -> {
                PoolJob job = job(call);
                if (!job.ready()) {
                    throw new HubError("ValueError", "result of job " + job.id + " is not ready");
                }
                call.reply(job.successful());
            }
            case "next" -> next(call);
            case "done" -> finished(call, true);
            case "failed" -> finished(call, false);
            case "close" -> close(call);
            case "terminate" -> {
                terminate(call.procName());
                call.reply(null);
            }
            default -> throw unknownOp(type(), op);
        }
    }

    private void submit(Call call) {
        if (state != State.RUNNING) {
            throw new HubError("ValueError", "Pool not running");
        }
        String target = Messages.string(call.message(), "target");
        List<Object> tasks = Messages.list(call.message(), "tasks");
        if (!tasks.stream().allMatch(t -> t instanceof List<?>)) {
            throw new HubError("TypeError", "each task's arguments must be a list");
        }
        PoolJob job = new PoolJob(ref(), nextJob++, target, tasks.size());
        jobs.put(job.id, job);
        if (Messages.optBoolean(call.message(), "notify", false)) {
            job.onReady(this::notifyOwner);
        }
        for (int i = 0; i < tasks.size(); i++) {
            queue.add(new Task(job, i, new ArrayList<>((List<?>) tasks.get(i))));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job", job.id);
        data.put("target", target);
        data.put("tasks", tasks.size());
        call.event(EventKind.SUBMIT, ref(), data);
        call.reply(Map.of("job", job.id));
        handOut();
    }

    /** apply_async with a callback: the owner's runtime runs it when the outcome arrives. */
    private void notifyOwner(PoolJob job) {
        ProcRecord owner = hub.table().find(ownerId);
        if (owner == null || owner.connection == null || owner.exited) {
            return;
        }
        Map<String, Object> push = new LinkedHashMap<>();
        push.put("push", "pool");
        push.put("obj", id());
        push.put("job", job.id);
        push.putAll(job.outcome());
        owner.connection.send(push);
    }

    private void result(String op, Call call) {
        PoolJob job = job(call);
        Integer index = call.message().get("index") instanceof Long i ? Math.toIntExact(i) : null;
        if (job.tryAnswer(call, op, index)) {
            return;
        }
        if (!call.blocking()) {
            Map<String, Object> data = call.failedAtOnce(op);
            data.put("job", job.id);
            call.end(EventKind.TIMEOUT, ref(), data);
            throw new HubError("TimeoutError", "");
        }
        job.park(call);
        call.event(EventKind.WAIT, ref(), Map.of("job", job.id));
        call.block(ref(), () -> {
            job.unpark(call);
            call.endTimedOut(ref(), Map.of("op", op, "job", job.id));
            if (op.equals("wait")) {
                call.reply(null);
            } else {
                call.fail("TimeoutError", "");
            }
        });
    }

    private PoolJob job(Call call) {
        long id = Messages.integer(call.message(), "job");
        PoolJob job = jobs.get(id);
        if (job == null) {
            throw new HubError("ValueError", "no job " + id + " in " + ref());
        }
        return job;
    }

    /** A worker asks for work: a task now, a wait, or null to tell it to exit. */
    private void next(Call call) {
        if (running.containsKey(call.procId())) {
            throw new HubError("ValueError", call.procName() + " asked for a task before reporting its last one");
        }
        if (state == State.TERMINATED || state == State.CLOSED && queue.isEmpty()) {
            call.reply(null);
            return;
        }
        idle.add(call);
        handOut();
        if (!call.answered()) {
            // An idle worker waits for the next task.
            call.event(EventKind.WAIT, ref(), Map.of("op", "next"));
            call.block(ref(), () -> { });
        }
    }

    private void handOut() {
        while (!queue.isEmpty()) {
            Call worker = idle.poll();
            if (worker == null) {
                return;
            }
            Task task = queue.poll();
            running.put(worker.procId(), new Running(task, worker));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("job", task.job.id);
            data.put("task", task.index);
            data.put("target", task.job.target);
            data.put("args", task.args);
            data.put("worker", worker.pid());
            worker.end(EventKind.TASK, ref(), data);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("job", task.job.id);
            answer.put("index", task.index);
            answer.put("target", task.job.target);
            answer.put("args", task.args);
            worker.reply(answer);
        }
        if (state == State.CLOSED) {
            releaseIdle();
        }
    }

    private void finished(Call call, boolean ok) {
        Running r = running.remove(call.procId());
        if (r == null) {
            throw new HubError("ValueError", call.procName() + " holds no task of " + ref());
        }
        Map<String, Object> m = call.message();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job", r.task.job.id);
        data.put("task", r.task.index);
        if (ok) {
            data.put("result", Messages.optString(m, "repr", PyRepr.of(m.get("value"))));
            call.event(EventKind.TASK_DONE, ref(), data);
            call.reply(null);
            r.task.job.succeeded(r.task.index, m.get("value"));
        } else {
            String error = Messages.optString(m, "error", "RuntimeError");
            String message = Messages.optString(m, "message", "");
            data.put("error", error);
            data.put("message", message);
            if (m.get("traceback") instanceof String tb) {
                data.put("traceback", tb);
            }
            call.event(EventKind.TASK_FAILED, ref(), data);
            call.reply(null);
            r.task.job.failed(r.task.index, error, message);
        }
    }

    private void close(Call call) {
        if (state == State.RUNNING) {
            state = State.CLOSED;
            call.event(EventKind.CLOSE, ref(), Map.of("queued", queue.size()));
            if (queue.isEmpty()) {
                releaseIdle();
            }
        }
        call.reply(null);
    }

    /** Stops handing out tasks; idle workers are told to exit, busy ones on their next ask. */
    private void terminate(String by) {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        int dropped = queue.size();
        queue.clear();
        hub.event(null, EventKind.TERMINATE, ref(), Map.of("by", by, "dropped", dropped));
        releaseIdle();
        for (PoolJob job : jobs.values()) {
            job.cancel("Pool was terminated before this result was ready");
        }
    }

    private void releaseIdle() {
        Call worker;
        while ((worker = idle.poll()) != null) {
            // No more tasks: the worker is told to exit.
            worker.end(EventKind.WOKE, ref(), Map.of("op", "next"));
            worker.reply(null);
        }
    }

    /** A worker died holding a task: Python's pool would wait forever; ours fails the task. */
    private void workerLost(long procId, String why) {
        Running r = running.remove(procId);
        if (r == null || state == State.TERMINATED) {
            // After terminate() workers are killed on purpose; their tasks are simply abandoned.
            return;
        }
        String message = "worker " + r.taker.procName() + " (pid " + r.taker.pid() + ") " + why
                + " while running task " + r.task.index + " of job " + r.task.job.id;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job", r.task.job.id);
        data.put("task", r.task.index);
        data.put("error", "RuntimeError");
        data.put("message", message);
        hub.event(hub.table().find(procId), EventKind.TASK_FAILED, ref(), data);
        r.task.job.failed(r.task.index, "RuntimeError", message);
    }

    @Override
    protected void dropDeadWaiters() {
        idle.dropDead();
        jobs.values().forEach(PoolJob::dropDeadWaiters);
        for (Running r : new ArrayList<>(running.values())) {
            if (!r.taker.live()) {
                workerLost(r.taker.procId(), "lost its connection");
            }
        }
    }

    @Override
    protected void processExited(long procId, long pid, String procName) {
        workerLost(procId, "exited");
        if (procId == ownerId) {
            terminate(procName + " (the pool's owner) exited");
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("state", state.name().toLowerCase());
        s.put("processes", processes);
        s.put("queued", queue.size());
        Map<String, Object> busy = new LinkedHashMap<>();
        running.values().forEach(r -> busy.put(Long.toString(r.taker.pid()), r.task.job.id + ":" + r.task.index));
        s.put("running", busy);
        s.put("idle", idle.pids());
        return s;
    }
}
