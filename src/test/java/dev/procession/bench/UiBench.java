package dev.procession.bench;

import dev.procession.app.WindowOptions;
import dev.procession.app.run.RunPump;
import dev.procession.app.run.AsyncControlFront;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.shell.MainWindow;
import dev.procession.app.shell.ShellModel;
import dev.procession.app.workspace.HiddenViewFeed;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.protocol.Json;
import dev.procession.supervisor.ProcFs;
import dev.procession.supervisor.Run;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The UI benchmark: opens the real main window in this JVM, runs a scenario with about 100 live
 * processes, and once they are all alive records {@code --seconds} of frames with a
 * {@link FrameRecorder}: frame work and pulse interval, the pump's and each view's share, and the
 * delay from an event's append to the frame that folds it. Then memory: this (the window's) JVM
 * heap after a GC and its RSS/PSS/USS, and the run's processes from the run's last {@code sample}
 * event. Prints one JSON object on stdout. Run it with {@code bench/run --ui}, which adds
 * {@code -Dglass.platform=Headless} (the glass platform JavaFX's tests use: real pulses from its
 * own timer, software rendering into memory, no X server).
 *
 * <p>Usage: {@code UiBench [--scenario ID] [--set K=V]... [--speed X] [--live N] [--seconds S]}
 */
public final class UiBench {
    private static final long START_LIMIT_S = 240;
    private static final long PLATEAU_S = 5;
    /** Generous: on a loaded machine the FX thread gets a small share of 2 cores while 100 JVMs start. */
    private static final long FX_LIMIT_S = 120;
    private static volatile Options options;
    private static final CompletableFuture<Window> WINDOW = new CompletableFuture<>();

    private record Options(List<String> args, double speed, int live, double seconds) {
    }

    private record Window(ShellModel shell, MainWindow window, Stage stage) {
    }

    private UiBench() {
    }

