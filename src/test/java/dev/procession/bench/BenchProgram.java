package dev.procession.bench;

import dev.procession.runtime.Args;
import dev.procession.runtime.Event;
import dev.procession.runtime.Launcher;
import dev.procession.runtime.Lock;
import dev.procession.runtime.Mp;
import dev.procession.runtime.MpException;
import dev.procession.runtime.Process;
import dev.procession.runtime.Program;
import dev.procession.runtime.Semaphore;
import dev.procession.runtime.Targets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of the benchmark (program id {@value #ID}). Its main runs one measurement, named
 * by the parameter {@code measure}, the way bench/python/mp_bench.py runs it in CPython, and
 * records each sample as a {@code note} event ({@code bench}: the measurement) that
 * {@link BenchMain} reads from the event log.
 *
 * <p>The "ready" channel is a Semaphore(0): a child's first act is {@code ready.release()}, one
 * hub call, as a Python child's first act is {@code q.put(pid)} on a SimpleQueue; the parent
 * {@code acquire()}s once per child, as it reads one message per child.
 */
public final class BenchProgram implements Program {
    public static final String ID = "procession-bench";
    /** Bounds every wait on children, as mp_bench.py's READY_TIMEOUT_S. */
    private static final double READY_TIMEOUT_S = 60.0;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", BenchProgram::main);
        targets.target("ready-wait", (mp, a) -> {
            a.get(0, Semaphore.class).release();     // first act: report "ready"
            a.get(1, Event.class).await();
            return null;
        });
        targets.target("lock-loop", BenchProgram::lockLoop);
        QueueBench.define(targets);
    }

    private static Object main(Mp mp, Args args) throws Exception {
        Map<String, Object> p = args.map(0);
        int repeats = ((Number) p.get("repeats")).intValue();
        switch ((String) p.get("measure")) {
            case "spawn" -> spawnReady(mp, repeats, longs(p.get("n")));
            case "rss" -> childRss(mp, repeats, ((Number) p.get("children")).intValue());
            case "lock" -> lock(mp, repeats, ((Number) p.get("k")).longValue());
            case "queue" -> QueueBench.run(mp, repeats, ((Number) p.get("m")).longValue());
            case "busy" -> busy(mp);
            default -> throw new IllegalArgumentException("unknown measure " + p.get("measure"));
        }
        return null;
    }

    // ---------------------------------------------------------------- spawn_ready

    private static void spawnReady(Mp mp, int repeats, List<Long> ns) {
        spawnReadyOnce(mp, 1);                       // untimed warm-up, as in mp_bench.py
        for (long n : ns) {
            for (int r = 0; r < repeats; r++) {
                double ms = spawnReadyOnce(mp, (int) n);
                if (n == 1) {
                    // Right after it, so both see the same load: the regression check of issue 6.
                    note(mp, "spawn", Map.of("n", n, "ms", ms, "hello_ms", bareHelloMs()));
                } else {
                    note(mp, "spawn", Map.of("n", n, "ms", ms));
                }
            }
        }
    }

    /**
     * From starting a JVM with exactly a child's command line (flags, AOT cache, class path) but
     * {@link BareHello} as its main class, to its line on stdout.
     */
    private static double bareHelloMs() {
        List<String> cmd = new ArrayList<>(Launcher.command());
        cmd.set(cmd.size() - 1, BareHello.class.getName());
        try {
            long t0 = System.nanoTime();
            java.lang.Process hello = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (BufferedReader out = hello.inputReader()) {
                String line = out.readLine();
                long t1 = System.nanoTime();
                if (!"hello".equals(line) || hello.waitFor() != 0) {
                    throw new IllegalStateException("the bare java hello failed: " + line);
                }
                return (t1 - t0) / 1e6;
            } finally {
                hello.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** t0 before creating the N Process objects, t1 when the N-th child has reported ready. */
    private static double spawnReadyOnce(Mp mp, int n) {
        Semaphore ready = mp.semaphore(0);
        Event go = mp.event();
        List<Process> procs = new ArrayList<>(n);
        try {
            long t0 = System.nanoTime();
            List<Process> ps = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ps.add(mp.process("ready-wait", ready, go).daemon(true));
            }
            for (Process proc : ps) {
                procs.add(proc);
                proc.start();
            }
            for (int i = 0; i < n; i++) {
                awaitReady(ready);
            }
            long t1 = System.nanoTime();
            return (t1 - t0) / 1e6;
        } finally {
            go.set();
            procs.forEach(Process::join);
        }
    }

    // ---------------------------------------------------------------- child_rss_mb

    private static void childRss(Mp mp, int repeats, int children) throws IOException {
        for (int r = 0; r < repeats; r++) {
            Semaphore ready = mp.semaphore(0);
            Event go = mp.event();
            List<Process> procs = new ArrayList<>();
            List<Double> mb = new ArrayList<>();
            List<Double> pss = new ArrayList<>();
            List<Double> uss = new ArrayList<>();
            List<Double> cpuMs = new ArrayList<>();
            List<Double> threads = new ArrayList<>();
            try {
                for (int i = 0; i < children; i++) {
                    procs.add(mp.process("ready-wait", ready, go).daemon(true).start());
                }
                for (int i = 0; i < children; i++) {
                    awaitReady(ready);
                }
                for (Process proc : procs) {
                    mb.add(vmRssKb(proc.pid()) / 1024.0);
                    pss.add(rollupKb(proc.pid(), "Pss:") / 1024.0);
                    uss.add((rollupKb(proc.pid(), "Private_Clean:") + rollupKb(proc.pid(), "Private_Dirty:")) / 1024.0);
                    cpuMs.add(cpuMs(proc.pid()));
                    threads.add((double) threadCount(proc.pid()));
                }
            } finally {
                go.set();
                procs.forEach(Process::join);
            }
            note(mp, "rss", Map.of("mb", mb, "pss_mb", pss, "uss_mb", uss, "cpu_ms", cpuMs, "threads", threads));
        }
    }

    private static long vmRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no VmRSS for pid " + pid);
    }

    /** The threads of a process, the JVM's own included: each costs a stack and kernel state. */
    private static long threadCount(long pid) throws IOException {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.count();
        }
    }

    /**
     * A field of /proc/PID/smaps_rollup in kB. Not in mp_bench.py: RSS counts the pages every child
     * shares (libjvm, the AOT cache) once per child; PSS divides them, USS leaves them out.
     */
    private static long rollupKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + field + " in smaps_rollup of pid " + pid);
    }

    /** CPU time (user + system) the process has used so far, in ms: what one child costs to start. */
    private static double cpuMs(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;   // utime + stime, USER_HZ = 100
    }

    // ---------------------------------------------------------------- hub lock

    /**
     * A Lock made once; a fresh child per repeat times K acquire+release pairs. Then, for the
     * report only, it times K Event.is_set() calls: one hub round trip each, with no event logged.
     */
    private static void lock(Mp mp, int repeats, long k) {
        Lock lock = mp.lock();
        Event event = mp.event();
        for (int r = 0; r < repeats; r++) {
            Process child = mp.process("lock-loop", lock, k, event).start();
            child.join();
            if (child.exitCode() != 0L) {
                throw new MpException("RuntimeError", "lock-loop child failed with exit code " + child.exitCode());
            }
        }
    }

    private static Object lockLoop(Mp mp, Args a) {
        Lock lock = a.get(0, Lock.class);
        long k = a.integer(1);
        lock.acquire();                              // untimed warm-up, as in mp_bench.py
        lock.release();
        long t0 = System.nanoTime();
        for (long i = 0; i < k; i++) {
            lock.acquire();
            lock.release();
        }
        long t1 = System.nanoTime();
        Event event = a.get(2, Event.class);
        event.isSet();
        long t2 = System.nanoTime();
        for (long i = 0; i < k; i++) {
            event.isSet();
        }
        long t3 = System.nanoTime();
        note(mp, "lock", Map.of("k", k, "ns", t1 - t0, "roundtrip_ns", t3 - t2));
        return null;
    }

    // ---------------------------------------------------------------- pause latency

    /**
     * Reports its pid and the id of the spinning thread, then spins: the supervisor pauses it (see
     * {@link PauseLatency}). In a JVM the process's first thread only waits for main to end, so
     * /proc/PID/stat alone would say 'S' while this thread runs.
     */
    private static void busy(Mp mp) throws IOException {
        // /proc/thread-self -> "PID/task/TID"
        long tid = Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        note(mp, "busy", Map.of("tid", tid));        // the event's header carries the pid
        while (true) {
            // spin, as mp_bench.py's "while True: pass"
        }
    }

    // ---------------------------------------------------------------- helpers

    static void awaitReady(Semaphore ready) {
        if (!ready.acquire(true, READY_TIMEOUT_S)) {
            throw new MpException("TimeoutError", "no ready message from children within " + READY_TIMEOUT_S + "s");
        }
    }

    /** One sample, recorded in the event log for {@link BenchMain}. */
    static void note(Mp mp, String bench, Map<String, Object> data) {
        Map<String, Object> m = new LinkedHashMap<>(data);
        m.put("bench", bench);
        mp.record("note", null, m);
    }

    private static List<Long> longs(Object list) {
        return ((List<?>) list).stream().map(v -> ((Number) v).longValue()).toList();
    }
}
