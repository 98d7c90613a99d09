package dev.procession.app.replay;

import dev.procession.archive.CsvTables;
import dev.procession.archive.PngEncoder;
import dev.procession.archive.ProcessTimes;
import dev.procession.events.Event;
import dev.procession.model.RunState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/**
 * What can be exported from the run on screen, live or replayed, each written whole or not at all
 * (a temporary file moved into place): the log, the timeline as a picture, the process table and
 * each process's times.
 */
public enum RunExport {
    LOG("jsonl"), TIMELINE("png"), TABLE("csv"), TIMES("csv");

    private final String extension;

    RunExport(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The run on screen, as an export needs it: its whole log, the events shown, the state shown, the timeline's picture. */
    public record Source(List<Event> log, List<Event> shown, RunState state, Supplier<Image> timeline) {
    }

    public void write(Source source, Path file) throws IOException {
        byte[] bytes = switch (this) {
            case LOG -> jsonLines(source.log());
            case TIMELINE -> png(source.timeline().get());
            case TABLE -> CsvTables.processTable(source.state()).getBytes(StandardCharsets.UTF_8);
            case TIMES -> CsvTables.times(ProcessTimes.of(source.shown())).getBytes(StandardCharsets.UTF_8);
        };
        // Beside the file, with the user's usual permissions (a temporary file's are owner-only).
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] jsonLines(List<Event> events) {
        StringBuilder out = new StringBuilder();
        events.forEach(e -> out.append(e.toJsonLine()).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return PngEncoder.encode(w, h, argb);
    }
}
