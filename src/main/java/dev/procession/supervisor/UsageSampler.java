package dev.procession.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each live process of a run uses, for the {@code sample} event: CPU seconds, RSS and state
 * from {@code /proc/PID/stat} and {@code status} at every sample, PSS and USS from
 * {@code smaps_rollup} at most once per {@link #MEMORY_PERIOD} per process (the kernel walks the
 * page tables for it: about a millisecond for a JVM), the last reading reused in between.
 * One sampler thread only.
 */
final class UsageSampler {
    static final Duration MEMORY_PERIOD = Duration.ofSeconds(1);

    private record Reading(long atNanos, ProcFs.Memory memory) {
    }

    private final Map<Long, Reading> memory = new HashMap<>();

    /** One entry per pid still alive: {@code pid, cpu, rss, pss, uss, state}. */
    List<Map<String, Object>> sample(Collection<Long> pids) {
        List<Map<String, Object>> procs = new ArrayList<>();
        for (long pid : pids) {
            Optional<ProcStat> stat = ProcFs.read(pid);
            if (stat.isEmpty()) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pid", pid);
            p.put("cpu", stat.get().cpuSeconds());
            p.put("rss", stat.get().rssBytes());
            memoryOf(pid).ifPresent(m -> {
                p.put("pss", m.pssBytes());
                p.put("uss", m.ussBytes());
            });
            p.put("state", String.valueOf(stat.get().state()));
            procs.add(p);
        }
        // Forget the processes that are gone, so a reused pid is read afresh.
        memory.keySet().retainAll(pids);
        return procs;
    }

    private Optional<ProcFs.Memory> memoryOf(long pid) {
        long now = System.nanoTime();
        Reading last = memory.get(pid);
        if (last != null && now - last.atNanos < MEMORY_PERIOD.toNanos()) {
            return Optional.of(last.memory);
        }
        Optional<ProcFs.Memory> read = ProcFs.memory(pid);
        read.ifPresent(m -> memory.put(pid, new Reading(now, m)));
        return read.isPresent() ? read : Optional.ofNullable(last).map(Reading::memory);
    }
}
