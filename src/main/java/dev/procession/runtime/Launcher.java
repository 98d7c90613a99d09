package dev.procession.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Starts the JVM of a new process of the run. The child's parent is the JVM that calls
 * {@link #start}: a grandchild's parent is its parent process, never the app.
 */
public final class Launcher {
    /** Extra JVM options for every child, such as an AOT cache: {@code PROCESSION_CHILD_OPTS}. */
    public static final String ENV_CHILD_OPTS = "PROCESSION_CHILD_OPTS";

    /** Chosen for start-up time and footprint: children are small and short-lived. */
    private static final List<String> CHILD_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss256k", "-Xms8m", "-Xmx64m",
            "-XX:-UsePerfData", "-XX:CICompilerCount=1",
            // Signals keep their default meaning, so SIGTERM kills at once as it does a Python child.
            "-Xrs");

    private Launcher() {
    }

    public static List<String> command() {
        String classPath = CLASS_PATH;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(CHILD_FLAGS);
        cmd.addAll(AotCache.options(classPath, System.getenv()));
        String extra = System.getenv(ENV_CHILD_OPTS);
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(ChildMain.class.getName());
        return cmd;
    }

    /** Absolute, since a child runs in the run's folder. */
    private static final String CLASS_PATH = absolute(System.getProperty("java.class.path"));

    private static String absolute(String classPath) {
        StringJoiner out = new StringJoiner(File.pathSeparator);
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                out.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return out.toString();
    }

    /**
     * Starts the process with id {@code procId}; its output goes to a file in the run folder.
     * {@code label} (the program and the process's name) follows the main class on the command
     * line only so that {@code ps} shows which process is which; the child ignores it.
     */
    public static java.lang.Process start(Path socket, String token, long procId, Path runDir, String... label)
            throws IOException {
        if (AotCache.training(System.getenv())) {
            AotCache.prepareTraining(CLASS_PATH, System.getenv());
        }
        List<String> cmd = new ArrayList<>(command());
        cmd.addAll(List.of(label));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        // Only this process trains the cache; its own children run as usual.
        env.remove(AotCache.ENV_TRAIN);
        env.put(ENV_SOCKET, socket.toString());
        env.put(ENV_TOKEN, token);
        env.put(ENV_PROC, Long.toString(procId));
        env.put(ENV_RUN_DIR, runDir.toString());
        File log = runDir.resolve("proc-" + procId + ".log").toFile();
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.directory(runDir.toFile());
        return pb.start();
    }

    // How a child learns its hub, token, id and folder (docs/protocol.md); the supervisor uses these too.
    public static final String ENV_SOCKET = "PROCESSION_SOCKET";
    public static final String ENV_TOKEN = "PROCESSION_TOKEN";
    public static final String ENV_PROC = "PROCESSION_PROC";
    public static final String ENV_RUN_DIR = "PROCESSION_RUN_DIR";
}
