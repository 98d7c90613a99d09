package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.JvmResources;
import dev.procession.testing.RealRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Proof under faults: the scenarios run one after another in this JVM, which hosts their hubs and
 * supervisors, and after each run it holds no more threads, file descriptors or heap than after
 * the first ones (the warm-up), no process of the run, and nothing of the run in /tmp.
 * {@value #MINUTES_ENV} sets how long the loop goes on, through all the scenarios in turn (those that deadlock by default, fixed);
 * without it, {@value #SHORT_LOOP} runs check the same, so ./verify stays short
 * (docs/reliability.md has the figures of a long series).
 */
@EnabledOnOs(OS.LINUX)
class SoakTest {
    static final String MINUTES_ENV = "PROCESSION_SOAK_MINUTES";
    private static final int SHORT_LOOP = 3;
    private static final double SPEED = 10;
    /** What a run may leave in the JVM beyond what it held after the warm-up. */
    private static final JvmResources.Bound BOUND = new JvmResources.Bound(16L << 20, 6, 4);
    /** The manager scenario's 2,000 proxy calls take a minute when the machine is loaded 40 deep. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** One look after a run has closed. */
    private record Sample(JvmResources jvm, List<Path> ourTmpEntries, long tmpEntries) {
    }

    @Test
    void runAfterRunLeavesNothingBehind() throws Exception {
        double minutes = Optional.ofNullable(System.getenv(MINUTES_ENV)).map(Double::parseDouble).orElse(0.0);
        List<Scenario> all = Scenarios.all();
        // The first run loads and compiles what every later one uses; a long series warms up over a whole round.
        int warmUp = minutes > 0 ? all.size() : 1;
        long deadline = System.nanoTime() + (long) (minutes * 60e9);
        Set<String> pids = new HashSet<>();
        Set<Path> earlier = new HashSet<>(tmpEntries());
        List<Sample> samples = new ArrayList<>();
        Sample baseline = null;
        long started = System.nanoTime();
        int atLeast = Math.max(SHORT_LOOP, warmUp + 1);
        for (int i = 0; i < atLeast || System.nanoTime() < deadline; i++) {
            Scenario scenario = all.get(i % all.size());
            RealRun.Result r = RealRun.run(scenario.id(), Scenarios.resolve(scenario,
                    ScenarioRun.ENDING.getOrDefault(scenario.id(), Map.of())), SPEED, RUN_LIMIT);
            ScenarioRun.check(scenario, r);
            r.of("spawn").forEach(e -> pids.add(String.valueOf(e.pid())));
            Sample s = sample(pids, earlier);
            samples.add(s);
            assertThat(s.ourTmpEntries()).as("entries of the runs in %s after run %d (%s)", TMP, i, scenario.id())
                    .isEmpty();
            assertThat(s.jvm().descendants()).as("processes left after run %d (%s)", i, scenario.id()).isZero();
            if (i + 1 == warmUp) {
                baseline = s;
            } else if (baseline != null) {
                assertThat(s.jvm().within(baseline.jvm(), BOUND)).as("after run %d (%s): %s; after the warm-up: %s;"
                        + " bound %s", i, scenario.id(), s.jvm(), baseline.jvm(), BOUND).isTrue();
            }
        }
        System.out.printf("soak: %d runs of %d scenarios at speed %.0f in %.1f min, %d processes; after the warm-up"
                        + " of %d: %s; after the last run: %s; most after the warm-up: heap %.1f MiB, %d threads,"
                        + " %d fds; /tmp entries %d to %d (shared with other work), none of the runs' (bound: %s)%n",
                samples.size(), Math.min(samples.size(), all.size()), SPEED, (System.nanoTime() - started) / 60e9,
                pids.size(), warmUp, baseline.jvm(), samples.getLast().jvm(),
                most(samples, warmUp, s -> s.jvm().heapBytes()) / 1048576.0,
                most(samples, warmUp, s -> s.jvm().threads()), most(samples, warmUp, s -> s.jvm().fds()),
                samples.stream().mapToLong(Sample::tmpEntries).min().orElse(0),
                samples.stream().mapToLong(Sample::tmpEntries).max().orElse(0), BOUND);
    }

    private static long most(List<Sample> samples, int warmUp, ToLongFunction<Sample> what) {
        return samples.stream().skip(warmUp - 1).mapToLong(what).max().orElse(0);
    }

    private static Sample sample(Set<String> pids, Set<Path> earlier) throws IOException {
        JvmResources jvm = JvmResources.now();
        List<Path> entries = tmpEntries();
        // /tmp is shared: only what appeared since the loop began, and names a process of a run, can be ours.
        List<Path> ours = entries.stream().filter(e -> !earlier.contains(e))
                .filter(e -> ourRunFolder(e) || namesADeadOneOf(e, pids)).toList();
        return new Sample(jvm, ours, entries.size());
    }

    /** The entries of /tmp and of its perf data folders, where a JVM leaves a file named by its PID. */
    private static List<Path> tmpEntries() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> tmp = Files.list(TMP)) {
            for (Path entry : tmp.toList()) {
                all.add(entry);
                if (entry.getFileName().toString().startsWith("hsperfdata_")) {
                    try (Stream<Path> files = Files.list(entry)) {
                        all.addAll(files.toList());
                    } catch (IOException unreadable) {
                        // Another user's, or gone: none of ours.
                    }
                }
            }
        }
        return all;
    }

    /** A run folder owned by this JVM ("PID START-TICKS" in its owner file): Run.close() removes it. */
    private static boolean ourRunFolder(Path entry) {
        if (!entry.getFileName().toString().startsWith("procession-run-")) {
            return false;
        }
        try {
            String owner = Files.readString(entry.resolve("owner"), StandardCharsets.US_ASCII);
            return owner.startsWith(ProcessHandle.current().pid() + " ");
        } catch (IOException goneOrNotOurs) {
            return false;
        }
    }

    /**
     * Perf data files and attach sockets carry a PID in their names; none may be a process of the
     * runs. A PID that is alive again belongs to another process now (PIDs wrap at 32768 here).
     */
    private static boolean namesADeadOneOf(Path entry, Set<String> pids) {
        Matcher m = NUMBER.matcher(entry.getFileName().toString());
        while (m.find()) {
            if (pids.contains(m.group()) && ProcessHandle.of(Long.parseLong(m.group())).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
