package dev.procession.archive;

import dev.procession.events.EventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder where every run started from the window is saved, one JSON Lines file per run, named
 * by its start time and scenario ({@code 20261130-214501-123-tickets.jsonl}). It keeps the newest
 * {@value #KEEP} runs: saving one more removes the oldest of its own files, never a file it did not
 * name. The folder is the system property {@code procession.data} or the environment's
 * {@code PROCESSION_DATA} if set (tests, scripts), else the user's data folder.
 */
public final class RunArchive {
    public static final int KEEP = 100;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);
    /** The names this archive gives: only these are ever removed to keep the folder bounded. */
    private static final Pattern OWN = Pattern.compile("\\d{8}-\\d{6}-\\d{3}-[A-Za-z0-9_.-]+\\.jsonl");

    private final Path folder;
    private final int keep;

    public RunArchive(Path folder) {
        this(folder, KEEP);
    }

    RunArchive(Path folder, int keep) {
        this.folder = folder;
        this.keep = keep;
    }

    /** This user's folder of saved runs on this system. */
    public static RunArchive forThisUser() {
        Path named = UserFolders.override("procession.data", "PROCESSION_DATA");
        return new RunArchive(named != null ? named : UserFolders.data().resolve("runs"));
    }

    public Path folder() {
        return folder;
    }

    /**
     * Starts saving {@code log} as it grows, into a new file named for now and {@code scenario};
     * then removes the oldest saved runs beyond the newest {@value #KEEP}.
     */
    public Recording record(EventLog log, String scenario) throws IOException {
        Files.createDirectories(folder);
        String base = LocalDateTime.now().format(STAMP) + "-" + scenario.replaceAll("[^A-Za-z0-9_.-]", "_");
        Path file = folder.resolve(base + ".jsonl");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(base + "." + n + ".jsonl");
        }
        Recording recording = Recording.start(log, file);
        prune(file);
        return recording;
    }

    /** Saved runs, newest first: every {@code .jsonl} file of the folder (its own and any put there). */
    public List<Path> recent() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(RunArchive::modified).reversed()
                            .thenComparing(Comparator.comparing(Path::toString).reversed()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void prune(Path keepThis) throws IOException {
        List<Path> own = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> OWN.matcher(f.getFileName().toString()).matches()).forEach(own::add);
        }
        // The names begin with the time: their order is the order the runs were started in.
        own.sort(Comparator.comparing(Path::getFileName).reversed());
        for (Path old : own.subList(Math.min(keep, own.size()), own.size())) {
            if (!old.equals(keepThis)) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
