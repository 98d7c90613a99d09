package dev.procession.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the report says about the machine, read from /proc and /etc/os-release. */
final class Machine {
    private Machine() {
    }

    static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name", ":").orElse(System.getProperty("os.arch"));
    }

    static String memory() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal", ":")
                .map(v -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(v.split("\\s+")[0]) / 1024.0 / 1024))
                .orElse("?");
    }

    static String os() {
        String name = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", "=").map(v -> v.replace("\"", ""))
                .orElse(System.getProperty("os.name"));
        return name + ", kernel " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")";
    }

    private static java.util.Optional<String> firstValue(Path file, String key, String separator) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    int at = line.indexOf(separator);
                    if (at >= 0) {
                        return java.util.Optional.of(line.substring(at + 1).trim());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or unreadable: the caller has a fallback.
        }
        return java.util.Optional.empty();
    }
}
