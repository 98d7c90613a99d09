package dev.procession.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.jar.JarFile;

/**
 * Starts the JVM of a new process of the run. The child's parent is the JVM that calls
 * {@link #start}: a grandchild's parent is its parent process, never the app.
 *
 * <p>A child's class path holds Procession's own classes only, never the app's libraries (JavaFX
 * and the like): the first of these that applies (docs/architecture.md, "Child class path").
 * <ol>
 *   <li>the system property {@value #CHILD_CLASS_PATH}, which every child inherits from its parent;</li>
 *   <li>the jar named by the {@value #MANIFEST_CHILD_CLASS_PATH} attribute of the jar this class
 *       was loaded from (Maven writes it into the app's jar: the child jar beside it);</li>
 *   <li>the class folders of {@code java.class.path}, and the jar this class was loaded from
 *       (tests and IDEs run from class folders: every library jar is left out).</li>
 * </ol>
 */
public final class Launcher {
    /** Extra JVM options for every child, such as an AOT cache: {@code PROCESSION_CHILD_OPTS}. */
    public static final String ENV_CHILD_OPTS = "PROCESSION_CHILD_OPTS";
    /** The class path of every child, when set: for packagings the manifest rule does not cover. */
    public static final String CHILD_CLASS_PATH = "procession.child.classpath";
    /** In the app's jar's manifest: the child jar, relative to the app's jar. */
    public static final String MANIFEST_CHILD_CLASS_PATH = "Procession-Child-Class-Path";

    /** Chosen for start-up time and footprint: children are small and short-lived. */
    private static final List<String> CHILD_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss256k", "-Xms8m", "-Xmx64m",
            "-XX:CICompilerCount=1",
            // No replay of the training run's compilations: one thread less per child, and with C1
            // only it did not start a child any sooner. (The diagnostic unlock also lets
            // PROCESSION_CHILD_OPTS add -XX:ArchiveRelocationMode=0: see docs/benchmarks.md, "Child memory".)
            "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining",
            // Nothing of a child stays in /tmp when a signal kills it: no perf data file, no attach socket.
            "-XX:-UsePerfData", "-XX:+DisableAttachMechanism",
            // Signals keep their default meaning, so SIGTERM kills at once as it does a Python child.
            "-Xrs");

    private Launcher() {
    }

    public static List<String> command() {
        String classPath = childClassPath();
        List<String> cmd = new ArrayList<>();
        cmd.add(java().toString());
        cmd.addAll(CHILD_FLAGS);
        cmd.addAll(AotCache.options(classPath, System.getenv()));
        String extra = System.getenv(ENV_CHILD_OPTS);
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        // The whole tree runs on the class path the app chose; a child never works it out again.
        cmd.add("-D" + CHILD_CLASS_PATH + "=" + classPath);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(ChildMain.class.getName());
        return cmd;
    }

    /**
     * The {@code java} of the runtime this JVM runs on: the JDK's, or an app image's own runtime
     * (jpackage/README.md: the image keeps {@code bin/java} for this). Never one found on the PATH.
     */
    public static Path java() {
        Path home = Path.of(System.getProperty("java.home"));
        for (String name : List.of("java", "java.exe")) {
            Path java = home.resolve("bin").resolve(name);
            if (Files.isExecutable(java)) {
                return java;
            }
        }
        throw new NoJavaToStartException("this Java runtime (" + home + ") has no bin/java to start processes with;"
                + " an app image must keep it (jpackage/README.md)");
    }

    private static volatile String childClassPath;

    /** The class path children run with (see the class comment); absolute, as a child runs in the run's folder. */
    public static String childClassPath() {
        String cp = childClassPath;
        if (cp == null) {
            cp = findChildClassPath();
            childClassPath = cp;
        }
        return cp;
    }

    private static String findChildClassPath() {
        String explicit = System.getProperty(CHILD_CLASS_PATH);
        if (explicit != null && !explicit.isBlank()) {
            return absolute(explicit);
        }
        Optional<Path> ownJar = ownJar();
        if (ownJar.isPresent()) {
            Optional<String> named = namedInManifest(ownJar.get());
            if (named.isPresent()) {
                return named.get();
            }
        }
        StringJoiner out = new StringJoiner(File.pathSeparator);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(p) || ownJar.map(p::equals).orElse(false)) {
                out.add(p.toString());
            }
        }
        return out.toString();
    }

    /** The child jars the app's jar names, resolved beside it; a named jar that is missing is an error. */
    private static Optional<String> namedInManifest(Path appJar) {
        String names;
        try (JarFile jar = new JarFile(appJar.toFile())) {
            var manifest = jar.getManifest();
            names = manifest == null ? null : manifest.getMainAttributes().getValue(MANIFEST_CHILD_CLASS_PATH);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + appJar, e);
        }
        if (names == null || names.isBlank()) {
            return Optional.empty();
        }
        StringJoiner out = new StringJoiner(File.pathSeparator);
        for (String name : names.trim().split("\\s+")) {
            Path jar = appJar.resolveSibling(name).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("the child jar " + jar + " named in " + appJar
                        + " is missing; rebuild Procession (./mvnw package)");
            }
            out.add(jar.toString());
        }
        return Optional.of(out.toString());
    }

    /** The jar this class (the runtime) was loaded from; empty for a class folder. */
    static Optional<Path> ownJar() {
        CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI()).toAbsolutePath();
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

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
            AotCache.prepareTraining(childClassPath(), System.getenv());
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
