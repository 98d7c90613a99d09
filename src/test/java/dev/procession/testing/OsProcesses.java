package dev.procession.testing;

import dev.procession.supervisor.ProcFs;
import dev.procession.supervisor.ProcStat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** What the operating system says of processes, read from /proc, for assertions about real PIDs. */
public final class OsProcesses {
    /** Start times seen for each pid, so a pid the kernel reuses is not mistaken for the old process. */
    private static final Map<Long, Long> START_TIMES = new ConcurrentHashMap<>();

    private OsProcesses() {
    }

    /** Every process below {@code pid}, read from /proc, children before their own children. */
    public static Set<Long> descendants(long pid) {
        Set<Long> all = new LinkedHashSet<>();
        addDescendants(pid, all);
        all.forEach(OsProcesses::remember);
        return all;
    }

    private static void addDescendants(long pid, Set<Long> into) {
        for (long child : ProcFs.children(pid)) {
            if (into.add(child)) {
                addDescendants(child, into);
            }
        }
    }

    /** Alive: present in /proc, not a zombie, and the same process as when first seen here. */
    public static boolean alive(long pid) {
        Optional<ProcStat> stat = ProcFs.read(pid);
        if (stat.isEmpty() || stat.get().state() == 'Z' || stat.get().state() == 'X') {
            return false;
        }
        Long first = START_TIMES.putIfAbsent(pid, stat.get().startTimeTicks());
        return first == null || first == stat.get().startTimeTicks();
    }

    public static void remember(long pid) {
        ProcFs.read(pid).ifPresent(s -> START_TIMES.putIfAbsent(pid, s.startTimeTicks()));
    }

    public static Set<Long> aliveAmong(Set<Long> pids) {
        return pids.stream().filter(OsProcesses::alive).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Waits until none of {@code pids} is alive; fails naming the ones left. */
    public static void awaitGone(Set<Long> pids, Duration limit, String what) {
        pids.forEach(OsProcesses::remember);
        try {
            RealRun.await(limit, () -> aliveAmong(pids).isEmpty(), what);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; still alive: " + describe(aliveAmong(pids)), e);
        }
    }

    /**
     * Live processes working in {@code dir}: how a run's processes are found once the kernel has
     * re-parented them (their parent died) and the tree no longer leads to them.
     */
    public static Set<Long> workingIn(Path dir) {
        Set<Long> found = new LinkedHashSet<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p ->
                p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path proc : procs) {
                try {
                    // A deleted folder reads back as "DIR (deleted)".
                    if (Files.readSymbolicLink(proc.resolve("cwd")).toString().startsWith(dir.toString())) {
                        long pid = Long.parseLong(proc.getFileName().toString());
                        if (alive(pid)) {
                            found.add(pid);
                        }
                    }
                } catch (IOException notOursOrGone) {
                    // Another user's process, or it ended while we looked.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    public static String describe(Set<Long> pids) {
        return pids.stream().map(p -> p + " " + ProcFs.read(p).map(s -> s.comm() + " state " + s.state()
                + " ppid " + s.ppid()).orElse("gone")).collect(Collectors.joining(", ", "[", "]"));
    }
}
