package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.Event;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Process;
import dev.procession.runtime.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The seed's "event traffic lights": a daemon light toggles an Event; cars wait while it is red. */
public final class TrafficLightScenario implements Scenario {
    @Override
    public String id() {
        return "traffic-light";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "Traffic light (Event)", "zh-Hans", "红绿灯（事件 Event）");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "A daemon process is the traffic light: every period it sets the Event (green) or clears it"
                        + " (red). Each car is a process: if the Event is clear it waits on it, and passes when it"
                        + " is set. When the main program's code ends, the daemon light is terminated. With patience"
                        + " above 0 a car waits at most that many seconds: wait(timeout) returns False when the"
                        + " timeout expires before the light turns green, and the car turns back instead of passing.",
                "zh-Hans", "守护进程充当红绿灯：每隔一个周期，它设置事件（绿灯）或清除事件（红灯）。每辆车是一个进程："
                        + "事件未设置时，车在事件上等待，事件被设置后通过。主程序代码结束时，守护进程（红绿灯）被终止。"
                        + "patience 大于 0 时，车最多等待这么多秒：若超时前仍未变绿，wait(timeout) 返回 False，车掉头离开，不再通过。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("cars", 10, 1, 100, "how many car processes", "车辆进程的个数"),
                Parameter.number("period", 2, 0.1, 30, "seconds between light changes", "红绿灯切换的间隔秒数"),
                Parameter.number("patience", 0, 0, 30,
                        "seconds a car waits at red before it turns back; 0 waits for green (the seed)",
                        "车在红灯前最多等待的秒数，超时就掉头；0 表示一直等到绿灯（原例程如此）"));
    }

    @Override
    public Listing listing() {
        return Listing.python("04_traffic_light_event.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", TrafficLightScenario::main)
                .target("traffic_light", TrafficLightScenario::trafficLight)
                .target("car", TrafficLightScenario::car);
    }

    private static Object main(Mp mp, Args args) {
        Map<String, Object> params = args.map(0);
        long cars = (Long) params.get("cars");
        double period = ((Number) params.get("period")).doubleValue();
        double patience = ((Number) params.get("patience")).doubleValue();
        mp.at("Event");
        Event e = mp.event("e");
        mp.at("Process-light");
        Process light = mp.process("traffic_light", e, period).name("light");
        mp.at("daemon");
        light.daemon(true);
        mp.at("start-light");
        light.start();
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < cars; i++) {
            mp.at("Process-p");
            Process p = mp.process("car", e, i, patience).name("car" + i);
            mp.at("start-p");
            p.start();
            started.add(p);
            mp.at("sleep-main");
            mp.sleep(ThreadLocalRandom.current().nextInt(0, 4));
        }
        for (Process p : started) {
            mp.at("join");
            p.join();
        }
        mp.at("print-main-over");
        mp.print("The main program is over!");
        return null;
    }

    private static Object trafficLight(Mp mp, Args args) {
        Event e = args.get(0, Event.class);
        double period = args.number(1);
        mp.at("print-red-first");
        mp.print("The red light");
        while (true) {
            mp.at("sleep-period");
            mp.sleep(period);
            mp.at("is_set-light");
            if (e.isSet()) {
                mp.at("print-red");
                mp.print("The red light");
                mp.at("clear");
                e.clear();
            } else {
                mp.at("print-green");
                mp.print("The green light");
                mp.at("set");
                e.set();
            }
        }
    }

    private static Object car(Mp mp, Args args) {
        Event e = args.get(0, Event.class);
        long i = args.integer(1);
        double patience = args.number(2);
        mp.at("is_set-car");
        if (!e.isSet()) {
            mp.at("print-waiting");
            mp.print("car" + i + " waiting for a red light");
            if (patience == 0) {
                mp.at("wait");
                e.await();
            } else {
                mp.at("wait-patience");
                boolean green = e.await(patience);
                if (!green) {
                    mp.at("print-turns-back");
                    mp.print("car" + i + " turns back: e.wait(PATIENCE) returned", green);
                    return null;
                }
            }
        }
        mp.at("print-through");
        mp.print("car" + i + " through");
        return null;
    }
}
