package dev.procession.testing;

import dev.procession.supervisor.Signal;
import dev.procession.supervisor.SignalException;
import dev.procession.supervisor.Signals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a JVM of its own, as a user starts it, so a test can kill it or send it a
 * Ctrl-C. {@link #close()} kills whatever of it is left, even processes the kernel re-parented.
 */
public final class CliProcess implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Set<Long> seen = new LinkedHashSet<>();

    private CliProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code procession ARGS}; with {@code ownSession} it leads a session and process group
     * of its own (as a shell's job would), so the test can signal the group without signalling itself.
     */
    private static final boolean DEFAULT_SIGNAL = envResetsSignals();

    private static boolean envResetsSignals() {
        try {
            return new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static CliProcess start(Path workDir, boolean ownSession, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (ownSession) {
            cmd.add("setsid");
        }
        // As a terminal starts a command: with Ctrl-C's default action. A test JVM started in the
        // background of a script (nohup mvn ... &) has SIGINT ignored, every child inherits that,
        // and a JVM that finds SIGINT ignored rightly ignores Ctrl-C too.
        if (DEFAULT_SIGNAL) {
            cmd.addAll(List.of("env", "--default-signal=INT"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), "dev.procession.cli.Main"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "cli-", ".out");
        Path err = Files.createTempFile(workDir, "cli-", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        return new CliProcess(pb.start(), out, err);
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** The processes below the CLI now (and remembered, so close() can kill them). */
    public Set<Long> descendants() {
        Set<Long> now = OsProcesses.descendants(pid());
        seen.addAll(now);
        return now;
    }

    /** Waits until the CLI has at least {@code count} processes below it; returns them. */
    public Set<Long> awaitDescendants(int count, Duration limit) {
        RealRun.await(limit, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the CLI ended early with " + process.exitValue() + "\n" + output());
            }
            return descendants().size() >= count;
        }, count + " processes below the CLI");
        return descendants();
    }

    /** The run's folder: every process of the run works in it (the Launcher sets their directory). */
    public Optional<Path> runDir() {
        for (long pid : descendants()) {
            try {
                Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
                if (cwd.getFileName().toString().startsWith("procession-run-")) {
                    return Optional.of(cwd);
                }
            } catch (IOException gone) {
                // Raced with its exit; try the next.
            }
        }
        return Optional.empty();
    }

    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the CLI did not exit within " + limit + "\n" + output());
        }
        return process.exitValue();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    public String output() {
        return "stdout:\n" + stdout() + "\nstderr:\n" + stderr();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        for (long pid : seen) {
            if (OsProcesses.alive(pid)) {
                try {
                    Signals.send(pid, Signal.KILL);
                } catch (SignalException gone) {
                    // Ended meanwhile.
                }
            }
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
