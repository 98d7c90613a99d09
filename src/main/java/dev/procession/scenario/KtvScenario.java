package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Process;
import dev.procession.runtime.Semaphore;
import dev.procession.runtime.Targets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The seed's "KTV for 4 people": a Semaphore lets at most {@code seats} processes in at once. */
public final class KtvScenario implements Scenario {
    @Override
    public String id() {
        return "ktv";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "KTV room (Semaphore)", "zh-Hans", "KTV 包间（信号量 Semaphore）");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "The KTV room has 4 seats (a parameter), guarded by Semaphore(4): a counter that starts at 4. Each person is"
                        + " a process. Entering (acquire) takes one from the counter; when it is 0 the room is full"
                        + " and the next people wait. Leaving (release) adds one back and lets one of them in."
                        + " Python promises no order here; Procession lets in whoever has waited longest, so the"
                        + " line you see is its choice, not Python's rule. Each person sings for 1 to 5 seconds,"
                        + " chosen at random, so people leave in a different order from the one they came in.",
                "zh-Hans", "KTV 包间有 4 个座位（可以调整），由 Semaphore(4) 把守：一个初始值为 4 的计数器。每个人是一个进程。进门（acquire）"
                        + "把计数减一；计数为 0 时包间已满，后来的人等待。离开（release）把计数加一，并让其中一人进去。"
                        + "Python 并不保证谁先进；Procession 让等得最久的人先进，所以你看到的排队顺序是 Procession 的选择，而不是 Python 的规则。"
                        + "每个人随机唱 1 到 5 秒，所以离开的顺序和进来的顺序并不相同。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("people", 10, 1, 100, "how many person processes", "人数：每人是一个进程"),
                Parameter.integer("seats", 4, 1, 10, "seats in the room: the Semaphore's initial value",
                        "包间的座位数：Semaphore 的初始值"));
    }

    @Override
    public Listing listing() {
        return Listing.python("03_ktv_semaphore.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", KtvScenario::main)
                .target("ktv", KtvScenario::ktv);
    }

    private static Object main(Mp mp, Args args) {
        Map<String, Object> params = args.map(0);
        long people = (Long) params.get("people");
        int seats = Math.toIntExact((Long) params.get("seats"));
        mp.at("Semaphore");
        Semaphore sema = mp.semaphore("sema", seats);
        for (long i = 0; i < people; i++) {
            mp.at("Process");
            Process p = mp.process("ktv", sema, i).name("person" + i);
            mp.at("start");
            p.start();
        }
        return null;
    }

    private static Object ktv(Mp mp, Args args) {
        Semaphore sema = args.get(0, Semaphore.class);
        long i = args.integer(1);
        mp.at("with-enter");
        sema.acquire();
        try {
            mp.at("print-into");
            mp.print(i + " into ktv!");
            mp.at("sleep");
            mp.sleep(ThreadLocalRandom.current().nextInt(1, 6));
            mp.at("print-out");
            mp.print(i + " out of ktv!!!");
        } finally {
            mp.at("with-exit");
            sema.release();
        }
        return null;
    }
}
