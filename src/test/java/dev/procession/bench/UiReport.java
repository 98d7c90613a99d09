package dev.procession.bench;

import dev.procession.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the UI benchmark's section of docs/benchmarks.md from {@code target/bench/ui.json}
 * ({@link UiBench}). The section sits between two markers, so that {@code bench/run --ui} replaces
 * it alone and {@link BenchReport}, which rewrites the rest of the page, carries it over.
 *
 * <p>Usage: {@code UiReport --ui FILE --out FILE [--load-before "a b c"] [--load-after "a b c"]}
 */
public final class UiReport {
    static final String BEGIN = "<!-- ui-bench: written by bench/run --ui (UiReport.java) -->";
    static final String END = "<!-- /ui-bench -->";
    private static final double FRAME_TARGET_MS = 20;
    private static final double EVENT_TARGET_MS = 17;

    private final Map<String, Object> ui;

    private UiReport(Map<String, Object> ui) {
        this.ui = ui;
    }

    public static void main(String[] argv) throws IOException {
        Path in = null;
        Path out = null;
        String before = "?";
        String after = "?";
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--ui" -> in = Path.of(argv[++i]);
                case "--out" -> out = Path.of(argv[++i]);
                case "--load-before" -> before = argv[++i];
                case "--load-after" -> after = argv[++i];
                default -> throw new IllegalArgumentException("unknown argument " + argv[i]);
            }
        }
        if (in == null || out == null) {
            throw new IllegalArgumentException("--ui FILE and --out FILE are required");
        }
        String section = new UiReport(Json.parseObject(Files.readString(in, StandardCharsets.UTF_8).trim()))
                .markdown(before, after);
        System.out.print(section);
        String page = Files.isRegularFile(out) ? Files.readString(out, StandardCharsets.UTF_8) : "# Benchmarks\n";
        Files.writeString(out, splice(page, section), StandardCharsets.UTF_8);
        System.out.println("\nwrote the UI section of " + out);
    }

    /** {@code page} with its UI section replaced by {@code section}, or {@code section} put before "## Reproduce". */
    static String splice(String page, String section) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin >= 0 && end > begin) {
            return page.substring(0, begin) + section + page.substring(end + END.length());
        }
        int at = page.indexOf("\n## Reproduce");
        return at < 0 ? page + "\n" + section : page.substring(0, at + 1) + section + "\n" + page.substring(at + 1);
    }

    /** The UI section of {@code page} (markers included), or "" when it has none. */
    static String section(String page) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        return begin >= 0 && end > begin ? page.substring(begin, end + END.length()) : "";
    }

    // ---------------------------------------------------------------- the section

    String markdown(String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder(BEGIN).append('\n');
        md.append("## The window with 100 processes\n\n");
        md.append("One run of `bench/run --ui` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)))
                .append(" (`src/test/java/dev/procession/bench/UiBench.java`): the real main window in the ")
                .append(ui.get("glass_platform")).append(" glass platform (real pulses from its own timer, ")
                .append("software rendering into memory, no X server), `procession ").append(ui.get("window"))
                .append("` at speed ").append(fmt(num(ui, "speed"))).append(". ")
                .append(fmt(num(ui, "live_at_start"))).append(" processes were alive ")
                .append(fmt(num(ui, "seconds_until_live"))).append(" s after the start and ")
                .append(fmt(num(ui, "live_at_end"))).append(" at the end of the ")
                .append(fmt(num(ui, "frames", "seconds"))).append(" s recorded. Load average before ")
                .append(loadBefore).append(", after ").append(loadAfter).append(", on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores")
                .append(busy(loadBefore) ? ": **the machine was busy**, so the times are contaminated by other work." : ".")
                .append(" Percentiles are nearest-rank over every pulse (frames) or every event of the stretch.\n\n");
        md.append("| measure (ms) | p50 | p99 | max | target | result |\n|---|--:|--:|--:|---|---|\n");
        row(md, "frame: pulse start to the frame drawn by the render thread (animations, the pump, CSS, layout, "
                + "sync, painting)", "frame_to_rendered_ms", FRAME_TARGET_MS, "p99 <= 20 ms");
        row(md, "frame work on the FX thread: pulse start to end of layout (animations, the pump, CSS, layout)",
                "frame_ms", null, "");
        row(md, "the same frames, the FX thread's CPU time (what they cost whatever the load)", "frame_cpu_ms",
                FRAME_TARGET_MS, "p99 <= 20 ms");
        row(md, "pulse interval", "interval_ms", null, "");
        row(md, "the pump's share, in frames that had events (fold and views)", "pump_ms", null, "");
        row(md, "the pump's share, FX thread CPU", "pump_cpu_ms", null, "");
        row(md, "event appended -> the pull that folds it", "event_to_pull_ms", null, "");
        row(md, "event appended -> end of that frame's layout", "event_to_layout_ms", null, "");
        row(md, "event appended -> the first frame showing it drawn", "event_to_rendered_ms", EVENT_TARGET_MS,
                "p99 <= 17 ms");
        md.append("\n").append(fmt(num(ui, "frames", "pulses"))).append(" pulses, ")
                .append(fmt(num(ui, "frames", "pulses_with_events"))).append(" with events, ")
                .append(fmt(num(ui, "frames", "events"))).append(" events. While the processes started (")
                .append(fmt(num(ui, "frames_start_up", "seconds"))).append(" s, ")
                .append(fmt(num(ui, "frames_start_up", "events"))).append(" events, both cores busy starting JVMs): ")
                .append("frame work p50 ").append(fmt(num(ui, "frames_start_up", "frame_ms", "p50")))
                .append(" / p99 ").append(fmt(num(ui, "frames_start_up", "frame_ms", "p99")))
                .append(" ms, event -> pull p50 ").append(fmt(num(ui, "frames_start_up", "event_to_pull_ms", "p50")))
                .append(" / p99 ").append(fmt(num(ui, "frames_start_up", "event_to_pull_ms", "p99"))).append(" ms.\n");
        views(md);
        memory(md);
        misses(md);
        return md.append(END).append('\n').toString();
    }

    private void row(StringBuilder md, String label, String key, Double limit, String target) {
        Double p99 = num(ui, "frames", key, "p99");
        md.append("| ").append(label).append(" | ").append(fmt(num(ui, "frames", key, "p50"))).append(" | ")
                .append(fmt(p99)).append(" | ").append(fmt(num(ui, "frames", key, "max"))).append(" | ")
                .append(target).append(" | ")
                .append(limit == null || p99 == null ? "" : p99 <= limit ? "pass" : "**miss**").append(" |\n");
    }

    private void views(StringBuilder md) {
        Map<String, Object> wall = map(ui, "frames", "views_ms");
        Map<String, Object> cpu = map(ui, "frames", "views_cpu_ms");
        List<String> names = new ArrayList<>(cpu.keySet());
        names.sort(Comparator.comparing((String n) -> -num(cpu, n, "mean")));
        md.append("\nEach view's share of a frame with events (the pump's observer), by the FX thread's CPU time, ")
                .append("costliest first (the first view's CPU includes the fold into RunState, whose wall time ")
                .append("is given apart):\n\n");
        md.append("| view | CPU mean | CPU p50 | CPU p99 | wall mean | wall p99 |\n|---|--:|--:|--:|--:|--:|\n");
        md.append("| (fold into RunState) | | | | ").append(fmt(num(ui, "frames", "fold_ms", "mean"))).append(" | ")
                .append(fmt(num(ui, "frames", "fold_ms", "p99"))).append(" |\n");
        for (String n : names) {
            md.append("| ").append(n).append(" | ").append(fmt(num(cpu, n, "mean"))).append(" | ")
                    .append(fmt(num(cpu, n, "p50"))).append(" | ").append(fmt(num(cpu, n, "p99"))).append(" | ")
                    .append(fmt(num(wall, n, "mean"))).append(" | ").append(fmt(num(wall, n, "p99"))).append(" |\n");
        }
    }

    private void memory(StringBuilder md) {
        md.append("\n### Memory\n\n");
        md.append("The run's processes at its last `sample` event in the recording (")
                .append(fmt(num(ui, "children", "processes"))).append(" processes; PSS and USS from ")
                .append("`/proc/PID/smaps_rollup`, read by the supervisor at most once a second per process):\n\n");
        md.append("| MiB | sum | median per process |\n|---|--:|--:|\n");
        for (String k : List.of("rss", "pss", "uss")) {
            md.append("| ").append(k.toUpperCase(Locale.ROOT)).append(" | ")
                    .append(fmt(num(ui, "children", k + "_sum_mib"))).append(" | ")
                    .append(fmt(num(ui, "children", k + "_median_mib"))).append(" |\n");
        }
        Double rss = num(ui, "children", "rss_sum_mib");
        Double pss = num(ui, "children", "pss_sum_mib");
        md.append("\nRSS counts every page a process has mapped, shared or not: the pages of libjvm and of the ")
                .append("AOT cache (the class archive every child maps from the same file) are in each child's RSS, ")
                .append("so the sum of RSS counts them once per process and overstates what the run costs")
                .append(rss != null && pss != null && pss > 0
                        ? String.format(Locale.ROOT, " (here %.1fx the sum of PSS)", rss / pss) : "")
                .append(". PSS divides each shared page among the processes that map it, so PSS adds up to the ")
                .append("run's real share of memory; USS is what each process alone holds (what ending it frees). ")
                .append("The status bar shows the sum of PSS: it read ")
                .append(fmt(mib(num(ui, "status_bar_memory_bytes")))).append(" MiB at the end of the recording ")
                .append("(it sums the processes alive in the last frame, the table above the last sample).\n\n");
        md.append("The window's JVM (this benchmark's, with the window in it): heap in use after a full GC ")
                .append(fmt(num(ui, "app", "heap_used_after_gc_mib"))).append(" MiB (committed ")
                .append(fmt(num(ui, "app", "heap_committed_mib"))).append(" MiB), RSS ")
                .append(fmt(num(ui, "app", "rss_mib"))).append(" MiB, PSS ")
                .append(fmt(num(ui, "app", "pss_mib"))).append(" MiB, USS ")
                .append(fmt(num(ui, "app", "uss_mib"))).append(" MiB.\n");
    }

    private void misses(StringBuilder md) {
        Double frame = num(ui, "frames", "frame_to_rendered_ms", "p99");
        Double event = num(ui, "frames", "event_to_rendered_ms", "p99");
        boolean frameMiss = frame != null && frame > FRAME_TARGET_MS;
        boolean eventMiss = event != null && event > EVENT_TARGET_MS;
        if (!frameMiss && !eventMiss) {
            return;
        }
        md.append("\nMissed: ");
        if (frameMiss) {
            md.append(String.format(Locale.ROOT, "frame (to drawn) p99 %s ms against 20 ms (%.2fx over). ", fmt(frame),
                    frame / FRAME_TARGET_MS));
        }
        if (eventMiss) {
            md.append(String.format(Locale.ROOT, "event -> frame drawn p99 %s ms against 17 ms (%.2fx over). ", fmt(event),
                    event / EVENT_TARGET_MS));
        }
        Map<String, Object> views = map(ui, "frames", "views_cpu_ms");
        String costliest = views.keySet().stream().max(Comparator.comparing((String n) -> num(views, n, "mean")))
                .orElse("-");
        md.append("Of the frame, the pump (fold and every view) took p99 ").append(fmt(num(ui, "frames", "pump_ms", "p99")))
                .append(" ms (CPU p99 ").append(fmt(num(ui, "frames", "pump_cpu_ms", "p99")))
                .append(" ms); the costliest view by CPU on average is ").append(costliest).append(" (mean ")
                .append(fmt(num(views, costliest, "mean"))).append(" ms, p99 ").append(fmt(num(views, costliest, "p99")))
                .append(" ms); the rest of a frame is the scene's animations, CSS, layout, its sync to the render graph ")
                .append("and the painting on the render thread. A pull waits for the ")
                .append("next pulse, so an event waits for the frame before it to end: a long frame delays the events ")
                .append("of the next.\n");
    }

    // ---------------------------------------------------------------- helpers

    private static boolean busy(String load) {
        try {
            return Double.parseDouble(load.trim().split("\\s+")[0]) > Runtime.getRuntime().availableProcessors();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Double mib(Double bytes) {
        return bytes == null ? null : bytes / 1048576.0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String... path) {
        Object o = m;
        for (String p : path) {
            o = o instanceof Map<?, ?> x ? x.get(p) : null;
        }
        return o instanceof Map<?, ?> x ? (Map<String, Object>) x : Map.of();
    }

    private static Double num(Map<String, Object> m, String... path) {
        return BenchReport.num(m, path);
    }

    private static String fmt(Double v) {
        return v == null ? "-" : BenchReport.fmt(v);
    }
}
