package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.Lock;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Process;
import dev.procession.runtime.Targets;
import java.util.List;
import java.util.Map;

/** The smallest deadlock: two processes taking two Locks in opposite orders; fixed by one order. */
public final class TwoLocksScenario implements Scenario {
    @Override
    public String id() {
        return "two-locks";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "Two locks, opposite orders (deadlock)", "zh-Hans", "两把锁，相反的顺序（死锁）");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "Two processes, a and b, each need both of two Locks. a takes lock1 and then lock2; b takes"
                        + " lock2 and then lock1. Each gets its first lock, waits a moment, and then waits for the"
                        + " lock the other holds: neither can go on, a deadlock, and the program never ends (as in"
                        + " Python). Kill one and its lock stays taken; force-release it to let the other finish."
                        + " With fix = ordered both take lock1 first, and both finish.",
                "zh-Hans", "两个进程 a 和 b 都需要两把锁。a 先拿 lock1 再拿 lock2；b 先拿 lock2 再拿 lock1。"
                        + "每个进程拿到第一把锁，稍等一下，然后等待对方拿着的那把锁：谁也无法继续，这就是死锁，程序永远不会结束（和 Python 一样）。"
                        + "杀死其中一个进程，它拿着的锁仍然被占用；强制释放这把锁，另一个进程才能完成。"
                        + "设 fix = ordered，两个进程都先拿 lock1，两个都能完成。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("fix", List.of("none", "ordered"),
                "none: opposite orders (deadlocks); ordered: both take lock1 first",
                "none：顺序相反（会死锁）；ordered：两个进程都先拿 lock1"));
    }

    @Override
    public Listing listing() {
        return Listing.python("14_two_locks.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", TwoLocksScenario::main)
                .target("worker", TwoLocksScenario::worker);
    }

    private static Object main(Mp mp, Args args) {
        Map<String, Object> params = args.map(0);
        mp.at("Lock");
        Lock lock1 = mp.lock("lock1");
        Lock lock2 = mp.lock("lock2");
        mp.at("Process-a");
        Process a = mp.process("worker", "a", lock1, lock2).name("a");
        Process b;
        if ("ordered".equals(params.get("fix"))) {
            mp.at("Process-ordered");
            b = mp.process("worker", "b", lock1, lock2).name("b");
        } else {
            mp.at("Process-b");
            b = mp.process("worker", "b", lock2, lock1).name("b");
        }
        mp.at("start-a");
        a.start();
        mp.at("start-b");
        b.start();
        return null;
    }

    private static Object worker(Mp mp, Args args) {
        String name = args.string(0);
        Lock first = args.get(1, Lock.class);
        Lock second = args.get(2, Lock.class);
        mp.at("first-enter");
        first.acquire();
        try {
            mp.at("print-first");
            mp.print(name + " took its first lock");
            mp.at("sleep");
            mp.sleep(0.5);
            mp.at("second-enter");
            second.acquire();
            try {
                mp.at("print-both");
                mp.print(name + " took both locks");
            } finally {
                mp.at("second-exit");
                second.release();
            }
        } finally {
            mp.at("first-exit");
            first.release();
        }
        mp.at("print-done");
        mp.print(name + " is done");
        return null;
    }
}
