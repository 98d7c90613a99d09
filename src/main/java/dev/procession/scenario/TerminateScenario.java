package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Process;
import dev.procession.runtime.Targets;
import java.util.List;
import java.util.Map;

/** terminate and kill end a child by a signal; the parent reads minus the signal number. */
public final class TerminateScenario implements Scenario {
    @Override
    public String id() {
        return "terminate";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "Ending a process (terminate, kill)", "zh-Hans", "结束进程（terminate、kill）");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "terminate() sends the signal SIGTERM and returns at once: the operating system has not ended"
                        + " the child yet, so is_alive() right after it is usually still True. After join() the"
                        + " child is gone and its exit code is -15, minus the number of SIGTERM. kill() sends SIGKILL,"
                        + " which cannot be caught: exit code -9. A child whose code simply ends exits with 0.",
                "zh-Hans", "terminate() 发送 SIGTERM 信号后立即返回：此时操作系统还没有结束子进程，所以紧接着调用 is_alive() 通常仍是"
                        + " True。join() 之后子进程才真正结束，退出码是 -15，即 SIGTERM 信号编号的相反数。kill() 发送无法被捕获的"
                        + " SIGKILL：退出码 -9。代码正常执行完的子进程，退出码为 0。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.number("delay", 0.5, 0, 10,
                "seconds the main process waits before it terminates or kills a child",
                "主进程终止或杀死子进程之前等待的秒数"));
    }

    @Override
    public Listing listing() {
        return Listing.python("12_terminate.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", TerminateScenario::main)
                .target("work", TerminateScenario::work)
                .processClass("MyProcess", (mp, state) -> new MyProcess(mp, state.string(0)));
    }

    private static Object main(Mp mp, Args args) {
        double delay = ((Number) args.map(0).get("delay")).doubleValue();
        mp.at("MyProcess-p");
        Process p = new MyProcess(mp, "alex");
        mp.at("start-p");
        p.start();
        mp.at("sleep-before-terminate");
        mp.sleep(delay);
        mp.at("terminate");
        p.terminate();
        mp.at("print-after-terminate");
        mp.print("right after terminate, alive:", p.isAlive());
        mp.at("join-p");
        p.join();
        mp.at("print-after-join");
        mp.print("after join, alive:", p.isAlive(), "exitcode:", p.exitCode());
        mp.at("MyProcess-q");
        Process q = new MyProcess(mp, "egon");
        mp.at("start-q");
        q.start();
        mp.at("sleep-before-kill");
        mp.sleep(delay);
        mp.at("kill");
        q.kill();
        mp.at("join-q");
        q.join();
        mp.at("print-after-kill");
        mp.print("after kill, exitcode:", q.exitCode());
        mp.at("Process-r");
        Process r = mp.process("work");
        mp.at("start-r");
        r.start();
        mp.at("join-r");
        r.join();
        mp.at("print-after-normal-end");
        mp.print("after a normal end, exitcode:", r.exitCode());
        return null;
    }

    private static Object work(Mp mp, Args args) {
        mp.at("print-work-done");
        mp.print("work done");
        return null;
    }

    /** The seed's subclass: it sleeps long enough to be ended by its parent first. */
    static final class MyProcess extends Process {
        private final Mp mp;
        private final String person;

        MyProcess(Mp mp, String person) {
            super(mp, "MyProcess", person);
            this.mp = mp;
            this.person = person;
        }

        @Override
        public void run() {
            mp.at("print-sleeps");
            mp.print(person + " sleeps");
            mp.at("sleep-run");
            mp.sleep(10);
            mp.at("print-woke-up");
            mp.print(person + " woke up");
        }
    }
}
