package dev.procession.supervisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A run's private folder (0700): the hub's socket, the processes' logs, shared files. Its
 * {@value #OWNER} file names the JVM that owns it, so that the next start can remove the folders of
 * owners that died without closing their run (a {@code kill -9}).
 */
final class RunDirectory {
    static final String PREFIX = "procession-run-";
    /** "PID START-TICKS" of the owning JVM: a PID alone could be reused by another process. */
    static final String OWNER = "owner";

    private RunDirectory() {
    }

    static Path create() throws IOException {
        removeAbandoned(Path.of(System.getProperty("java.io.tmpdir")));
        Path dir = Files.createTempDirectory(PREFIX,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(dir.resolve(OWNER), ownerOf(ProcessHandle.current().pid()).orElse(""),
                StandardCharsets.US_ASCII);
        return dir;
    }

    /** Removes the run folders in {@code tmp} whose owner is dead; folders without an owner file are left. */
    static void removeAbandoned(Path tmp) {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path run : runs) {
                if (abandoned(run)) {
                    delete(run);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // Tidying is a courtesy: a run starts all the same.
        }
    }

    private static boolean abandoned(Path run) {
        String owner;
        try {
            owner = Files.readString(run.resolve(OWNER), StandardCharsets.US_ASCII).trim();
        } catch (IOException noOwnerFile) {
            return false;
        }
        String[] parts = owner.split(" ");
        if (parts.length != 2) {
            return false;
        }
        try {
            return !ownerOf(Long.parseLong(parts[0])).map(owner::equals).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** "PID START-TICKS" of a live process; empty when it does not exist (or is a zombie). */
    private static Optional<String> ownerOf(long pid) {
        return ProcFs.read(pid).filter(s -> s.state() != 'Z' && s.state() != 'X')
                .map(s -> pid + " " + s.startTimeTicks());
    }

    static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // A leftover temp folder is harmless; the run is over either way.
        }
    }
}
