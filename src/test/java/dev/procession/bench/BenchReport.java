package dev.procession.bench;

import dev.procession.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts the Java and Python results side by side: prints a table with ratios and pass/miss per
 * target, and writes docs/benchmarks.md with the machine it ran on.
 *
 * <p>Usage: {@code BenchReport --java FILE [--java-noaot FILE] [--python FILE] [--out FILE]
 * [--load-before "a b c"] [--load-after "a b c"] [--command TEXT]}
 */
public final class BenchReport {
    private final Map<String, Object> java;
    private final Map<String, Object> noAot;
    private final Map<String, Object> python;
    private final List<Row> rows = new ArrayList<>();

    private BenchReport(Map<String, Object> java, Map<String, Object> noAot, Map<String, Object> python) {
        this.java = java;
        this.noAot = noAot;
        this.python = python;
        buildRows();
    }

    public static void main(String[] argv) throws IOException {
        Path javaFile = null;
        Path noAotFile = null;
        Path pythonFile = null;
        Path out = null;
        String loadBefore = "?";
        String loadAfter = "?";
        String command = "bench/run";
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--java" -> javaFile = Path.of(argv[++i]);
                case "--java-noaot" -> noAotFile = Path.of(argv[++i]);
                case "--python" -> pythonFile = Path.of(argv[++i]);
                case "--out" -> out = Path.of(argv[++i]);
                case "--load-before" -> loadBefore = argv[++i];
                case "--load-after" -> loadAfter = argv[++i];
                case "--command" -> command = argv[++i];
                default -> throw new IllegalArgumentException("unknown argument " + argv[i]);
            }
        }
        if (javaFile == null) {
            throw new IllegalArgumentException("--java FILE is required");
        }
        BenchReport report = new BenchReport(read(javaFile), read(noAotFile), read(pythonFile));
        System.out.print(report.table());
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            // The UI benchmark's section (bench/run --ui) is its own: kept as it was.
            String ui = Files.isRegularFile(out) ? UiReport.section(Files.readString(out, StandardCharsets.UTF_8)) : "";
            String page = report.markdown(command, loadBefore, loadAfter);
            Files.writeString(out, ui.isEmpty() ? page : UiReport.splice(page, ui + "\n"), StandardCharsets.UTF_8);
            System.out.println("\nwrote " + out);
        }
    }

    private static Map<String, Object> read(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file) || Files.size(file) == 0) {
            return Map.of();
        }
        return Json.parseObject(Files.readString(file, StandardCharsets.UTF_8).trim());
    }

    // ---------------------------------------------------------------- rows

    /** How a row is judged: at most {@code limit} times Python, at most {@code limit} units, or not at all. */
    enum Goal { RATIO_MAX, ABSOLUTE_MAX, NONE }

    /**
     * One line of the table. {@code other} is a second Python figure shown beside (fork, kernel Lock).
     */
    record Row(String key, String label, String unit, Double java, Double noAot, Double python, String otherLabel,
               Double other, Goal goal, double limit) {
        Double ratio() {
            return java == null || python == null || python == 0 ? null : java / python;
        }

        String verdict() {
            return switch (goal) {
                case NONE -> "-";
                case RATIO_MAX -> ratio() == null ? "n/a" : ratio() <= limit ? "pass" : "miss";
                case ABSOLUTE_MAX -> java == null ? "n/a" : java <= limit ? "pass" : "miss";
            };
        }

        String target() {
            return switch (goal) {
                case NONE -> "(none)";
                case RATIO_MAX -> "<= " + fmt(limit) + "x Python";
                case ABSOLUTE_MAX -> "<= " + fmt(limit) + " " + unit;
            };
        }

        /** How far past the target: the factor by which the figure must shrink. */
        double overBy() {
            return goal == Goal.RATIO_MAX ? ratio() / limit : java / limit;
        }
    }

    private void buildRows() {
        for (String n : List.of("1", "10", "50")) {
            Double j = num(java, "results", "spawn_ready", n, "median_ms");
            Double p = num(python, "results", "spawn_ready", "spawn", n, "median_ms");
            if (j == null && p == null) {
                continue;
            }
            rows.add(new Row("spawn" + n, "spawn_ready N=" + n, "ms", j,
                    num(noAot, "results", "spawn_ready", n, "median_ms"), p, "fork",
                    num(python, "results", "spawn_ready", "fork", n, "median_ms"), Goal.RATIO_MAX, 0.5));
        }
        rows.add(new Row("rss", "child RSS", "MiB", num(java, "results", "child_rss_mb", "median_mb"),
                num(noAot, "results", "child_rss_mb", "median_mb"), num(python, "results", "child_rss_mb", "median_mb"),
                null, null, Goal.ABSOLUTE_MAX, 40));
        rows.add(new Row("lock", "Lock acquire+release", "us", num(java, "results", "hub_lock_us", "median_us"),
                null, num(python, "results", "manager_lock_us", "median_us"), "kernel Lock",
                num(python, "results", "kernel_lock_us", "median_us"), Goal.RATIO_MAX, 0.6));
        rows.add(new Row("roundtrip", "one round trip (Event.is_set)", "us",
                num(java, "results", "hub_lock_us", "roundtrip_us", "median_us"), null,
                num(python, "results", "manager_call_us", "median_us"), null, null, Goal.RATIO_MAX, 1.0));
        rows.add(new Row("queue", "Queue throughput", "items/s",
                num(java, "results", "queue_throughput_per_s", "median_per_s"), null,
                num(python, "results", "queue_throughput_per_s", "median_per_s"), null, null, Goal.NONE, 0));
        rows.add(new Row("pause", "pause latency", "us", num(java, "results", "pause_latency_us", "median_us"),
                null, num(python, "results", "pause_latency_us", "median_us"), null, null, Goal.ABSOLUTE_MAX, 1000));
    }

    // ---------------------------------------------------------------- table

    String table() {
        StringBuilder sb = new StringBuilder();
        String head = "%-26s %10s %12s %13s %19s %7s  %-16s %s%n";
        sb.append(String.format(Locale.ROOT, head, "measure (median)", "Java", "Java no-AOT", "Python spawn",
                "Python other", "J/Py", "target", "result"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, head, r.label() + " [" + r.unit() + "]", fmt(r.java()),
                    fmt(r.noAot()), fmt(r.python()),
                    r.other() == null ? "" : r.otherLabel() + " " + fmt(r.other()),
                    r.ratio() == null ? "" : fmt(r.ratio()) + "x", r.target(), r.verdict()));
        }
        if (java.containsKey("error")) {
            sb.append("Java side FAILED: ").append(java.get("error")).append('\n');
        }
        if (python.containsKey("error")) {
            sb.append("Python side FAILED: ").append(python.get("error")).append('\n');
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- markdown

    String markdown(String command, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("<!-- Written by bench/run (src/test/java/dev/procession/bench/BenchReport.java): edit those, "
                + "not this page. -->\n\n");
        md.append("Procession against CPython's `multiprocessing`, measured the same way on the same machine in one ")
                .append("run of `").append(command).append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))).append(".\n")
                .append("Definitions: the docstring of `bench/python/mp_bench.py`; the Java side ")
                .append("(`src/test/java/dev/procession/bench/`) measures the same quantities, with the differences ")
                .append("listed under *How the Java side measures*. Every figure is the median over ")
                .append(java.get("repeats")).append(" repeats")
                .append(Boolean.TRUE.equals(java.get("quick")) ? " of the `--quick` sizes" : "")
                .append(". Raw samples: `target/bench/*.json`.\n\n");
        // The load after includes the bench's own 50 children, so only the load before says whether
        // other work was competing.
        if (isLoaded(loadBefore)) {
            md.append("> **The machine was busy when this run began** (load average above its core count): the timings ")
                    .append("are contaminated by other work and only indicative; re-measure on a quiet machine.\n\n");
        }
        machine(md, loadBefore, loadAfter);
        md.append("\n## Results\n\n");
        md.append("| measure (median) | Java | Java without AOT cache | Python (spawn) | Python, other "
                + "| Java / Python | target | result |\n");
        md.append("|---|--:|--:|--:|--:|--:|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.label()).append(" (").append(r.unit()).append(") | ").append(fmt(r.java()))
                    .append(" | ").append(fmt(r.noAot())).append(" | ").append(fmt(r.python())).append(" | ")
                    .append(r.other() == null ? "" : r.otherLabel() + ": " + fmt(r.other())).append(" | ")
                    .append(r.ratio() == null ? "" : fmt(r.ratio()) + "x").append(" | ").append(r.target())
                    .append(" | ").append(bold(r.verdict())).append(" |\n");
        }
        extras(md);
        aot(md);
        misses(md);
        method(md);
        reproduce(md);
        return md.toString();
    }

    private void machine(StringBuilder md, String loadBefore, String loadAfter) {
        md.append("## Machine\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| CPU | ").append(Machine.cpuModel()).append(" |\n");
        md.append("| cores | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
        md.append("| memory | ").append(Machine.memory()).append(" |\n");
        md.append("| OS | ").append(Machine.os()).append(" |\n");
        md.append("| JDK | ").append(java.get("vm")).append(' ').append(java.get("jdk")).append(" |\n");
        md.append("| Python | ").append(python.isEmpty() ? "not run" : python.get("implementation") + " "
                + python.get("python")).append(" |\n");
        md.append("| load average (1, 5, 15 min) before | ").append(loadBefore).append(" |\n");
        md.append("| load average after | ").append(loadAfter).append(" |\n");
        md.append("| child JVM options | `").append(String.join(" ", strings(java.get("child_command"))))
                .append("` |\n");
    }

    private void extras(StringBuilder md) {
        md.append("\n### Beside the targets\n\n");
        bothLine(md, "CPU time one Java child uses until it is ready (user + system, 10 ms ticks)", "ms",
                "child_rss_mb", "child_cpu_ms", "median_ms");
        bothLine(md, "child PSS, the same idle children as child RSS (shared pages divided among the processes that "
                + "map them: libjvm and the AOT cache are mapped by every child, so RSS counts them once per child)",
                "MiB", "child_rss_mb", "pss_mb", "median_mb");
        bothLine(md, "child USS (what the child alone holds, freed when it ends)", "MiB",
                "child_rss_mb", "uss_mb", "median_mb");
        bothLine(md, "threads in each of those children (the JVM's own included)", "",
                "child_rss_mb", "threads", "median");
        bothLine(md, "a bare `java` Hello with a child's flags, class path and AOT cache, from start to its line "
                + "(timed right after each spawn_ready N=1, so both see the same load)", "ms",
                "spawn_ready", "bare_hello", "median_ms");
        bothLine(md, "spawn_ready N=1 / that bare Hello (what Procession adds to the JVM's own start; a regression "
                + "shows here)", "x", "spawn_ready", "bare_hello", "ratio");
        line(md, "one hub round trip that logs no event (Event.is_set from a child)",
                num(java, "results", "hub_lock_us", "roundtrip_us", "median_us"), "us", null);
        line(md, "pause latency through `Run.pause` (the product path: checks the pid belongs to the run, records "
                + "the signal event)", num(java, "results", "run_pause_latency_us", "median_us"), "us", null);
        line(md, "of which the `Run.pause` call itself, before it returns (it checks the pid against the run's "
                + "processes, sends the signal and hands the event to the hub)", num(java, "results", "run_pause_latency_us", "call_us", "median_us"),
                "us", null);
        line(md, "pause: until /proc/PID/stat (the JVM's first thread, what a process table shows) showed 'T'",
                num(java, "results", "pause_latency_us", "first_thread_us", "median_us"), "us", null);
        line(md, "pause: until the spinning thread showed 'T'",
                num(java, "results", "pause_latency_us", "spinning_thread_us", "median_us"), "us", null);
        Double threads = num(java, "results", "pause_latency_us", "threads");
        if (threads != null) {
            md.append("- threads in the paused child JVM: ").append(fmt(threads)).append(" (a Python child: 1)\n");
        }
    }

    /** A line of a figure of the results, with and without the AOT cache. */
    private void bothLine(StringBuilder md, String what, String unit, String... path) {
        String[] full = new String[path.length + 1];
        full[0] = "results";
        System.arraycopy(path, 0, full, 1, path.length);
        line(md, what, num(java, full), unit, num(noAot, full));
    }

    private static void line(StringBuilder md, String what, Double value, String unit, Double noAot) {
        if (value != null) {
            String suffix = unit.isEmpty() || unit.equals("x") ? unit : " " + unit;
            md.append("- ").append(what).append(": ").append(fmt(value)).append(suffix);
            if (noAot != null) {
                md.append(" (without the AOT cache: ").append(fmt(noAot)).append(suffix).append(')');
            }
            md.append('\n');
        }
    }

    private void aot(StringBuilder md) {
        md.append("\n## AOT cache\n\n");
        md.append("The child JVMs start from an AOT cache (JDK 25, `-XX:AOTCache`) when one matches: ")
                .append("`./procession` trains `target/procession-child.aot` once per build with ")
                .append("`scripts/train-aot.sh` (a short traffic-light run whose main process writes the cache as it ")
                .append("ends), and `runtime/AotCache` adds it to each child's command line. The bench trains its ")
                .append("own (`target/bench/procession-child.aot`) the same way, since a cache belongs to one class ")
                .append("path. ");
        if (noAot.isEmpty()) {
            md.append("This run did not measure without it (`--no-aot`).\n");
            return;
        }
        md.append("This run measured both (without: median over ").append(noAot.get("repeats"))
                .append(" repeats):\n\n");
        md.append("| | with AOT cache | without | change |\n|---|--:|--:|--:|\n");
        for (Row r : rows) {
            if (r.noAot() != null && r.java() != null) {
                md.append("| ").append(r.label()).append(" (").append(r.unit()).append(") | ").append(fmt(r.java()))
                        .append(" | ").append(fmt(r.noAot())).append(" | ")
                        .append(String.format(Locale.ROOT, "%+.0f%%", (r.java() / r.noAot() - 1) * 100))
                        .append(" |\n");
            }
        }
        Double cpu = num(java, "results", "child_rss_mb", "child_cpu_ms", "median_ms");
        Double cpuNo = num(noAot, "results", "child_rss_mb", "child_cpu_ms", "median_ms");
        if (cpu != null && cpuNo != null) {
            md.append("| CPU per child until ready (ms) | ").append(fmt(cpu)).append(" | ").append(fmt(cpuNo))
                    .append(" | ").append(String.format(Locale.ROOT, "%+.0f%%", (cpu / cpuNo - 1) * 100))
                    .append(" |\n");
        }
        md.append("\nJDK 25.0.3 does not reject a cache whose jar has changed (JDK-8377932, fixed in 25.0.4): it ")
                .append("would run the old classes. `AotCache` therefore uses a cache only when a fingerprint written ")
                .append("at training (JDK, and path, size and time of each class path entry) still matches.\n");
    }

    private void misses(StringBuilder md) {
        md.append("\n## Missed targets\n\n");
        boolean any = false;
        for (Row r : rows) {
            if (!"miss".equals(r.verdict())) {
                continue;
            }
            any = true;
            md.append("- **").append(r.label()).append("**: ").append(fmt(r.java())).append(' ').append(r.unit())
                    .append(" against ").append(r.target());
            if (r.goal() == Goal.RATIO_MAX) {
                md.append(" (Python ").append(fmt(r.python())).append(' ').append(r.unit()).append(", Java/Python ")
                        .append(fmt(r.ratio())).append("x)");
            }
            md.append(": ").append(fmt(r.overBy())).append("x over. ").append(bound(r)).append('\n');
        }
        if (!any) {
            md.append("None in this run.\n");
        }
    }

    /** What holds a figure where it is, in this run's own numbers. */
    private String bound(Row r) {
        int cores = Runtime.getRuntime().availableProcessors();
        Double cpu = num(java, "results", "child_rss_mb", "child_cpu_ms", "median_ms");
        return switch (r.key()) {
            case "spawn1", "spawn10", "spawn50" -> {
                int n = Integer.parseInt(r.key().substring(5));
                String s = "Bound by JVM start-up: each child is a new JVM that boots, maps its class archive, loads "
                        + "and links the runtime, connects to the hub and finds its program before its first call";
                if (cpu != null && n == 1) {
                    s += String.format(Locale.ROOT, "; that costs %s ms of CPU (%.0f%% of the measured time)",
                            fmt(cpu), 100 * cpu / r.java());
                } else if (cpu != null) {
                    double floor = n * cpu / Math.min(n, cores);
                    s += String.format(Locale.ROOT, "; that costs %s ms of CPU per child, so %d children on %d cores "
                            + "need at least %s ms (%.0f%% of the measured time; the rest is waiting for CPUs busy "
                            + "with other work, and the parent's own work)", fmt(cpu), n, cores, fmt(floor),
                            100 * floor / r.java());
                }
                yield s + ". A Python spawn child starts a smaller interpreter. Going lower needs fewer JVM starts "
                        + "(a JVM cannot fork a ready copy of itself as Python's fork and forkserver do).";
            }
            case "rss" -> "An idle child JVM keeps the mapped parts of libjvm and of the class archive, the first "
                    + "heap pages, the code cache and metaspace for the classes it loaded, and about 15 threads; "
                    + "the AOT cache shares more of the class data and is what brings it down.";
            case "lock" -> {
                Double rt = num(java, "results", "hub_lock_us", "roundtrip_us", "median_us");
                String s = "An acquire is one request and reply over the Unix socket, handed from the calling "
                        + "thread to the hub's selector thread and back through the child's reader thread, which then "
                        + "wakes the caller; a release the child holds cannot fail, so it is sent without waiting "
                        + "for a reply (the hub handles it before anything the child sends next, so the log's order "
                        + "is the same). Python's manager proxy takes two round trips per pair";
                if (rt != null) {
                    double share = rt / r.java();
                    s += String.format(Locale.ROOT, "; one round trip that logs no event (measured after the lock "
                            + "loop, in the same child) took %s us, so the pair's one round trip makes %.0f%% of it",
                            fmt(rt), 100 * share);
                    s += share >= 0.5 ? ": the round trip bounds it. Its floor is the machine's: a bare ping-pong of one "
                            + "byte between two Java threads over a Unix socket took 28 to 40 us here (2026-11-25), "
                            + "and letting the caller read its own reply (one wake-up fewer) made no measurable "
                            + "difference, so it was not kept. Going lower would need no round trip at all per "
                            + "acquire, such as a lock lent to its last holder, which would make the log's order of "
                            + "events less exact than a lesson needs."
                            : ": the rest is the lock's own handling, the release's write and event logging in the "
                            + "hub, or load; profile the hub before changing the wire.";
                    yield s;
                }
                yield s + ".";
            }
            case "roundtrip" -> "One hub round trip: the caller writes a frame, the hub's selector thread reads and "
                    + "answers it, and the child's reader thread wakes the caller; Python's proxy caller reads its "
                    + "own reply, one thread wake-up fewer.";
            case "pause" -> {
                Double spin = num(java, "results", "pause_latency_us", "spinning_thread_us", "median_us");
                Double threads = num(java, "results", "pause_latency_us", "threads");
                yield "SIGSTOP takes effect only when every thread of the process has stopped itself; a child JVM "
                        + "has " + fmt(threads) + " threads where a Python child has one, and on a busy machine "
                        + "each waits for a CPU to do so"
                        + (spin == null ? "" : "; the spinning thread alone took " + fmt(spin) + " us")
                        + ". The kill(2) call itself takes microseconds: what remains is scheduling.";
            }
            default -> "";
        };
    }

    private void method(StringBuilder md) {
        md.append("\n## How the Java side measures\n\n");
        md.append("""
                - Processes are real child JVMs started through `supervisor.Run`; the run's main process plays the \
                Python script's part (it creates the children, so they are its children in the OS).
                - The "ready" channel is a hub `Semaphore(0)`: a child's first act is `release()`, one hub call, as \
                a Python child's first act is `q.put(pid)` on a `SimpleQueue`; the parent `acquire()`s once per child.
                - Results go from the processes to `BenchMain` as `note` events in the run's event log.
                - Lock: a hub `Lock` (every call goes through the hub); the Python figures are a `Manager().Lock()` \
                proxy and, beside it, the kernel-semaphore `Lock`, which has no counterpart in Procession.
                - Pause: the app JVM (the child's parent, as Python's parent) sends SIGSTOP with `Signals.send` and \
                polls `/proc` with `pread` until every thread of the child shows 'T' (a JVM's first thread, \
                the one `/proc/PID/stat` shows, only waits for `main` and often stops before the busy thread; a \
                Python child has one thread, so its 'T' means the same: all of it stopped). Between reads the \
                poller yields its CPU where `mp_bench.py` spins: each of the JVM's threads needs a CPU to stop, \
                and on 2 cores a spinning poller holds one (it made the pause about 20 times slower in a loaded \
                run); nothing spins in the app. `-Dbench.pauseSpin=true` on `BenchMain` spins as Python does.
                - Spawn: Python's `fork` figures are shown beside for reference; a JVM cannot fork.
                - Clock: `System.nanoTime()` (CLOCK_MONOTONIC), like `time.perf_counter_ns()`.
                """);
    }

    private static void reproduce(StringBuilder md) {
        md.append("\n## Reproduce\n\n");
        md.append("""
                ```
                bench/run [--quick] [--repeats R] [--no-python] [--no-aot]
                bench/run --ui [--seconds S]
                ```

                It builds if needed, trains the AOT cache for the bench's class path, runs the Java side with \
                the cache and (spawn up to N = 10 and RSS only, at most 3 repeats) without it, then \
                `bench/python/mp_bench.py` when `python3` is present, prints the table and rewrites this page. \
                A full run takes about 4 minutes on 2 quiet cores; `--quick` uses the smaller sizes (N up to 10, \
                K = 500, M = 10000). Measure on a quiet machine: the load average before and after is recorded \
                above. Extra child JVM options can be tried with `PROCESSION_CHILD_OPTS` (an `-XX:AOT...` \
                option there replaces the automatic cache). `bench/run --ui` runs only the UI benchmark and \
                rewrites only its section (*The window with 100 processes*), which a full run keeps as it was.
                """);
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isLoaded(String load) {
        try {
            return Double.parseDouble(load.trim().split("\\s+")[0]) > Runtime.getRuntime().availableProcessors();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Object at(Map<String, Object> doc, String... path) {
        Object v = doc;
        for (String key : path) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(key);
        }
        return v;
    }

    static Double num(Map<String, Object> doc, String... path) {
        return at(doc, path) instanceof Number n ? n.doubleValue() : null;
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static String bold(String verdict) {
        return "miss".equals(verdict) ? "**miss**" : verdict;
    }

    /** Three significant figures, no exponent. */
    static String fmt(Double v) {
        if (v == null) {
            return "";
        }
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String fmt(double v) {
        return fmt(Double.valueOf(v));
    }
}