    public static void main(String[] argv) throws Exception {
        List<String> window = new ArrayList<>(List.of("--scenario", "ktv"));
        List<String> sets = new ArrayList<>();
        double speed = 0.5;
        int live = 95;
        double seconds = 10;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--scenario" -> window.set(1, argv[++i]);
                case "--set" -> sets.addAll(List.of("--set", argv[++i]));
                case "--speed" -> speed = Double.parseDouble(argv[++i]);
                case "--live" -> live = Integer.parseInt(argv[++i]);
                case "--seconds" -> seconds = Double.parseDouble(argv[++i]);
                default -> {
                    System.err.println("usage: UiBench [--scenario ID] [--set K=V]... [--speed X] [--live N]"
                            + " [--seconds S]");
                    System.exit(2);
                }
            }
        }
        if (sets.isEmpty()) {
            // ktv: 100 people for one seat, 1 to 5 scenario seconds each: at half speed only a few
            // are through by the time the last has started, so about 100 stay alive for minutes.
            sets.addAll(List.of("--set", "people=100", "--set", "seats=1"));
        }
        window.addAll(sets);
        options = new Options(window, speed, live, seconds);
        PrintStream json = System.out;
        System.setOut(System.err);
        Thread fx = Thread.ofPlatform().name("ui-bench-launch").start(() -> Application.launch(App.class));
        int code = 1;
        try {
            json.println(Json.write(measure(WINDOW.get(60, TimeUnit.SECONDS))));
            code = 0;
        } catch (Exception e) {
            log("FAILED: %s", e);
            e.printStackTrace();
        } finally {
            json.flush();
            Platform.runLater(Platform::exit);
            fx.join(30_000);
        }
        System.exit(code);
    }

    /** The window, as {@code ProcessionApp} builds it, on the scenario chosen; the run is not started yet. */
    public static final class App extends Application {
        private RunViewModel runs;

        @Override
        public void start(Stage stage) {
            runs = new RunViewModel(new AsyncControlFront());
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(runs::closeNow));
            ShellModel shell = new ShellModel(runs);
            MainWindow window = MainWindow.open(stage, shell, WindowOptions.parse(options.args().toArray(String[]::new)));
            runs.speedProperty().set(options.speed());
            WINDOW.complete(new Window(shell, window, stage));
        }

        @Override
        public void stop() {
            runs.shutdown();
        }
    }

    private static Map<String, Object> measure(Window w) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("jdk", Runtime.version().toString());
        doc.put("glass_platform", String.valueOf(System.getProperty("glass.platform")));
        doc.put("prism_order", String.valueOf(System.getProperty("prism.order")));
        doc.put("window", String.join(" ", options.args()));
        doc.put("speed", options.speed());
        doc.put("loadavg_start", BenchMain.loadavg());
        var pump = w.window().runScreen().pump();
        FrameRecorder[] recorder = new FrameRecorder[1];
        // Attached before the run starts, so that the recorder's timer runs before the pump's in a pulse.
        onFx(() -> {
            recorder[0] = new FrameRecorder(w.stage().getScene(), UiBench::viewName);
            recorder[0].attach(pump);
            w.shell().runChosen();
            return null;
        });
        Run run = awaitRun(w);
        recorder[0].log = run.log();
        recorder[0].recording = true;
        long waitStart = System.nanoTime();
        int live = awaitLive(pump);
        double spawnS = (System.nanoTime() - waitStart) / 1e9;
        if (live < 2) {
            throw new IllegalStateException("the run is not under way (" + live + " live):\n"
                    + BenchMain.errors(run.log().snapshot()));
        }
        FrameRecorder.Samples startUp = onFx(recorder[0]::drain);
        log("%d live processes after %.1f s; recording %.0f s of frames", live, spawnS, options.seconds());
        long firstSeq = run.log().size();
        // The measurement window itself: frames are recorded for this long.
        Thread.sleep((long) (options.seconds() * 1000));
        recorder[0].recording = false;
        FrameRecorder.Samples steady = onFx(recorder[0]::drain);
        int liveAtEnd = onFx(() -> pump.state().live().size());
        long lastSeq = run.log().size();
        onFx(() -> {
            recorder[0].detach(pump);
            return null;
        });
        doc.put("live_at_start", (long) live);
        doc.put("live_at_end", (long) liveAtEnd);
        doc.put("seconds_until_live", Stats.round(spawnS, 1));
        doc.put("frames", frames(steady, options.seconds()));
        doc.put("frames_start_up", frames(startUp, spawnS));
        doc.put("children", children(run.log().snapshot(), firstSeq, lastSeq));
        doc.put("status_bar_memory_bytes", onFx(() -> w.shell().run().status().memoryBytesProperty().get()));
        doc.put("app", app());
        doc.put("loadavg_end", BenchMain.loadavg());
        onFx(() -> {
            w.shell().run().stop();
            return null;
        });
        run.finished().get(30, TimeUnit.SECONDS);
        return doc;
    }

    /**
     * Waits until {@code --live} processes are alive, or until their number has not grown for
     * {@link #PLATEAU_S} (some finish while the last start: on a loaded machine the peak can stay
     * below the target); returns the count then.
     */
    private static int awaitLive(RunPump pump) throws Exception {
        long start = System.nanoTime();
        long grew = start;
        int peak = 0;
        while (true) {
            // A benchmark's sampling cadence, not a wait for a condition: it watches the count grow and level off.
            Thread.sleep(100);
            int live = onFx(() -> pump.state().live().size());
            long now = System.nanoTime();
            if (live > peak) {
                peak = live;
                grew = now;
                log("%d live", live);
            }
            if (live >= options.live() || peak > 1 && now - grew > TimeUnit.SECONDS.toNanos(PLATEAU_S)) {
                return live;
            }
            if (now - start > TimeUnit.SECONDS.toNanos(START_LIMIT_S)) {
                throw new IllegalStateException("only " + live + " live processes after " + START_LIMIT_S + " s");
            }
        }
    }

    /** The run once the shell has one; the bench's class path has no TestFX, so it listens itself. */
    /** A view by its class; a view fed only while seen by the view's. */
    private static String viewName(RunPump.FrameListener l) {
        return (l instanceof HiddenViewFeed h ? h.view() : l).getClass().getSimpleName();
    }

    private static Run awaitRun(Window w) throws Exception {
        CompletableFuture<Run> started = new CompletableFuture<>();
        onFx(() -> {
            var run = w.shell().run().runProperty();
            run.subscribe(r -> {
                if (r != null) {
                    started.complete(r);
                }
            });
            return null;
        });
        try {
            return started.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the run did not start: "
                    + onFx(() -> w.shell().run().failureProperty().get()), e);
        }
    }

    private static Map<String, Object> frames(FrameRecorder.Samples r, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", Stats.round(seconds, 1));
        m.put("pulses", (long) r.pulseMs().size());
        m.put("pulses_with_events", r.events().stream().filter(n -> n > 0).count());
        m.put("events", (long) r.eventToPullMs().size());
        m.put("frame_ms", spread(r.pulseMs()));
        m.put("frame_cpu_ms", spread(r.pulseCpuMs()));
        m.put("pump_cpu_ms", spread(r.pumpCpuMs()));
        m.put("interval_ms", spread(r.intervalMs()));
        m.put("pump_ms", spread(r.pumpMs()));
        m.put("fold_ms", spread(r.foldMs()));
        m.put("event_to_pull_ms", spread(r.eventToPullMs()));
        m.put("event_to_layout_ms", spread(r.eventToLayoutMs()));
        m.put("frame_to_rendered_ms", spread(r.renderedMs()));
        m.put("event_to_rendered_ms", spread(r.eventToRenderedMs()));
        Map<String, Object> views = new LinkedHashMap<>();
        r.viewMs().forEach((name, ms) -> views.put(name, spread(ms)));
        m.put("views_ms", views);
        Map<String, Object> viewsCpu = new LinkedHashMap<>();
        r.viewCpuMs().forEach((name, ms) -> viewsCpu.put(name, spread(ms)));
        m.put("views_cpu_ms", viewsCpu);
        return m;
    }

    private static Map<String, Object> spread(List<Double> ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", (long) ms.size());
        if (!ms.isEmpty()) {
            m.put("p50", Stats.round(Stats.percentile(ms, 50), 3));
            m.put("p99", Stats.round(Stats.percentile(ms, 99), 3));
            m.put("max", Stats.round(Stats.percentile(ms, 100), 3));
            m.put("mean", Stats.round(ms.stream().mapToDouble(Double::doubleValue).average().orElse(0), 3));
        }
        return m;
    }

    /** The run's processes at its last sample inside the recording: RSS, PSS and USS, sum and median. */
    private static Map<String, Object> children(List<Event> events, long firstSeq, long lastSeq) {
        Event sample = events.stream().filter(e -> e.kind() == EventKind.SAMPLE && e.seq() > firstSeq
                && e.seq() <= lastSeq).reduce((a, b) -> b).orElseThrow();
        List<?> procs = (List<?>) sample.get("procs");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processes", (long) procs.size());
        for (String key : List.of("rss", "pss", "uss")) {
            List<Double> mib = procs.stream().map(p -> ((Map<?, ?>) p).get(key)).filter(v -> v instanceof Number)
                    .map(v -> ((Number) v).doubleValue() / (1 << 20)).toList();
            if (mib.isEmpty()) {
                continue;
            }
            m.put(key + "_sum_mib", Stats.round(mib.stream().mapToDouble(Double::doubleValue).sum(), 1));
            m.put(key + "_median_mib", Stats.round(Stats.median(mib), 2));
            m.put(key + "_n", (long) mib.size());
        }
        return m;
    }

    /** This JVM, the window's: heap in use after a full GC, and its resident memory. */
    private static Map<String, Object> app() {
        System.gc();
        Map<String, Object> m = new LinkedHashMap<>();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        m.put("heap_used_after_gc_mib", Stats.round(heap.getUsed() / 1048576.0, 1));
        m.put("heap_committed_mib", Stats.round(heap.getCommitted() / 1048576.0, 1));
        long pid = ProcessHandle.current().pid();
        ProcFs.read(pid).ifPresent(s -> m.put("rss_mib", Stats.round(s.rssBytes() / 1048576.0, 1)));
        ProcFs.memory(pid).ifPresent(mem -> {
            m.put("pss_mib", Stats.round(mem.pssBytes() / 1048576.0, 1));
            m.put("uss_mib", Stats.round(mem.ussBytes() / 1048576.0, 1));
        });
        m.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        return m;
    }

    /** Runs {@code work} on the FX thread and waits for its result (at most {@link #FX_LIMIT_S}). */
    static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(FX_LIMIT_S, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer in " + FX_LIMIT_S + " s; it was at:"
                    + fxStack(), e);
        }
    }

    private static String fxStack() {
        StringBuilder sb = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("JavaFX Application")) {
                for (StackTraceElement f : stack) {
                    sb.append("\n\tat ").append(f);
                }
            }
        });
        return sb.toString();
    }

    private static void log(String format, Object... args) {
        System.err.println("[ui-bench] " + String.format(format, args));
        System.err.flush();
    }
}
