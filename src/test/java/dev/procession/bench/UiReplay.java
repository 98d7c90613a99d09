package dev.procession.bench;

import dev.procession.app.processes.ProcessActions;
import dev.procession.app.processes.ProcessMenus;
import dev.procession.app.run.DirectControlFront;
import dev.procession.app.run.RunPump;
import dev.procession.app.stage.ScenarioStage;
import dev.procession.app.stage.StageFactory;
import dev.procession.app.theme.Theme;
import dev.procession.app.workspace.HiddenViewFeed;
import dev.procession.app.workspace.RunWorkspace;
import dev.procession.events.Event;
import dev.procession.events.EventLog;
import dev.procession.events.JsonLinesReader;
import dev.procession.model.RunState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The window's run views replayed from a recorded log, without the run's processes: the
 * workspace (stage, code, process table and the tabs beside them) as the window lays it out,
 * fed by a {@link RunPump} from a log that a thread refills at the recorded pace. What it
 * measures is the FX and render threads' CPU per frame while 100 processes are on screen, free of
 * the hundred JVMs (and their start) that load the machine under {@code bench/run --ui}; so a
 * change to the views can be compared before and after in a minute.
 *
 * <p>Record a log: {@code procession run ktv --set people=100 --set seats=1 --speed 0.5 --events FILE}
 * (stop it once everyone has started). Then, on the class path bench/run uses, with
 * {@code -Dglass.platform=Headless}: {@code UiReplay FILE [--live N] [--seconds S]}. The replay
 * folds everything before the moment N processes were alive in one frame, then paces the rest.
 */
public final class UiReplay {
    private static final CompletableFuture<Screen> SCREEN = new CompletableFuture<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private record Screen(RunPump pump, Scene scene) {
    }

    private UiReplay() {
    }

    public static void main(String[] argv) throws Exception {
        Path file = Path.of(argv[0]);
        int live = 90;
        double seconds = 20;
        for (int i = 1; i < argv.length; i++) {
            switch (argv[i]) {
                case "--live" -> live = Integer.parseInt(argv[++i]);
                case "--seconds" -> seconds = Double.parseDouble(argv[++i]);
                default -> {
                    System.err.println("usage: UiReplay FILE [--live N] [--seconds S]");
                    System.exit(2);
                }
            }
        }
        List<Event> recorded = JsonLinesReader.read(file);
        int start = firstWithLive(recorded, live);
        Thread.ofPlatform().daemon().start(() -> Application.launch(App.class));
        Screen screen = SCREEN.get(60, TimeUnit.SECONDS);
        EventLog log = new EventLog();
        FrameRecorder recorder = onFx(() -> {
            FrameRecorder r = new FrameRecorder(screen.scene(), UiReplay::viewName);
            r.attach(screen.pump());
            r.log = log;
            screen.pump().follow(log);
            return r;
        });
        for (int i = 0; i < start; i++) {
            append(log, recorded.get(i));
        }
        // Let the burst of the start-up settle (and the JIT warm up) before recording.
        replay(log, recorded, start, Math.min(recorded.size(), start + recorded.size() / 4), 5);
        long fx = threadId("JavaFX Application Thread", "Thread-2");
        long render = threadId("QuantumRenderer");
        long fxCpu = THREADS.getThreadCpuTime(fx);
        long renderCpu = render < 0 ? 0 : THREADS.getThreadCpuTime(render);
        recorder.recording = true;
        System.err.println("recording from " + java.time.LocalTime.now());
        long began = System.nanoTime();
        replay(log, recorded, log.size(), recorded.size(), seconds);
        recorder.recording = false;
        System.err.println("recording until " + java.time.LocalTime.now());
        double wall = (System.nanoTime() - began) / 1e9;
        double fxShare = (THREADS.getThreadCpuTime(fx) - fxCpu) / 1e9 / wall;
        double renderShare = render < 0 ? 0 : (THREADS.getThreadCpuTime(render) - renderCpu) / 1e9 / wall;
        FrameRecorder.Samples s = onFx(recorder::drain);
        int liveNow = onFx(() -> screen.pump().state().live().size());
        System.out.printf(Locale.ROOT, "replayed %.1f s, %d live at the end, load %s%n", wall, liveNow,
                BenchMain.loadavg());
        System.out.printf(Locale.ROOT, "FX thread CPU %.1f%% of a core, render thread %.1f%%%n", fxShare * 100,
                renderShare * 100);
        print("frame wall", s.pulseMs());
        print("frame CPU", s.pulseCpuMs());
        print("pump CPU", s.pumpCpuMs());
        print("interval", s.intervalMs());
        print("event->pull", s.eventToPullMs());
        print("frame->rendered", s.renderedMs());
        print("event->rendered", s.eventToRenderedMs());
        s.viewCpuMs().forEach((name, ms) -> print("  " + name, ms));
        Platform.exit();
        System.exit(0);
    }

