package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.AsyncResult;
import dev.procession.runtime.Held;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Pool;
import dev.procession.runtime.Targets;
import dev.procession.runtime.Tuple;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/** A pool of worker processes serves more tasks than it has workers; each worker takes the next task. */
public final class PoolScenario implements Scenario {
    @Override
    public String id() {
        return "pool";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "Process pool (Pool)", "zh-Hans", "进程池（Pool）");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "Pool(4) starts four worker processes once and reuses them: map hands out the ten tasks,"
                        + " each free worker takes the next one, and the results come back in the order of the"
                        + " inputs whichever worker finished first. apply_async queues one more task and returns at"
                        + " once; get() waits for its result. Starting a process is expensive, so a pool starts few"
                        + " and keeps them busy.",
                "zh-Hans", "Pool(4) 一次性启动四个工作进程并反复使用：map 分发十个任务，哪个工作进程空闲就领取下一个任务，"
                        + "结果按输入的顺序返回，与哪个进程先完成无关。apply_async 再排入一个任务并立即返回；get() 等待它的结果。"
                        + "启动进程代价高，所以进程池只启动少量进程，并让它们一直忙碌。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("workers", 4, 1, 8, "worker processes in the pool", "进程池里工作进程的个数"),
                Parameter.integer("tasks", 10, 1, 40, "tasks handed to map", "交给 map 的任务个数"),
                Parameter.number("delay", 0.5, 0, 5, "seconds each task sleeps", "每个任务睡眠的秒数"));
    }

    @Override
    public Listing listing() {
        return Listing.python("08_pool.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", PoolScenario::main)
                .target("task", PoolScenario::task);
    }

    private static Object main(Mp mp, Args args) {
        Map<String, Object> params = args.map(0);
        int workers = Math.toIntExact((Long) params.get("workers"));
        long tasks = (Long) params.get("tasks");
        double delay = ((Number) params.get("delay")).doubleValue();
        mp.at("Pool");
        Pool pool = mp.pool(workers);
        try (Held with = pool.with()) {
            mp.at("apply_async");
            AsyncResult asyncResult = pool.applyAsync("task", 100L, delay);
            mp.at("map");
            List<Object> inputs = LongStream.range(0, tasks).<Object>mapToObj(i -> List.of(i, delay)).toList();
            for (Object result : pool.starmap("task", castLists(inputs))) {
                Tuple r = (Tuple) result;
                mp.at("print-task");
                mp.print("task " + r.get(0) + " -> " + r.get(1) + " in worker " + r.get(2));
            }
            mp.at("print-apply-async");
            mp.print("apply_async:", asyncResult.get());
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<? extends List<?>> castLists(List<Object> lists) {
        return (List<? extends List<?>>) (List<?>) lists;
    }

    /** task(i): sleep, then return (i, i*i, the worker's pid). */
    private static Object task(Mp mp, Args args) {
        long i = args.integer(0);
        mp.at("sleep");
        mp.sleep(args.number(1));
        mp.at("getpid");
        return Tuple.of(i, i * i, mp.pid());
    }
}
