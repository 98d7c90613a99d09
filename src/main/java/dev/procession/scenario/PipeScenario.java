package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.Connection;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Pipe;
import dev.procession.runtime.Process;
import dev.procession.runtime.Targets;
import java.util.List;
import java.util.Map;

/** A duplex Pipe between the main process and one worker, which answers each word in capitals. */
public final class PipeScenario implements Scenario {
    private static final List<String> WORDS = List.of("ping", "hello", "pipe");

    @Override
    public String id() {
        return "pipe";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "Two-way pipe (Pipe)", "zh-Hans", "双向管道（Pipe）");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "Pipe() returns two connected ends. The main process keeps one and passes the other to a"
                        + " worker process. Each word the main process sends, the worker receives, turns into capitals"
                        + " and sends back: recv() waits until something arrives. Sending None tells the worker to"
                        + " stop; it closes its end and exits.",
                "zh-Hans", "Pipe() 返回相连的两端。主进程保留一端，把另一端交给工作进程。主进程每发送一个单词，工作进程就收到它，"
                        + "转成大写后发回：recv() 会一直等到有消息到达。发送 None 通知工作进程停止；它关闭自己这一端并退出。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("rounds", 1, 1, 10, "how many times the three words are sent",
                "三个单词发送的轮数"));
    }

    @Override
    public Listing listing() {
        return Listing.python("06_pipe.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", PipeScenario::main)
                .target("worker", PipeScenario::worker);
    }

    private static Object main(Mp mp, Args args) {
        long rounds = (Long) args.map(0).get("rounds");
        mp.at("Pipe");
        Pipe pipe = mp.pipe("pipe", true);
        Connection parentEnd = pipe.first();
        mp.at("Process");
        Process p = mp.process("worker", pipe.second()).name("worker");
        mp.at("start");
        p.start();
        for (long r = 0; r < rounds; r++) {
            for (String word : WORDS) {
                mp.at("send-word");
                parentEnd.send(word);
                mp.at("print-recv");
                mp.print(parentEnd.recv());
            }
        }
        mp.at("send-None");
        parentEnd.send(null);
        mp.at("join");
        p.join();
        return null;
    }

    private static Object worker(Mp mp, Args args) {
        Connection conn = args.get(0, Connection.class);
        while (true) {
            mp.at("recv");
            Object msg = conn.recv();
            if (msg == null) {
                break;
            }
            mp.at("send-upper");
            conn.send(((String) msg).toUpperCase(java.util.Locale.ROOT));
        }
        mp.at("close");
        conn.close();
        return null;
    }
}
