package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Process;
import dev.procession.runtime.Targets;
import java.util.List;
import java.util.Map;

/** The seed's "daemon code": a daemon child lives exactly as long as the main process's code. */
public final class DaemonScenario implements Scenario {
    @Override
    public String id() {
        return "daemon";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "Daemon processes", "zh-Hans", "守护进程");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "p1 is a daemon that prints \"is alive\" every half second, forever; p2 is a normal child that"
                        + " counts to 5. Neither is given a name, so Python names them in the order they are made:"
                        + " p2 is Process-1 and p1 is Process-2. The main process sleeps 3 s, prints, then joins p2."
                        + " A daemon is terminated when the main process's code ends, not when the other children"
                        + " end: here main's last line is p2.join(), so p1 keeps printing until p2 is done, and is"
                        + " then terminated (exit code -15). Make main sleep longer than p2 counts and p1 outlives p2.",
                "zh-Hans", "p1 是守护进程，每半秒打印一次“is alive”，永不停止；p2 是普通子进程，从 0 数到 4。两者都没有指定名字，"
                        + "Python 按创建顺序为它们命名：p2 是 Process-1，p1 是 Process-2。主进程先睡眠 3 秒，"
                        + "打印一行，再 join 等待 p2。守护进程在主进程的代码执行完毕时被终止，而不是在其他子进程结束时：这里主进程的最后"
                        + "一行是 p2.join()，所以 p1 一直打印到 p2 结束，随后被终止（退出码 -15）。让主进程睡眠的时间比 p2 计数的时间更长，"
                        + "p1 就会比 p2 活得更久。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("count", 5, 1, 30, "seconds the normal child p2 counts", "普通子进程 p2 数数的秒数"),
                Parameter.number("sleep", 3, 0, 30, "seconds the main process sleeps before it prints",
                        "主进程打印之前睡眠的秒数"));
    }

    @Override
    public Listing listing() {
        return Listing.python("01_daemon.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", DaemonScenario::main)
                .target("func", DaemonScenario::func)
                .target("wahaha", DaemonScenario::wahaha);
    }

    private static Object main(Mp mp, Args args) {
        Map<String, Object> params = args.map(0);
        long count = (Long) params.get("count");
        double sleep = ((Number) params.get("sleep")).doubleValue();
        mp.at("Process-p2");
        Process p2 = mp.process("wahaha", count);
        mp.at("start-p2");
        p2.start();
        mp.at("Process-p1");
        Process p1 = mp.process("func");
        mp.at("daemon");
        p1.daemon(true);
        mp.at("start-p1");
        p1.start();
        mp.at("sleep-main");
        mp.sleep(sleep);
        mp.at("print-main");
        mp.print("main process");
        mp.at("join-p2");
        p2.join();
        return null;
    }

    private static Object func(Mp mp, Args args) {
        while (true) {
            mp.at("print-alive");
            mp.print("is alive");
            mp.at("sleep-func");
            mp.sleep(0.5);
        }
    }

    private static Object wahaha(Mp mp, Args args) {
        long count = args.integer(0);
        for (long i = 0; i < count; i++) {
            mp.at("print-second");
            mp.print("second " + i);
            mp.at("sleep-wahaha");
            mp.sleep(1);
        }
        return null;
    }
}
