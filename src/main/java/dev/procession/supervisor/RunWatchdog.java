package dev.procession.supervisor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Ends a run's processes when the app or CLI that owns it dies without closing it (a
 * {@code kill -9}, a crash): a small shell that waits on a pipe from the owner and, when the pipe
 * breaks, SIGKILLs every process whose environment carries the run's token, paused ones too, until
 * none is left, then deletes the run's folder.
 *
 * <p>Why not each child's {@code PR_SET_PDEATHSIG}: it would also kill a child when its parent
 * process dies, and Procession keeps Python's orphans alive; and setting it through FFM doubles a
 * child's start-up. The watchdog needs no help from the processes, so a stopped one is killed too.
 * Linux only (it reads {@code /proc}); elsewhere there is none (docs/reliability.md).
 */
final class RunWatchdog implements AutoCloseable {
    /** Where the watchdog finds the token: never on its command line, where ps would show it. */
    private static final String ENV_TOKEN = "PROCESSION_WATCHED_TOKEN";

    /**
     * $1 the run folder. Signals sent to the terminal's process group are ignored: the owner
     * handles those and tells the watchdog by "done" once the run is closed. The pattern reaches
     * grep on its standard input (printf is built in), so no command line shows the token either.
     * The killing goes on until ten looks in a row find nothing: a process the owner was starting
     * as it died carries the token only once its exec is done.
     */
    private static final String SCRIPT = """
            trap '' INT TERM HUP QUIT
            while read -r line; do [ "$line" = done ] && exit 0; done
            quiet=0
            while [ $quiet -lt 10 ]; do
              pids=$(printf 'PROCESSION_TOKEN=%s\n' "$PROCESSION_WATCHED_TOKEN" \
                | grep -lsaFf - /proc/[0-9]*/environ | cut -d/ -f3)
              if [ -z "$pids" ]; then quiet=$((quiet + 1)); else quiet=0; kill -9 $pids 2>/dev/null; fi
              sleep 0.05
            done
            rm -rf -- "$1"
            """;

    private final Process shell;

    private RunWatchdog(Process shell) {
        this.shell = shell;
    }

    /** Starts a watchdog for the run with {@code token} in {@code runDir}; empty where there is none. */
    static Optional<RunWatchdog> start(String token, Path runDir) {
        if (!Files.isDirectory(Path.of("/proc/self")) || !Files.isExecutable(Path.of("/bin/sh"))) {
            return Optional.empty();
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-c", SCRIPT, "procession-watchdog",
                    runDir.toString()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put(ENV_TOKEN, token);
            Process shell = pb.start();
            return Optional.of(new RunWatchdog(shell));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The run was closed by its owner: the watchdog leaves without touching anything. */
    @Override
    public void close() {
        try (OutputStream in = shell.getOutputStream()) {
            in.write("done\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException gone) {
            // It ended already.
        }
        try {
            if (!shell.waitFor(2, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
            }
        } catch (InterruptedException e) {
            shell.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
