package dev.procession.archive;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.RunHeader;
import dev.procession.model.RunState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run read back from its JSON Lines file: its events, checked to be a Procession log (a {@code run}
 * header first, sequence numbers from 1 without gaps). A last line cut short by a crash is left out
 * ({@link #truncated()}) so the run replays up to it; anything else malformed is refused with the
 * line it is on. The file itself is never changed.
 *
 * @param truncated the file ended in a partial line, which was left out
 */
public record SavedRun(Path file, List<Event> events, boolean truncated) {
    public SavedRun {
        events = List.copyOf(events);
    }

    public static SavedRun read(Path file) throws BadRunFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new BadRunFileException("cannot read " + file + ": " + reason(e), e);
        }
        String[] lines = text.split("\n", -1);
        // The text after the last newline: empty when the file ends its last line properly.
        int complete = lines.length - 1;
        List<Event> events = new ArrayList<>();
        boolean truncated = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Event e;
            try {
                e = Event.fromJsonLine(line);
            } catch (RuntimeException bad) {
                if (i == complete && !events.isEmpty()) {
                    truncated = true;                // a write cut short by a crash: replay up to it
                    break;
                }
                throw new BadRunFileException(events.isEmpty() && i == 0 ? notARun(file, "its first line is not JSON")
                        : file + ":" + (i + 1) + ": not an event of the log (" + bad.getMessage() + ")", bad);
            }
            if (events.isEmpty() && e.kind() != EventKind.RUN) {
                throw new BadRunFileException(notARun(file, "its first event is '" + e.kind().wireName()
                        + "', not the run's header"));
            }
            long expected = events.size() + 1L;
            if (e.seq() != expected) {
                throw new BadRunFileException(file + ":" + (i + 1) + ": event number " + e.seq() + " where "
                        + expected + " was due (a log edited or joined from two runs?)");
            }
            events.add(e);
        }
        if (events.isEmpty()) {
            throw new BadRunFileException(notARun(file, "it is empty"));
        }
        return new SavedRun(file, events, truncated);
    }

    /** The header: scenario, parameters, speed, version and listing. */
    public RunHeader header() {
        return RunState.EMPTY.apply(events.getFirst()).header();
    }

    public long lastSeq() {
        return events.size();
    }

    private static String notARun(Path file, String why) {
        return file + " is not a saved Procession run: " + why;
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.charset.MalformedInputException) {
            return "it is not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
