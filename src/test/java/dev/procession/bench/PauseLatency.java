package dev.procession.bench;

import dev.procession.events.EventKind;
import dev.procession.events.Event;
import dev.procession.events.EventLog;
import dev.procession.supervisor.Run;
import dev.procession.supervisor.Signal;
import dev.procession.supervisor.Signals;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * pause_latency_us: a run whose main process reports its pid and spins; the supervisor (this
 * JVM, its parent) sends SIGSTOP and polls /proc (pread at offset 0 of files kept open, as
 * mp_bench.py does) until the state is 'T'. A fresh process per repeat.
 *
 * <p>A JVM has about 15 threads, and SIGSTOP stops a process only once each of them has stopped
 * itself; /proc/PID/stat shows only the first thread, which merely waits for main to end (it
 * often stops before the spinning thread does). So each try records when the first thread, the
 * spinning thread, and every thread showed 'T'; the last is the figure compared with Python's.
 *
 * <p>Between reads the poller yields its CPU (sched_yield), where mp_bench.py spins: the stopping
 * threads each need a CPU, and on 2 cores a spinning poller holds one of them, which made the
 * pause look about 20 times slower (5.6 ms against 0.2 ms in one loaded run). A one-thread Python
 * child, already running on the other core, loses nothing to a spinning poller. In the app nobody
 * spins, so the yielding figure is the one a user sees.
 */
final class PauseLatency {
    private PauseLatency() {
    }

    /**
     * One try: microseconds until the stop call returned, and until the spinning thread,
     * /proc/PID/stat, and every thread showed 'T'.
     */
    record Try(double callUs, double spinnerUs, double processUs, double allThreadsUs) {
    }

    /** One repeat: the tries through Signals.send, and through Run.pause (the product's path). */
    record Sample(List<Try> signals, List<Try> runPause, int threads) {
    }

    static Sample once(int tries) throws Exception {
        EventLog log = new EventLog();
        try (Run run = Run.start(BenchProgram.ID, Map.of("measure", "busy", "repeats", 1L), 1.0, log)) {
            long[] ids = awaitBusy(log, run);
            try (Threads threads = new Threads(ids[0], ids[1])) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (threads.spinner() != 'R') {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("busy process never reached state R");
                    }
                    LockSupport.parkNanos(1_000_000);
                }
                List<Try> direct = tries(tries, threads, p -> Signals.send(p, Signal.STOP),
                        p -> Signals.send(p, Signal.CONT), ids[0]);
                List<Try> viaRun = tries(tries, threads, run::pause, run::resume, ids[0]);
                return new Sample(direct, viaRun, threads.count());
            }
        }
    }

    private static List<Try> tries(int tries, Threads threads, LongConsumer stop, LongConsumer cont, long pid)
            throws Exception {
        List<Try> out = new ArrayList<>(tries);
        for (int i = 0; i < tries; i++) {
            long spinner = 0;
            long process = 0;
            long t0 = System.nanoTime();
            stop.accept(pid);
            long called = System.nanoTime();
            while (spinner == 0 || process == 0) {
                if (spinner == 0 && threads.spinner() == 'T') {
                    spinner = System.nanoTime();
                }
                if (process == 0 && threads.process() == 'T') {
                    process = System.nanoTime();
                }
                pollPause();
            }
            while (!threads.allStopped()) {
                pollPause();
            }
            long all = System.nanoTime();
            out.add(new Try((called - t0) / 1e3, (spinner - t0) / 1e3, (process - t0) / 1e3, (all - t0) / 1e3));
            cont.accept(pid);
            while (threads.spinner() == 'T') {
                Thread.onSpinWait();
            }
            // Pacing between tries (a benchmark, not a test): let the process run again first.
            LockSupport.parkNanos(2_000_000);
        }
        return out;
    }

    /** -Dbench.pauseSpin=true polls without yielding, exactly as mp_bench.py (see the class comment). */
    private static final boolean SPIN = Boolean.getBoolean("bench.pauseSpin");

    private static void pollPause() {
        if (SPIN) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** The busy process's pid and the id of its spinning thread. */
    private static long[] awaitBusy(EventLog log, Run run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long seen = 0;
        while (System.nanoTime() < deadline) {
            for (Event e : log.awaitSince(seen, java.time.Duration.ofMillis(100))) {
                seen = e.seq();
                if (e.kind() == EventKind.NOTE && "busy".equals(e.get("bench"))) {
                    return new long[] {e.pid(), ((Number) e.get("tid")).longValue()};
                }
            }
            if (run.finished().isDone()) {
                throw new IllegalStateException("busy process ended with " + run.finished().join()
                        + " before reporting\n" + BenchMain.errors(log.snapshot()));
            }
        }
        throw new java.util.concurrent.TimeoutException("the busy process did not report within 60 s");
    }

    /** The stat files of the busy process and of each of its threads, kept open and read with pread. */
    private static final class Threads implements AutoCloseable {
        private final FileChannel process;
        private final FileChannel spinner;
        private final List<FileChannel> all = new ArrayList<>();
        private final ByteBuffer buf = ByteBuffer.allocate(1024);

        Threads(long pid, long spinnerTid) throws IOException {
            Path proc = Path.of("/proc", Long.toString(pid));
            process = FileChannel.open(proc.resolve("stat"));
            spinner = FileChannel.open(proc.resolve("task").resolve(Long.toString(spinnerTid)).resolve("stat"));
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
                for (Path task : tasks) {
                    all.add(FileChannel.open(task.resolve("stat")));
                }
            }
        }

        char process() throws IOException {
            return letter(process);
        }

        char spinner() throws IOException {
            return letter(spinner);
        }

        int count() {
            return all.size();
        }

        boolean allStopped() throws IOException {
            for (FileChannel task : all) {
                if (letter(task) != 'T') {
                    return false;
                }
            }
            return true;
        }

        private char letter(FileChannel stat) throws IOException {
            buf.clear();
            int n = stat.read(buf, 0);
            for (int i = n - 1; i >= 0; i--) {
                if (buf.get(i) == ')') {
                    return (char) buf.get(i + 2);
                }
            }
            // A thread that ended since we opened its file reads as empty: it cannot hold the pause back.
            return n <= 0 ? 'T' : '?';
        }

        @Override
        public void close() throws IOException {
            process.close();
            spinner.close();
            for (FileChannel task : all) {
                task.close();
            }
        }
    }
}
