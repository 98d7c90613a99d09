package dev.procession.app.timeline;

import dev.procession.model.ProcStatus;
import java.util.ArrayList;
import java.util.List;

/** One process's swimlane: its status over time, as a list of changes, and its markers. */
final class Lane {
    record Change(long micros, ProcStatus status) {
    }

    record Marker(long micros, String label) {
    }

    final long pid;
    String name;
    int colorIndex;
    final List<Change> changes = new ArrayList<>();
    final List<Marker> markers = new ArrayList<>();

    Lane(long pid, String name, int colorIndex) {
        this.pid = pid;
        this.name = name;
        this.colorIndex = colorIndex;
    }

    void change(long micros, ProcStatus status) {
        if (changes.isEmpty() || changes.getLast().status() != status) {
            changes.add(new Change(micros, status));
        }
    }
}
