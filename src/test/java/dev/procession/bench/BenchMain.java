package dev.procession.bench;

import dev.procession.events.EventKind;
import dev.procession.events.Event;
import dev.procession.events.EventLog;
import dev.procession.protocol.Json;
import dev.procession.runtime.Launcher;
import dev.procession.supervisor.Run;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Java side of the benchmark: the same measurements as bench/python/mp_bench.py (read its
 * docstring for the definitions), with real processes started through {@link Run}. Prints one
 * JSON object on stdout; progress goes to stderr. Run it with {@code bench/run}, which builds the
 * jars and puts them on the class path (children get the same class path).
 *
 * <p>Usage: {@code BenchMain [--repeats R] [--quick] [--only spawn,rss,lock,queue,pause] [--max-n N]}
 */
public final class BenchMain {
    private static final Duration RUN_LIMIT = Duration.ofMinutes(4);

    private BenchMain() {
    }

    public static void main(String[] argv) throws Exception {
        int repeats = 5;
        long maxN = Long.MAX_VALUE;
        boolean quick = false;
        List<String> only = List.of("spawn", "rss", "lock", "queue", "pause");
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--quick" -> quick = true;
                case "--repeats" -> repeats = Integer.parseInt(argv[++i]);
                case "--only" -> only = List.of(argv[++i].split(","));
                case "--max-n" -> maxN = Long.parseLong(argv[++i]);
                default -> {
                    System.err.println("usage: BenchMain [--repeats R] [--quick] [--only spawn,rss,lock,queue,pause]"
                            + " [--max-n N]");
                    System.exit(2);
                }
            }
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be >= 1");
        }
        // Keep stdout for the one JSON object; anything else printed goes to stderr.
        PrintStream json = System.out;
        System.setOut(System.err);
        int code = new BenchMain().run(repeats, quick, only, maxN, json);
        System.exit(code);
    }

    private int run(int repeats, boolean quick, List<String> only, long maxN, PrintStream out) {
        List<Long> ns = (quick ? List.of(1L, 10L) : List.of(1L, 10L, 50L)).stream().filter(n -> n <= maxN).toList();
        long kLock = quick ? 500 : 2000;
        long m = quick ? 10_000 : 50_000;

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("jdk", Runtime.version().toString());
        doc.put("vm", System.getProperty("java.vm.name"));
        doc.put("child_command", childFlags());
        doc.put("child_opts", String.valueOf(System.getenv(Launcher.ENV_CHILD_OPTS)));
        doc.put("quick", quick);
        doc.put("repeats", (long) repeats);
        doc.put("clock", "System.nanoTime");
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("count", (long) Runtime.getRuntime().availableProcessors());
        cpu.put("loadavg_start", loadavg());
        Map<String, Object> load = new LinkedHashMap<>();
        cpu.put("loadavg1_before", load);
        doc.put("cpu", cpu);
        Map<String, Object> res = new LinkedHashMap<>();
        doc.put("results", res);
        long start = System.nanoTime();
        int rc = 0;
        try {
            log("jdk %s, repeats=%d, quick=%s, child opts: %s", doc.get("jdk"), repeats, quick, doc.get("child_opts"));
            if (only.contains("spawn")) {
                load.put("spawn_ready", loadavg().getFirst());
                res.put("spawn_ready", spawnReady(repeats, ns));
            }
            if (only.contains("rss")) {
                load.put("child_rss_mb", loadavg().getFirst());
                res.put("child_rss_mb", childRss(repeats, 10));
            }
            if (only.contains("lock")) {
                load.put("hub_lock_us", loadavg().getFirst());
                res.put("hub_lock_us", hubLock(repeats, kLock));
            }
            if (only.contains("queue")) {
                load.put("queue_throughput_per_s", loadavg().getFirst());
                res.put("queue_throughput_per_s", queue(repeats, m));
            }
            if (only.contains("pause")) {
                load.put("pause_latency_us", loadavg().getFirst());
                pause(repeats, 50, res);
            }
        } catch (Exception e) {
            log("FAILED: %s", e);
            e.printStackTrace();
            doc.put("error", e.toString());
            rc = 1;
        }
        cpu.put("loadavg_end", loadavg());
        doc.put("wall_s", Stats.round((System.nanoTime() - start) / 1e9, 2));
        log("done in %.1f s", (System.nanoTime() - start) / 1e9);
        out.println(Json.write(doc));
        out.flush();
        return rc;
    }

    // ---------------------------------------------------------------- measurements

    private Map<String, Object> spawnReady(int repeats, List<Long> ns) throws Exception {
        List<Map<String, Object>> notes = measure("spawn", Map.of("n", ns, "repeats", (long) repeats));
        Map<String, Object> out = new LinkedHashMap<>();
        for (long n : ns) {
            List<Double> samples = notes.stream().filter(x -> ((Number) x.get("n")).longValue() == n)
                    .map(x -> ((Number) x.get("ms")).doubleValue()).toList();
            out.put(Long.toString(n), Stats.summarize(samples, "median_ms", 3, Map.of()));
            log("spawn_ready N=%d: median %.1f ms %s", n, Stats.median(samples), Stats.rounded(samples, 1));
        }
        List<Double> hello = notes.stream().filter(x -> x.containsKey("hello_ms"))
                .map(x -> ((Number) x.get("hello_ms")).doubleValue()).toList();
        if (!hello.isEmpty()) {
            List<Double> one = notes.stream().filter(x -> x.containsKey("hello_ms"))
                    .map(x -> ((Number) x.get("ms")).doubleValue()).toList();
            double ratio = Stats.median(one) / Stats.median(hello);
            log("bare java hello with a child's flags and cache: median %.1f ms %s; spawn_ready N=1 / hello %.2fx",
                    Stats.median(hello), Stats.rounded(hello, 1), ratio);
            // Not in mp_bench.py: a child's start against the JVM's own floor, measured alternately.
            out.put("bare_hello", Stats.summarize(hello, "median_ms", 3, Map.of("ratio", Stats.round(ratio, 3))));
        }
        return out;
    }

    private Map<String, Object> childRss(int repeats, int children) throws Exception {
        List<Map<String, Object>> notes = measure("rss", Map.of("children", (long) children, "repeats",
                (long) repeats));
        List<Double> samples = new ArrayList<>();
        List<Object> raw = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> pss = new ArrayList<>();
        List<Double> uss = new ArrayList<>();
        List<Double> threads = new ArrayList<>();
        for (Map<String, Object> x : notes) {
            List<Double> mb = doubles(x.get("mb"));
            samples.add(Stats.median(mb));
            raw.add(Stats.rounded(mb, 3));
            cpu.add(Stats.median(doubles(x.get("cpu_ms"))));
            pss.add(Stats.median(doubles(x.get("pss_mb"))));
            uss.add(Stats.median(doubles(x.get("uss_mb"))));
            threads.add(Stats.median(doubles(x.get("threads"))));
        }
        log("child_rss_mb: median %.1f MiB %s (PSS %.1f, USS %.1f, threads %.0f); CPU used by a child until ready: median %.0f ms %s",
                Stats.median(samples), Stats.rounded(samples, 1), Stats.median(pss), Stats.median(uss), Stats.median(threads),
                Stats.median(cpu), Stats.rounded(cpu, 0));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("children", (long) children);
        extra.put("raw", raw);
        // Not in mp_bench.py: what a child costs in CPU (user + system, 10 ms ticks) until it is ready.
        extra.put("child_cpu_ms", Stats.summarize(cpu, "median_ms", 1, Map.of()));
        // Nor these: the same children's proportional and unique set sizes (smaps_rollup).
        extra.put("pss_mb", Stats.summarize(pss, "median_mb", 3, Map.of()));
        extra.put("uss_mb", Stats.summarize(uss, "median_mb", 3, Map.of()));
        extra.put("threads", Stats.summarize(threads, "median", 1, Map.of()));
        return Stats.summarize(samples, "median_mb", 3, extra);
    }

    private Map<String, Object> hubLock(int repeats, long k) throws Exception {
        List<Map<String, Object>> notes = measure("lock", Map.of("k", k, "repeats", (long) repeats));
        List<Double> samples = notes.stream().map(x -> ((Number) x.get("ns")).doubleValue() / 1e3 / k).toList();
        List<Double> roundTrips = notes.stream()
                .map(x -> ((Number) x.get("roundtrip_ns")).doubleValue() / 1e3 / k).toList();
        log("hub_lock_us K=%d: median %.2f us %s; one hub round trip (Event.is_set): median %.2f us", k,
                Stats.median(samples), Stats.rounded(samples, 2), Stats.median(roundTrips));
        // Not in mp_bench.py: a call that logs no event, to tell the round trip from the lock's own cost.
        return Stats.summarize(samples, "median_us", 3, Map.of("k", k,
                "roundtrip_us", Stats.summarize(roundTrips, "median_us", 3, Map.of())));
    }

    private Map<String, Object> queue(int repeats, long m) throws Exception {
        List<Double> samples = measure("queue", Map.of("m", m, "repeats", (long) repeats)).stream()
                .map(x -> m / (((Number) x.get("ns")).doubleValue() / 1e9)).toList();
        log("queue_throughput_per_s M=%d: median %.0f/s %s", m, Stats.median(samples), Stats.rounded(samples, 0));
        return Stats.summarize(samples, "median_per_s", 1, Map.of("m", m));
    }

    private void pause(int repeats, int tries, Map<String, Object> res) throws Exception {
        List<PauseLatency.Sample> runs = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            runs.add(PauseLatency.once(tries));
        }
        Map<String, Object> direct = pauseSummary(runs.stream().map(PauseLatency.Sample::signals).toList(),
                "Signals.send", tries);
        direct.put("threads", (long) runs.getFirst().threads());
        res.put("pause_latency_us", direct);
        res.put("run_pause_latency_us", pauseSummary(runs.stream().map(PauseLatency.Sample::runPause).toList(),
                "Run.pause", tries));
    }

    /**
     * Per repeat the median over its tries, as mp_bench.py. The main figure is the time until every
     * thread showed 'T' (a Python child has one thread, so its 'T' means the same: all of it stopped).
     */
    private static Map<String, Object> pauseSummary(List<List<PauseLatency.Try>> repeats, String via, int tries) {
        List<Double> all = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> spinner = new ArrayList<>();
        List<Double> call = new ArrayList<>();
        List<Object> raw = new ArrayList<>();
        for (List<PauseLatency.Try> t : repeats) {
            List<Double> a = t.stream().map(PauseLatency.Try::allThreadsUs).toList();
            all.add(Stats.median(a));
            first.add(Stats.median(t.stream().map(PauseLatency.Try::processUs).toList()));
            spinner.add(Stats.median(t.stream().map(PauseLatency.Try::spinnerUs).toList()));
            call.add(Stats.median(t.stream().map(PauseLatency.Try::callUs).toList()));
            raw.add(Stats.rounded(a, 3));
        }
        log("pause_latency_us via %s: every thread 'T' median %.1f us %s; /proc/PID/stat 'T' %.1f us;"
                + " spinning thread %.1f us", via, Stats.median(all), Stats.rounded(all, 1), Stats.median(first),
                Stats.median(spinner));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("tries", (long) tries);
        extra.put("via", via);
        extra.put("until", "every thread shows 'T' in /proc/PID/task/*/stat");
        extra.put("first_thread_us", Stats.summarize(first, "median_us", 3, Map.of()));
        extra.put("spinning_thread_us", Stats.summarize(spinner, "median_us", 3, Map.of()));
        extra.put("call_us", Stats.summarize(call, "median_us", 3, Map.of()));
        extra.put("raw", raw);
        return Stats.summarize(all, "median_us", 3, extra);
    }

    /**
     * Runs the bench program's main with {@code measure} and returns the data of its
     * {@code note} events for that measurement; fails with the run's errors if it fails.
     */
    private static List<Map<String, Object>> measure(String measure, Map<String, Object> params) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("measure", measure);
        EventLog log = new EventLog();
        long code;
        try (Run run = Run.start(BenchProgram.ID, p, 1.0, log)) {
            try {
                code = run.finished().get(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException(measure + " did not finish within " + RUN_LIMIT);
            }
        }
        List<Event> events = log.snapshot();
        if (code != 0) {
            throw new IllegalStateException(measure + " failed with exit code " + code + "\n" + errors(events));
        }
        return events.stream().filter(e -> e.kind() == EventKind.NOTE && measure.equals(e.get("bench")))
                .map(Event::data).toList();
    }

    private static List<Double> doubles(Object list) {
        return ((List<?>) list).stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    /** The errors raised in the run's processes, or else the whole log: what a failure message needs. */
    static String errors(List<Event> events) {
        StringBuilder why = new StringBuilder();
        events.stream().filter(e -> e.kind() == EventKind.ERROR)
                .forEach(e -> why.append(e.proc()).append(": ").append(e.get("traceback")).append('\n'));
        if (why.isEmpty()) {
            events.forEach(e -> why.append(e.toJsonLine()).append('\n'));
        }
        return why.toString();
    }

    // ---------------------------------------------------------------- machine

    /** The child JVM's command line without the java binary, class path and main class. */
    private static List<String> childFlags() {
        List<String> cmd = Launcher.command();
        int cp = cmd.indexOf("-cp");
        return List.copyOf(cmd.subList(1, cp < 0 ? cmd.size() : cp));
    }

    static List<Double> loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (IOException | RuntimeException e) {
            return List.of(-1.0, -1.0, -1.0);
        }
    }

    private static void log(String format, Object... args) {
        System.err.println("[bench] " + String.format(format, args));
        System.err.flush();
    }
}
