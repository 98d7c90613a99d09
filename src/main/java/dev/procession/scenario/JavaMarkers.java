package dev.procession.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the markers of a scenario's Java program: each {@code mp.at("name");} stands alone on
 * its line and marks the statement that follows it, so a process at {@code name} is shown on
 * that statement's line (the call that blocks, sleeps or prints), not on the marker's.
 */
final class JavaMarkers {
    static final String CALL = "mp.at(\"";

    private JavaMarkers() {
    }

    static Listing parse(String fileName, List<String> lines) {
        Map<String, Integer> markers = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith(CALL)) {
                continue;
            }
            int end = line.indexOf('"', CALL.length());
            String name = line.substring(CALL.length(), Math.max(end, CALL.length()));
            if (end < 0 || !line.substring(end).equals("\");") || !PythonMarkers.isName(name)) {
                throw new IllegalStateException(fileName + ":" + (i + 1) + ": a marker call stands alone: mp.at(\"name\");");
            }
            if (i + 1 >= lines.size() || lines.get(i + 1).isBlank()) {
                throw new IllegalStateException(fileName + ":" + (i + 1) + ": mp.at(\"" + name
                        + "\") must be followed by the statement it marks");
            }
            if (markers.putIfAbsent(name, i + 2) != null) {
                throw new IllegalStateException(fileName + ":" + (i + 1) + ": mp.at(\"" + name
                        + "\") is called at line " + (markers.get(name) - 1) + " already");
            }
        }
        return new Listing(fileName, lines, markers);
    }
}
