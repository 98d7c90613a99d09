package dev.procession.cli;

import dev.procession.scenario.BadParameterException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --events FILE}, checked before the run starts so a typo costs nothing. */
final class EventsFile {
    private EventsFile() {
    }

    /** Fails with one line when {@code file} cannot be the event log; null (no --events) is fine. */
    static void check(Path file) {
        if (file == null) {
            return;
        }
        if (file.toString().isBlank()) {
            throw new BadParameterException("--events needs a file name, got an empty one");
        }
        if (Files.isDirectory(file)) {
            throw new BadParameterException("--events " + file + " is a folder; give a file name in it");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BadParameterException("--events " + file + ": the folder " + folder + " does not exist");
        }
        if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(folder)) {
            throw new BadParameterException("--events " + file + " cannot be written (no permission)");
        }
    }
}
