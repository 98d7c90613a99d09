package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Process;
import dev.procession.runtime.Targets;
import java.util.List;
import java.util.Map;

/** Both ways to create a process, passing arguments, and each process's own copy of the data. */
public final class BasicsScenario implements Scenario {
    /**
     * The listing's module-level {@code counter}. Every process is its own JVM with its own copy
     * of this field, so a child setting it to 0 leaves the parent's 100 alone: that is the lesson.
     */
    private static long counter = 100;

    @Override
    public String id() {
        return "basics";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "Creating processes", "zh-Hans", "创建进程");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "There are two ways to create a process. The first gives Process a target function and its"
                        + " arguments (args). The second subclasses Process and overrides run(). Each child prints"
                        + " its own PID and its parent's PID: the parent is the main process, which started it."
                        + " Each child also sets the global counter to 0, yet the parent still sees 100: processes"
                        + " do not share memory; each has its own copy of the data.",
                "zh-Hans", "创建进程有两种方式。第一种：给 Process 传入目标函数 target 和参数 args。第二种：继承 Process 类并重写"
                        + " run() 方法。每个子进程打印自己的 PID 和父进程的 PID：父进程就是启动它的主进程。每个子进程还把全局变量"
                        + " counter 改为 0，但父进程看到的仍是 100：进程之间不共享内存，每个进程都有自己的一份数据。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Listing listing() {
        return Listing.python("10_basics.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", BasicsScenario::main)
                .target("work", BasicsScenario::work)
                .processClass("MyProcess", (mp, state) -> new MyProcess(mp, state.string(0)));
    }

    private static Object main(Mp mp, Args args) {
        mp.at("print-main-pid");
        mp.print("main runs in " + mp.pid());
        mp.at("Process-p1");
        Process p1 = mp.process("work", "alex", 1);
        mp.at("start-p1");
        p1.start();
        mp.at("MyProcess-p2");
        Process p2 = new MyProcess(mp, "egon");
        mp.at("start-p2");
        p2.start();
        mp.at("join-p1");
        p1.join();
        mp.at("join-p2");
        p2.join();
        mp.at("print-parent-counter");
        mp.print("counter in the parent is still", counter);
        return null;
    }

    private static Object work(Mp mp, Args args) {
        String name = args.string(0);
        long n = args.integer(1);
        counter = 0;
        mp.at("print-work-args");
        mp.print(name + " got arg " + n + ", runs in " + mp.pid() + ", parent " + mp.ppid());
        mp.at("print-work-counter");
        mp.print("counter in " + name + " is now " + counter);
        return null;
    }

    /** The second way: a subclass whose run() is the child's code. */
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
            counter = 0;
            mp.at("print-run-pid");
            mp.print(person + " runs in " + mp.pid() + ", parent " + mp.ppid());
            mp.at("print-run-counter");
            mp.print("counter in " + person + " is now " + counter);
        }
    }
}
