package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.Lock;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Process;
import dev.procession.runtime.Semaphore;
import dev.procession.runtime.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dining philosophers: a Lock per fork, each philosopher taking the left fork and then,
 * after a moment's thought, the right one, so that in the naive version every one holds a left
 * fork and waits for the next: a deadlock that lasts, as in Python, until the user acts. Two
 * fixes: every philosopher takes the lower-numbered fork first (no cycle can close), or a
 * Semaphore as a waiter seats at most N - 1 of them (one always gets both forks).
 */
public final class PhilosophersScenario implements Scenario {
    /** The values of {@code fix}: the naive version first, the default. */
    public static final List<String> FIXES = List.of("none", "ordered", "waiter");

    @Override
    public String id() {
        return "philosophers";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "Dining philosophers (deadlock)", "zh-Hans", "哲学家就餐（死锁）");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "Five philosophers (a parameter) sit round a table with one fork between each two plates;"
                        + " each fork is a Lock and each philosopher a process. To eat, a philosopher takes the"
                        + " fork on the left, thinks a moment about the right one, then takes it too. Soon every"
                        + " philosopher holds a left fork and waits for the right one, which the neighbour holds:"
                        + " a cycle of waits, a deadlock. Python never ends such a program; neither does"
                        + " Procession, which finds the cycle and shows it. Kill a philosopher and the fork it"
                        + " held stays taken (as in Python), so force-release the fork to break the cycle. With"
                        + " fix = ordered every philosopher takes the lower-numbered fork first, so no cycle can"
                        + " close; with fix = waiter a Semaphore lets at most four sit down at once.",
                "zh-Hans", "五位哲学家（可以调整）围坐在圆桌旁，每两个盘子之间放一把叉子；每把叉子是一个锁（Lock），每位哲学家是一个进程。"
                        + "吃饭时，哲学家先拿起左边的叉子，想一想右边那把，再把它也拿起来。很快每个人都拿着左边的叉子，"
                        + "等着被邻居拿着的右边那把：等待形成了一个环，这就是死锁。Python 永远不会结束这样的程序，Procession 也不会，"
                        + "但它会找到这个环并把它显示出来。杀死一位哲学家，他拿着的叉子仍然被占用（和 Python 一样），"
                        + "所以要强制释放那把叉子才能打破这个环。设 fix = ordered，每个人先拿编号小的叉子，环就无法形成；"
                        + "设 fix = waiter，一个信号量（Semaphore）作为服务员，同时最多只让四个人坐下。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("count", 5, 2, 8, "how many philosophers (and forks)", "哲学家（以及叉子）的个数"),
                Parameter.choice("fix", FIXES,
                        "none: left fork first (deadlocks); ordered: lower-numbered fork first; waiter: a Semaphore"
                                + " seats at most count - 1",
                        "none：先拿左边的叉子（会死锁）；ordered：先拿编号小的叉子；waiter：信号量最多让 count - 1 人坐下"));
    }

    @Override
    public Listing listing() {
        return Listing.python("13_philosophers.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", PhilosophersScenario::main)
                .target("philosopher", PhilosophersScenario::philosopher);
    }

    private static Object main(Mp mp, Args args) {
        Map<String, Object> params = args.map(0);
        int n = Math.toIntExact((Long) params.get("count"));
        String fix = (String) params.get("fix");
        List<Lock> forks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mp.at("Lock");
            forks.add(mp.lock("fork" + i));
        }
        Semaphore waiter = null;
        if ("waiter".equals(fix)) {
            mp.at("Semaphore");
            waiter = mp.semaphore("waiter", n - 1);
        }
        for (int i = 0; i < n; i++) {
            mp.at("Process");
            Process p = mp.process("philosopher", i, forks, waiter, fix).name("philosopher" + i);
            mp.at("start");
            p.start();
        }
        return null;
    }

    private static Object philosopher(Mp mp, Args args) {
        int i = args.intValue(0);
        List<Object> forks = args.list(1);
        Semaphore waiter = args.get(2) instanceof Semaphore s ? s : null;
        int n = forks.size();
        int first = i;
        int second = (i + 1) % n;
        if ("ordered".equals(args.string(3))) {
            first = Math.min(i, (i + 1) % n);
            second = Math.max(i, (i + 1) % n);
        }
        if (waiter != null) {
            mp.at("waiter-acquire");
            waiter.acquire();
        }
        Lock firstFork = (Lock) forks.get(first);
        mp.at("first-enter");
        firstFork.acquire();
        try {
            mp.at("print-first");
            mp.print("philosopher " + i + " took fork " + first);
            mp.at("sleep-think");
            mp.sleep(0.5);
            eat(mp, i, (Lock) forks.get(second));
        } finally {
            mp.at("first-exit");
            firstFork.release();
        }
        if (waiter != null) {
            mp.at("waiter-release");
            waiter.release();
        }
        mp.at("print-full");
        mp.print("philosopher " + i + " is full");
        return null;
    }

    private static void eat(Mp mp, int i, Lock secondFork) {
        mp.at("second-enter");
        secondFork.acquire();
        try {
            mp.at("print-eats");
            mp.print("philosopher " + i + " eats");
            mp.at("sleep-eat");
            mp.sleep(0.3);
        } finally {
            mp.at("second-exit");
            secondFork.release();
        }
    }
}
