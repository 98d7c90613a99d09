package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.Mp;
import dev.procession.runtime.MpException;
import dev.procession.runtime.Process;
import dev.procession.runtime.Queue;
import dev.procession.runtime.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed's queue example: every child puts {i: i**i}, the main process gets them all. With a
 * maxsize and a slow consumer it becomes a bounded producer/consumer: producers block in put().
 */
public final class QueueScenario implements Scenario {
    @Override
    public String id() {
        return "queue";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "Message queue (Queue)", "zh-Hans", "消息队列（Queue）");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "Processes share no memory, so they send each other messages. Each child puts one"
                        + " dictionary {i: i**i} on the Queue; the main process takes ten items off it, in the order"
                        + " they arrived, which is not the order the children were started in. With maxsize above 0"
                        + " the queue holds only that many items: a child whose put() finds it full waits until the"
                        + " consumer takes one. Raise delay to make the consumer slow and watch the producers queue up."
                        + " With nowait the children call put_nowait(), which never waits: on a full queue it raises"
                        + " queue.Full and that item is lost. The main process then waits for every child, asks"
                        + " empty() and full() (answers that may be stale at once while others use the queue), and"
                        + " calls get_nowait() until it raises queue.Empty.",
                "zh-Hans", "进程之间不共享内存，所以它们互相发送消息。每个子进程向队列放入一个字典 {i: i**i}；主进程从队列取出十个元素，"
                        + "顺序是它们到达的顺序，而不是子进程启动的顺序。maxsize 大于 0 时，队列最多只能容纳这么多元素："
                        + "子进程 put() 时若队列已满，就要等消费者取走一个。调大 delay 让消费者变慢，就能看到生产者排队等待。"
                        + "开启 nowait 时，子进程调用 put_nowait()，它从不等待：队列已满时抛出 queue.Full，这个元素就丢失了。"
                        + "随后主进程等所有子进程结束，询问 empty() 和 full()（有其他进程使用队列时，这些答案随时可能过时），"
                        + "再调用 get_nowait()，直到它抛出 queue.Empty。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("children", 10, 1, 30, "how many producer processes", "生产者进程的个数"),
                Parameter.integer("maxsize", 0, 0, 10, "the queue's capacity; 0 means unbounded (the seed)",
                        "队列的容量；0 表示不限容量（原例程如此）"),
                Parameter.number("delay", 0, 0, 5, "seconds the consumer waits before each get",
                        "消费者每次 get 之前等待的秒数"),
                Parameter.bool("nowait", false, "producers put_nowait (a full queue raises Full, the item is lost);"
                        + " main joins them, then get_nowait until Empty",
                        "生产者调用 put_nowait（队列满时抛出 Full，这个元素丢失）；主进程 join 它们之后，反复 get_nowait 直到 Empty"));
    }

    @Override
    public Listing listing() {
        return Listing.python("05_queue.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", QueueScenario::main)
                .target("num", QueueScenario::num)
                .target("num_nowait", QueueScenario::numNowait);
    }

    private static Object main(Mp mp, Args args) {
        Map<String, Object> params = args.map(0);
        long children = (Long) params.get("children");
        int maxsize = Math.toIntExact((Long) params.get("maxsize"));
        double delay = ((Number) params.get("delay")).doubleValue();
        boolean nowait = Boolean.TRUE.equals(params.get("nowait"));
        mp.at("Queue");
        Queue q = mp.queue("q", maxsize);
        List<Process> started = new ArrayList<>();
        for (long i = 0; i < children; i++) {
            mp.at("Process");
            Process p = mp.process(nowait ? "num_nowait" : "num", q, i);
            mp.at("start");
            p.start();
            started.add(p);
        }
        if (nowait) {
            joinThenDrain(mp, q, started);
            return null;
        }
        for (long j = 0; j < children; j++) {
            if (delay > 0) {
                mp.at("sleep");
                mp.sleep(delay);
            }
            mp.at("print");
            mp.print(q.get());
        }
        return null;
    }

    /** The nowait variant's consumer: every producer has ended, so what is left is all there is. */
    private static void joinThenDrain(Mp mp, Queue q, List<Process> producers) {
        for (Process p : producers) {
            mp.at("join");
            p.join();
        }
        mp.at("print-empty-full");
        mp.print("empty():", q.empty(), "full():", q.full());
        while (true) {
            try {
                mp.at("get_nowait");
                mp.print(q.getNowait());
            } catch (MpException.Empty empty) {
                mp.at("print-empty");
                mp.print("get_nowait raised queue.Empty: nothing is left");
                return;
            }
        }
    }

    /** q.put({i: i ** i}) */
    private static Object num(Mp mp, Args args) {
        Queue q = args.get(0, Queue.class);
        long i = args.integer(1);
        // Exact for the bounds' largest i: 30**30 needs more than 64 bits, as Python's int does not care.
        mp.at("put");
        q.put(Map.of(i, java.math.BigInteger.valueOf(i).pow((int) i)));
        return null;
    }

    /** try: q.put_nowait({i: i ** i}) except queue.Full: ... */
    private static Object numNowait(Mp mp, Args args) {
        Queue q = args.get(0, Queue.class);
        long i = args.integer(1);
        try {
            mp.at("put_nowait");
            q.putNowait(Map.of(i, java.math.BigInteger.valueOf(i).pow((int) i)));
        } catch (MpException.Full full) {
            mp.at("print-full");
            mp.print("child " + i + ": put_nowait raised queue.Full, its item is lost");
        }
        return null;
    }
}
