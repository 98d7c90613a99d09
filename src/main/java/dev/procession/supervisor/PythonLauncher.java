package dev.procession.supervisor;

import dev.procession.runtime.Launcher;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the user's python3 as a run's main program, with Procession's shim (a pure-Python
 * package shipped in these resources) on its {@code PYTHONPATH}: every process it starts through
 * multiprocessing then takes part in the run (docs/python.md).
 */
final class PythonLauncher {
    /** Which python3 to run, when not the first on the PATH. */
    static final String ENV_PYTHON = "PROCESSION_PYTHON";
    private static final String RESOURCES = "/dev/procession/python/";
    /** The shim's files, copied into each run's folder: a jar cannot be listed portably. */
    private static final List<String> SHIM_FILES = List.of("sitecustomize.py", "procession_shim/__init__.py",
            "procession_shim/caller.py", "procession_shim/client.py", "procession_shim/manager.py",
            "procession_shim/objects.py", "procession_shim/patches.py", "procession_shim/pool.py",
            "procession_shim/process.py", "procession_shim/queues.py", "procession_shim/targets.py",
            "procession_shim/wire.py");
    /** Says in one line why python3 cannot run the script (too old, not Python), exit 3; else nothing. */
    private static final String PROBE = String.join("\n",
            "import sys",
            "if sys.version_info < (3, 9):",
            "    print('python3 is %d.%d; Procession needs Python 3.9 or later' % sys.version_info[:2]); sys.exit(3)",
            "try:",
            "    compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')",
            "except SyntaxError as e:",
            "    print('%s is not Python: %s (line %s)' % (sys.argv[1], e.msg, e.lineno)); sys.exit(3)",
            "except (ValueError, UnicodeDecodeError) as e:",
            "    print('%s is not Python: %s' % (sys.argv[1], e)); sys.exit(3)");

    private PythonLauncher() {
    }

    /** The python3 to run: {@value #ENV_PYTHON}, or the first {@code python3} on the PATH. */
    static Path python() {
        String chosen = System.getenv(ENV_PYTHON);
        if (chosen != null && !chosen.isBlank()) {
            Path p = Path.of(chosen);
            if (Files.isExecutable(p)) {
                return p;
            }
            throw new IllegalArgumentException(ENV_PYTHON + " names " + chosen + ", which is not an executable");
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "python3");
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("python3 was not found on the PATH; run-python needs Python 3.9 or later");
    }

    /** Refuses, in one line, a script python3 cannot run (see {@link #PROBE}). */
    static void check(Path script) {
        ProcessBuilder pb = new ProcessBuilder(python().toString(), "-I", "-c", PROBE, script.toString());
        pb.redirectErrorStream(true);
        try {
            java.lang.Process p = pb.start();
            p.getOutputStream().close();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalArgumentException("python3 did not answer within 30 s");
            }
            if (p.exitValue() != 0) {
                String line = said.lines().reduce((a, b) -> b).orElse("python3 failed with exit code " + p.exitValue());
                throw new IllegalArgumentException(line);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot start python3: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while asking python3 about " + script, e);
        }
    }

    /** Copies the shim into {@code runDir/python} and returns that folder. */
    static Path extractShim(Path runDir) throws IOException {
        Path root = runDir.resolve("python");
        for (String name : SHIM_FILES) {
            Path to = root.resolve(name);
            Files.createDirectories(to.getParent());
            try (InputStream in = PythonLauncher.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("missing resource " + RESOURCES + name
                            + "; rebuild Procession"));
                }
                Files.copy(in, to);
            }
        }
        return root;
    }

    /** Starts the program as process {@code procId} of the run whose hub is at {@code socket}. */
    static java.lang.Process start(Path socket, String token, long procId, Path runDir, PythonProgram program)
            throws IOException {
        Path shim = extractShim(runDir);
        List<String> cmd = new ArrayList<>();
        cmd.add(python().toString());
        // Unbuffered: what a process wrote before a kill is in its log file, as on a terminal.
        cmd.add("-u");
        cmd.add(program.script().toString());
        cmd.addAll(program.args());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        String inherited = env.get("PYTHONPATH");
        env.put("PYTHONPATH", inherited == null || inherited.isEmpty() ? shim.toString()
                : shim + File.pathSeparator + inherited);
        env.put(Launcher.ENV_SOCKET, socket.toString());
        env.put(Launcher.ENV_TOKEN, token);
        env.put(Launcher.ENV_PROC, Long.toString(procId));
        env.put(Launcher.ENV_RUN_DIR, runDir.toString());
        File log = runDir.resolve("proc-" + procId + ".log").toFile();
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.directory(program.workDir().toFile());
        return pb.start();
    }
}
