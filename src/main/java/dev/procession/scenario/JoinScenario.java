package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Process;
import dev.procession.runtime.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** join waits for a child to end; join(timeout) gives up and leaves it running. */
public final class JoinScenario implements Scenario {
    @Override
    public String id() {
        return "join";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "Waiting for children (join)", "zh-Hans", "等待子进程（join）");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "The main process starts children that sleep 1, 2, 3... seconds, then calls join() on each:"
                        + " join blocks the caller until that child has ended, so \"all children done\" comes after"
                        + " every child's line. Then it starts a long child and calls join(timeout): after the"
                        + " timeout, join returns even though the child is still alive. A second join() without a"
                        + " timeout waits for the end and reads the exit code, 0.",
                "zh-Hans", "主进程启动几个分别睡眠 1、2、3…… 秒的子进程，然后对每个子进程调用 join()：join 会阻塞调用者，直到该子进程"
                        + "结束，所以“all children done”总是出现在所有子进程的输出之后。接着主进程启动一个运行时间较长的子进程，并调用"
                        + " join(timeout)：超时之后 join 就返回，尽管子进程仍然存活。再调用一次不带超时的 join()，会等到它结束，并读到退出码 0。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("children", 3, 1, 10, "how many children; child i sleeps i seconds",
                        "子进程的个数；第 i 个子进程睡眠 i 秒"),
                Parameter.number("timeout", 2, 0, 60, "seconds join(timeout) waits for the long child",
                        "join(timeout) 等待那个长时间运行的子进程的秒数"),
                Parameter.number("long", 5, 0, 60, "seconds the long child sleeps",
                        "那个长时间运行的子进程睡眠的秒数"));
    }

    @Override
    public Listing listing() {
        return Listing.python("11_join.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", JoinScenario::main)
                .target("work", JoinScenario::work)
                .target("long_work", JoinScenario::longWork);
    }

    private static Object main(Mp mp, Args args) {
        Map<String, Object> params = args.map(0);
        long count = (Long) params.get("children");
        double timeout = ((Number) params.get("timeout")).doubleValue();
        double longSleep = ((Number) params.get("long")).doubleValue();
        List<Process> children = new ArrayList<>();
        for (long i = 1; i <= count; i++) {
            mp.at("Process-work");
            Process p = mp.process("work", i);
            mp.at("start-work");
            p.start();
            children.add(p);
        }
        for (Process p : children) {
            mp.at("join-work");
            p.join();
        }
        mp.at("print-all-done");
        mp.print("all children done");
        mp.at("Process-long");
        Process p = mp.process("long_work", longSleep);
        mp.at("start-long");
        p.start();
        mp.at("join-timeout");
        p.join(timeout);
        mp.at("print-after-timeout");
        mp.print("after join(" + Numbers.str(timeout) + "), alive:", p.isAlive());
        mp.at("join-long");
        p.join();
        mp.at("print-after-join");
        mp.print("after join(), alive:", p.isAlive(), "exitcode:", p.exitCode());
        return null;
    }

    private static Object work(Mp mp, Args args) {
        long i = args.integer(0);
        mp.at("sleep-work");
        mp.sleep(i);
        mp.at("print-child-done");
        mp.print("child " + i + " done");
        return null;
    }

    private static Object longWork(Mp mp, Args args) {
        mp.at("sleep-long");
        mp.sleep(args.number(0));
        mp.at("print-long-done");
        mp.print("long child done");
        return null;
    }
}