    /** The window's views around the scenario's stage, sized as the Headless screen, unstarted. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Theme.LIGHT.apply();
            RunPump pump = new RunPump();
            ProcessActions actions = new ProcessActions(new DirectControlFront(), () -> null, Throwable::printStackTrace);
            ProcessMenus menus = new ProcessMenus(actions, pid -> pump.state().process(pid));
            RunWorkspace workspace = new RunWorkspace(pump, menus, actions);
            pump.addListener(new StageFeed(workspace, menus));
            Scene scene = new Scene(new BorderPane(workspace), 1280, 800);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            SCREEN.complete(new Screen(pump, scene));
        }
    }

    /** Puts the scenario's stage in the workspace at the run's first frame, then feeds it. */
    private static final class StageFeed implements RunPump.FrameListener {
        private final RunWorkspace workspace;
        private final ProcessMenus menus;
        private ScenarioStage stage;

        StageFeed(RunWorkspace workspace, ProcessMenus menus) {
            this.workspace = workspace;
            this.menus = menus;
        }

        @Override
        public void onFrame(RunState before, RunState after, List<Event> events) {
            if (stage == null && after.header().scenario() != null) {
                stage = StageFactory.forScenario(after.header().scenario(), pid -> { }, menus::menuFor);
                workspace.setStage(stage.node());
            }
            if (stage != null) {
                stage.show(after, events, after.speed());
            }
        }
    }

    /** Appends {@code recorded[from, to)} at the pace they were recorded, for at most {@code seconds}. */
    private static void replay(EventLog log, List<Event> recorded, int from, int to, double seconds)
            throws InterruptedException {
        if (from >= to) {
            return;
        }
        long t0 = recorded.get(from).micros();
        long began = System.nanoTime();
        for (int i = from; i < to; i++) {
            Event e = recorded.get(i);
            long due = began + (e.micros() - t0) * 1000;
            if (due - began > seconds * 1e9) {
                return;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                // A replay's pace, not a wait for a condition: the event is due then.
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            append(log, e);
        }
    }

    private static void append(EventLog log, Event e) {
        log.append(e.pid(), e.ppid(), e.proc(), e.kind(), e.obj(), e.data());
    }

    /** The index of the first event after which {@code live} processes are alive (or the peak). */
    private static int firstWithLive(List<Event> events, int live) {
        RunState s = RunState.EMPTY;
        int peakAt = 0;
        int peak = 0;
        for (int i = 0; i < events.size(); i++) {
            s = s.apply(events.get(i));
            int n = s.live().size();
            if (n >= live) {
                return i + 1;
            }
            if (n > peak) {
                peak = n;
                peakAt = i + 1;
            }
        }
        return peakAt;
    }

    private static String viewName(RunPump.FrameListener l) {
        return (l instanceof HiddenViewFeed h ? h.view() : l).getClass().getSimpleName();
    }

    private static long threadId(String... names) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            for (String name : names) {
                if (t.getName().startsWith(name)) {
                    return t.threadId();
                }
            }
        }
        return -1;
    }

    private static void print(String what, List<Double> ms) {
        if (ms.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-22s n=0%n", what);
            return;
        }
        double mean = ms.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-22s n=%5d p50 %8.3f p99 %8.3f max %8.3f mean %7.3f ms%n", what, ms.size(),
                Stats.percentile(ms, 50), Stats.percentile(ms, 99), Stats.percentile(ms, 100), mean);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return UiBench.onFx(work);
    }
}
