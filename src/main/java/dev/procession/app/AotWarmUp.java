package dev.procession.app;

import dev.procession.runtime.AotCache;
import dev.procession.runtime.Launcher;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains the children's AOT cache in the user's cache folder when none is usable, as an installed
 * app finds on its first start (runtime/AotCache, jpackage/README.md): this app runs itself once
 * more, in the background, on a short traffic-light run whose main process writes the cache as it
 * ends. Children started meanwhile simply start without it.
 */
final class AotWarmUp {
    /** A training that has not ended after this long is taken as failed, and the next start tries again. */
    static final Duration STALE = Duration.ofMinutes(5);
    static final String MARKER_SUFFIX = ".training";
    static final List<String> TRAINING_RUN = List.of(
            "run", "traffic-light", "--set", "cars=3", "--set", "period=0.5", "--speed", "10");

    private AotWarmUp() {
    }

    /** Starts the training if a cache is missing and no other start is training it; never waits for it. */
    static Optional<Process> startIfMissing(Map<String, String> env) {
        Optional<Path> cache = AotCache.missing(Launcher.childClassPath(), env);
        if (cache.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!claim(cache.get().resolveSibling(cache.get().getFileName() + MARKER_SUFFIX))) {
                return Optional.empty();
            }
            ProcessBuilder pb = new ProcessBuilder(command());
            pb.environment().put(AotCache.ENV_TRAIN, cache.get().toString());
            pb.environment().put(AotCache.ENV_CACHE, "off");
            pb.environment().remove(Launcher.ENV_CHILD_OPTS);
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.redirectErrorStream(true);
            Process training = pb.start();
            training.getOutputStream().close();
            return Optional.of(training);
        } catch (IOException | RuntimeException e) {
            // A cache is an optimization: without one children start a little slower, nothing more.
            System.err.println(Messages.text("aot.trainingFailed", e.getMessage()));
            return Optional.empty();
        }
    }

    /** This very app on its own class path (an app's process, not a child: it needs the app's jars). */
    static List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(Launcher.java().toString(), "-XX:-UsePerfData",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ProcessionMain.class.getName()));
        cmd.addAll(TRAINING_RUN);
        return cmd;
    }

    /**
     * Takes the marker for this start, unless another start took it less than {@link #STALE} ago:
     * two windows opened at once train one cache. The marker stays; once the cache is usable nobody looks at it.
     */
    static boolean claim(Path marker) throws IOException {
        Files.createDirectories(marker.getParent());
        try {
            Files.createFile(marker);
            return true;
        } catch (FileAlreadyExistsException taken) {
            Instant since = Files.getLastModifiedTime(marker).toInstant();
            if (since.plus(STALE).isAfter(Instant.now())) {
                return false;
            }
            Files.setLastModifiedTime(marker, FileTime.from(Instant.now()));
            return true;
        }
    }
}
