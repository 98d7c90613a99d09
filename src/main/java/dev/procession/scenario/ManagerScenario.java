package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.DictProxy;
import dev.procession.runtime.Held;
import dev.procession.runtime.Lock;
import dev.procession.runtime.Manager;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Process;
import dev.procession.runtime.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Manager's server process holds a shared dict; ten processes each decrement its count. Without
 * a lock the read-modify-write (a get, then a set) loses updates; with one it does not.
 */
public final class ManagerScenario implements Scenario {
    @Override
    public String id() {
        return "manager";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "Shared dict (Manager)", "zh-Hans", "共享字典（管理器 Manager）");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "Manager() starts a server process that keeps a dict in its own memory; the other processes"
                        + " get a proxy and every d['count'] -= 1 is two messages to that server: read the count,"
                        + " then write it back minus one. The first round runs without a lock: two processes often"
                        + " read the same value, and one of the two decrements is lost. The second round holds a"
                        + " Lock around the read and the write, and the count ends exactly where it should.",
                "zh-Hans", "Manager() 启动一个服务器进程，字典保存在它自己的内存里；其他进程拿到的是代理，每次 d['count'] -= 1"
                        + " 都是发给服务器的两条消息：先读出计数，再写回减一后的值。第一轮不加锁：两个进程常常读到同一个值，"
                        + "其中一次减一就丢失了。第二轮在读和写外面加一把锁（Lock），计数最后正好等于应有的值。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("processes", 10, 1, 20, "how many worker processes per round", "每轮的工作进程个数"),
                Parameter.integer("decrements", 100, 1, 500, "how many times each process decrements the count",
                        "每个进程把 count 减 1 的次数"),
                Parameter.integer("count", 1000, 0, 100_000, "the count the shared dict starts with",
                        "共享字典里 count 的初始值"),
                // The seed runs both rounds; one alone is what a side-by-side comparison sets on each side.
                Parameter.bool("unlocked", true, "run the round without the lock", "运行不加锁的那一轮"),
                Parameter.bool("locked", true, "run the round with the lock", "运行加锁的那一轮"));
    }

    @Override
    public void checkTogether(Map<String, Object> values) {
        if (!(Boolean) values.get("unlocked") && !(Boolean) values.get("locked")) {
            throw new BadParameterException(Map.of(
                    Parameter.ENGLISH, "parameters 'unlocked' and 'locked' are both false: at least one round must run",
                    Parameter.CHINESE, "参数 'unlocked' 和 'locked' 都是 false：至少要运行一轮"));
        }
    }

    @Override
    public Listing listing() {
        return Listing.python("07_manager.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", ManagerScenario::main)
                .target("work", ManagerScenario::work);
    }

    private static Object main(Mp mp, Args args) {
        Map<String, Object> params = args.map(0);
        long processes = (Long) params.get("processes");
        long decrements = (Long) params.get("decrements");
        long count = (Long) params.get("count");
        for (boolean useLock : rounds(params)) {
            mp.at("Manager");
            try (Manager m = mp.manager()) {
                mp.at("dict");
                DictProxy d = m.dict(Map.of("count", count));
                mp.at("Lock");
                Lock lock = mp.lock("lock");
                List<Process> ps = new ArrayList<>();
                for (int i = 0; i < processes; i++) {
                    mp.at("Process");
                    ps.add(mp.process("work", d, lock, useLock, decrements));
                }
                for (Process p : ps) {
                    mp.at("start");
                    p.start();
                }
                for (Process p : ps) {
                    mp.at("join");
                    p.join();
                }
                mp.at("print");
                mp.print(useLock ? "with lock" : "without lock", d.get("count"));
            }
        }
        return null;
    }

    /** for use_lock in (False, True), less the rounds the parameters leave out. */
    private static List<Boolean> rounds(Map<String, Object> params) {
        List<Boolean> rounds = new ArrayList<>();
        if ((Boolean) params.get("unlocked")) {
            rounds.add(false);
        }
        if ((Boolean) params.get("locked")) {
            rounds.add(true);
        }
        return rounds;
    }

    private static Object work(Mp mp, Args args) {
        DictProxy d = args.get(0, DictProxy.class);
        Lock lock = args.get(1, Lock.class);
        boolean useLock = args.bool(2);
        long decrements = args.integer(3);
        for (long k = 0; k < decrements; k++) {
            if (useLock) {
                mp.at("with-lock");
                try (Held held = lock.hold()) {
                    mp.at("count-locked");
                    decrement(d);
                }
            } else {
                mp.at("count-unlocked");
                decrement(d);
            }
        }
        return null;
    }

    /** d['count'] -= 1: a read and a write, two calls to the server, with room between them. */
    private static void decrement(DictProxy d) {
        long value = ((Number) d.get("count")).longValue();
        d.set("count", value - 1);
    }
}
