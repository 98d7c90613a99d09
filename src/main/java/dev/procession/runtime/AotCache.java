package dev.procession.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JDK's AOT cache for child JVMs (JEP 483/514/515): classes already loaded and linked, and
 * method profiles, trained once from a real run. It makes each child start with about a quarter
 * less CPU and a few MB less memory (see docs/benchmarks.md).
 *
 * <p>Training: with {@value #ENV_TRAIN}=FILE in its environment, the app starts the run's main
 * process with {@code -XX:AOTCacheOutput=FILE} (its own children do not train) and writes FILE's
 * fingerprint beside it; the cache is written when that process ends. scripts/train-aot.sh does it
 * with a short scenario run.
 *
 * <p>Use: {@value #ENV_CACHE}=FILE, or else {@value #DEFAULT_NAME} beside the jar this class is in
 * (what {@code ./procession} trains), or else the one in the user's cache folder for this class path
 * ({@link #missing}: an installed app trains it on its first start, see app/AotWarmUp);
 * {@value #ENV_CACHE}=off disables it. A cache is used only when its fingerprint (JDK, and the
 * path, size and time of every class path entry) matches this JVM's: JDK 25.0.3 does not reject a
 * cache whose jar changed (JDK-8377932, fixed in 25.0.4) and would run the old classes. Class
 * folders (as under Maven's tests) never use a cache: the JDK caches classes from jars only.
 */
public final class AotCache {
    /** Where the cache is, or "off". */
    public static final String ENV_CACHE = "PROCESSION_AOT_CACHE";
    /** Train a cache into this file from the next run's main process. */
    public static final String ENV_TRAIN = "PROCESSION_AOT_TRAIN";
    public static final String DEFAULT_NAME = "procession-child.aot";
    private static final String FINGERPRINT_SUFFIX = ".id";

    private AotCache() {
    }

    /**
     * The JVM options for a child with class path {@code classPath}, given the app's environment:
     * training, a usable cache, or none.
     */
    static List<String> options(String classPath, Map<String, String> env) {
        String extra = env.get(Launcher.ENV_CHILD_OPTS);
        if (extra != null && extra.contains("-XX:AOT")) {
            return List.of();                       // the user chose by hand
        }
        if (training(env)) {
            return List.of("-XX:AOTCacheOutput=" + Path.of(env.get(ENV_TRAIN)).toAbsolutePath());
        }
        return usable(classPath, env).map(p -> List.of("-XX:AOTCache=" + p)).orElse(List.of());
    }

    static boolean training(Map<String, String> env) {
        String train = env.get(ENV_TRAIN);
        return train != null && !train.isBlank();
    }

    /** Writes the fingerprint of the cache about to be trained for {@code classPath}. */
    static void prepareTraining(String classPath, Map<String, String> env) throws IOException {
        Path cache = Path.of(env.get(ENV_TRAIN)).toAbsolutePath();
        Optional<String> fingerprint = fingerprint(classPath);
        if (fingerprint.isEmpty()) {
            throw new IOException("cannot train an AOT cache: the class path must be jars only, got " + classPath);
        }
        Files.createDirectories(cache.getParent());
        Files.deleteIfExists(cache);
        Files.writeString(fingerprintFile(cache), fingerprint.get(), StandardCharsets.UTF_8);
    }

    private static Optional<Path> usable(String classPath, Map<String, String> env) {
        String setting = env.get(ENV_CACHE);
        if ("off".equals(setting)) {
            return Optional.empty();
        }
        if (setting != null && !setting.isBlank()) {
            return Optional.of(Path.of(setting).toAbsolutePath()).filter(c -> usable(c, classPath));
        }
        return besideOurJar().filter(c -> usable(c, classPath))
                .or(() -> inUserCache(classPath, env).filter(c -> usable(c, classPath)));
    }

    private static boolean usable(Path cache, String classPath) {
        return Files.isRegularFile(cache) && matches(cache, classPath);
    }

    /**
     * Where a cache for {@code classPath} should be trained because none is usable: the user's cache
     * folder. Empty when one is usable, when caches are off or chosen by hand, while training, and
     * for class folders (which never use one).
     */
    public static Optional<Path> missing(String classPath, Map<String, String> env) {
        String setting = env.get(ENV_CACHE);
        String extra = env.get(Launcher.ENV_CHILD_OPTS);
        if (training(env) || (setting != null && !setting.isBlank()) || (extra != null && extra.contains("-XX:AOT"))
                || fingerprint(classPath).isEmpty() || usable(classPath, env).isPresent()) {
            return Optional.empty();
        }
        return inUserCache(classPath, env);
    }

    /**
     * The cache for {@code classPath} in the user's cache folder (XDG_CACHE_HOME or $HOME/.cache on
     * Linux, ~/Library/Caches on macOS, LOCALAPPDATA on Windows), one per class path: an installed
     * app's own folder is not writable, and its jars' times change on install, so a cache trained
     * at packaging time would not match (JDK 25.0.4 rejects it too).
     */
    static Optional<Path> inUserCache(String classPath, Map<String, String> env) {
        return userCacheFolder(env).map(dir -> dir.resolve("procession").resolve(
                "child-" + HexFormat.of().formatHex(sha256(classPath), 0, 8) + ".aot"));
    }

    private static Optional<Path> userCacheFolder(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        // $HOME first, as other desktop programs read it (Java's user.home comes from the password file).
        String home = Optional.ofNullable(env.get("HOME")).filter(h -> Path.of(h).isAbsolute())
                .orElse(System.getProperty("user.home"));
        String xdg = env.get("XDG_CACHE_HOME");
        String local = env.get("LOCALAPPDATA");
        if (os.startsWith("windows")) {
            return Optional.ofNullable(local).filter(d -> !d.isBlank()).map(Path::of);
        }
        if (os.startsWith("mac")) {
            return Optional.ofNullable(home).map(h -> Path.of(h, "Library", "Caches"));
        }
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg));
        }
        return Optional.ofNullable(home).filter(h -> !h.isBlank() && !"?".equals(h)).map(h -> Path.of(h, ".cache"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean matches(Path cache, String classPath) {
        try {
            String recorded = Files.readString(fingerprintFile(cache), StandardCharsets.UTF_8);
            return fingerprint(classPath).map(recorded::equals).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** The JDK and every class path entry with its size and modification time; empty if one is a folder. */
    private static Optional<String> fingerprint(String classPath) {
        StringBuilder sb = new StringBuilder();
        sb.append("java.home=").append(System.getProperty("java.home")).append('\n');
        sb.append("java.vm.version=").append(System.getProperty("java.vm.version")).append('\n');
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath();
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (!a.isRegularFile()) {
                    return Optional.empty();
                }
                sb.append(p).append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis())
                        .append('\n');
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(sb.toString());
    }

    private static Optional<Path> besideOurJar() {
        return Launcher.ownJar().map(jar -> jar.resolveSibling(DEFAULT_NAME));
    }

    private static Path fingerprintFile(Path cache) {
        return cache.resolveSibling(cache.getFileName() + FINGERPRINT_SUFFIX);
    }
}
