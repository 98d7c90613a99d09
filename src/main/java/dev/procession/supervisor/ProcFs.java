package dev.procession.supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Linux {@code /proc} for one process.
 *
 * <p>Every read races with the process exiting: a file may vanish between listing and opening
 * ({@link NoSuchFileException}), a read on an already-open file of a dead process fails with ESRCH,
 * and content may come back empty or cut short. All of these mean "gone" and yield an empty result
 * instead of an exception. On systems without {@code /proc} (macOS) every method returns empty.
 */
public final class ProcFs {

    private static final Path PROC = Path.of("/proc");

    /**
     * {@code /proc/PID/task/TID/children} needs CONFIG_PROC_CHILDREN (enabled by most distributions,
     * not all), so check once on ourselves and fall back to scanning every process' parent pid.
     */
    private static final boolean CHILDREN_FILES = Files.isReadable(
            PROC.resolve(Long.toString(ProcessHandle.current().pid())).resolve("task")
                    .resolve(Long.toString(ProcessHandle.current().pid())).resolve("children"));

    private static final boolean AVAILABLE = Files.isDirectory(PROC.resolve("self"));

    private ProcFs() {}

    /**
     * Alive and not a zombie: a zombie is dead already, its reaper may be slow (or absent, as PID 1
     * in some containers). Without {@code /proc}, whatever the JDK says.
     */
    public static boolean living(long pid) {
        return AVAILABLE
                ? state(pid).map(s -> s != 'Z' && s != 'X').orElse(false)
                : ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A snapshot of {@code pid}, or empty if it does not exist (any more). */
    public static Optional<ProcStat> read(long pid) {
        // A second file, so the process may exit in between: then it is gone, and empty says so.
        return readStat(pid).flatMap(stat -> readIfPresent(procDir(pid).resolve("status"))
                .map(status -> stat.withRssBytes(parseVmRssBytes(new String(status, StandardCharsets.UTF_8)))));
    }

    /** {@code /proc/PID/stat} only (rssBytes 0): one read. */
    private static Optional<ProcStat> readStat(long pid) {
        Optional<byte[]> stat = readIfPresent(procDir(pid).resolve("stat"));
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseStat(completeLine(stat.get())));
        } catch (IllegalArgumentException halfRead) {
            return Optional.empty();
        }
    }

    /**
     * The one-letter state of {@code pid} with a single read and no full parse: the cheap path for
     * polling, e.g. waiting for 'T' after SIGSTOP.
     */
    public static Optional<Character> state(long pid) {
        Optional<byte[]> stat = readIfPresent(procDir(pid).resolve("stat"));
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        byte[] b = stat.get();
        // ')' (0x29) never occurs inside a multi-byte UTF-8 sequence, so a byte search is safe.
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == ')') {
                return i + 2 < b.length && b[i + 1] == ' '
                        ? Optional.of((char) b[i + 2])
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The direct children of {@code pid}, in no particular order; empty if {@code pid} is gone.
     *
     * <p>Children belong to the <em>thread</em> that forked them, so every task's {@code children} file is read
     * (in a JVM, ProcessBuilder forks from whichever thread called it). Like the kernel's own file this is a
     * snapshot: a child forked or reaped during the call may be missed or included.
     */
    public static List<Long> children(long pid) {
        return CHILDREN_FILES ? childrenFromTaskFiles(pid) : childrenByScanning(pid);
    }

    private static List<Long> childrenFromTaskFiles(long pid) {
        Set<Long> result = new LinkedHashSet<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(procDir(pid).resolve("task"))) {
            for (Path task : tasks) {
                // A thread that exits hands its children to another thread of the group: skipping it is right.
                readIfPresent(task.resolve("children")).ifPresent(bytes -> parsePids(bytes, result));
            }
        } catch (NoSuchFileException gone) {
            return List.of();
        } catch (DirectoryIteratorException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw new UncheckedIOException(e.getCause());
            }
        } catch (IOException e) {
            if (Files.exists(procDir(pid))) {
                throw new UncheckedIOException(e);
            }
            return List.of();
        }
        return List.copyOf(result);
    }

    /** Fallback without CONFIG_PROC_CHILDREN: O(number of processes), fine for a supervisor's occasional use. */
    static List<Long> childrenByScanning(long pid) {
        List<Long> result = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path dir : all) {
                long candidate = Long.parseLong(dir.getFileName().toString());
                try {
                    readStat(candidate).filter(s -> s.ppid() == pid).ifPresent(s -> result.add(s.pid()));
                } catch (UncheckedIOException unreadable) {
                    // hidepid hides other users' processes; children we start run as us, so skipping is safe
                }
            }
        } catch (NoSuchFileException noProc) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(result);
    }

    /**
     * Live processes whose environment holds {@code entry} ("NAME=value") exactly: how a run finds
     * its processes wherever the kernel has re-parented them, even one whose start no parent
     * reported. Empty without /proc; processes of other users are skipped.
     */
    public static Set<Long> withEnvironment(String entry) {
        byte[] wanted = (entry + "\0").getBytes(StandardCharsets.UTF_8);
        Set<Long> found = new LinkedHashSet<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path dir : all) {
                try {
                    readIfPresent(dir.resolve("environ")).filter(env -> holds(env, wanted))
                            .ifPresent(env -> found.add(Long.parseLong(dir.getFileName().toString())));
                } catch (UncheckedIOException notOurs) {
                    // Another user's process: never one of ours.
                }
            }
        } catch (NoSuchFileException noProc) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Whether the NUL-separated {@code env} has {@code wanted} (which ends with NUL) as a whole entry. */
    private static boolean holds(byte[] env, byte[] wanted) {
        outer:
        for (int start = 0; start + wanted.length <= env.length; start++) {
            if (start > 0 && env[start - 1] != 0) {
                continue;
            }
            for (int i = 0; i < wanted.length; i++) {
                if (env[start + i] != wanted[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Parses one {@code /proc/PID/stat} line (rssBytes is left 0). The comm field is in parentheses and may
     * itself contain spaces and ')', so it runs from the first '(' to the <em>last</em> ')'.
     *
     * @throws IllegalArgumentException if the line is malformed or cut short
     */
    static ProcStat parseStat(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open <= 0 || close < open) {
            throw malformed(line);
        }
        // After ")": state(3) ppid(4) pgrp(5) session tty_nr tpgid flags minflt cminflt majflt cmajflt
        // utime(14) stime(15) cutime cstime priority nice num_threads(20) itrealvalue starttime(22) ...
        String[] f = line.substring(close + 1).strip().split(" ");
        if (f.length < 20 || f[0].length() != 1) {
            throw malformed(line);
        }
        try {
            return new ProcStat(
                    Long.parseLong(line.substring(0, open).strip()),
                    line.substring(open + 1, close),
                    f[0].charAt(0),
                    Long.parseLong(f[1]),
                    Long.parseLong(f[2]),
                    Long.parseLong(f[11]),
                    Long.parseLong(f[12]),
                    Long.parseLong(f[19]),
                    Integer.parseInt(f[17]),
                    0L);
        } catch (NumberFormatException e) {
            throw malformed(line);
        }
    }

    /**
     * PSS and USS of {@code pid} from {@code /proc/PID/smaps_rollup} (Linux 4.14+), or empty if it
     * is gone or the kernel has no such file. The kernel walks the page tables to make it, so it
     * costs far more than a stat read: sample it sparingly.
     */
    public static Optional<Memory> memory(long pid) {
        return readIfPresent(procDir(pid).resolve("smaps_rollup"))
                .flatMap(bytes -> parseSmapsRollup(new String(bytes, StandardCharsets.US_ASCII)));
    }

    /**
     * What a process's memory costs: {@code pssBytes}, its share of every page it maps (a shared
     * page counts 1/n to each of its n users), and {@code ussBytes}, the pages only it uses
     * (Private_Clean + Private_Dirty): what its death would give back.
     */
    public record Memory(long pssBytes, long ussBytes) {
    }

    /** The Pss and Private_* lines of smaps_rollup; empty when Pss is missing (a zombie's file is empty). */
    static Optional<Memory> parseSmapsRollup(String rollup) {
        long pss = -1;
        long privateBytes = 0;
        for (String line : rollup.split("\n")) {
            if (line.startsWith("Pss:")) {
                pss = kilobytesField(line);
            } else if (line.startsWith("Private_Clean:") || line.startsWith("Private_Dirty:")) {
                privateBytes += kilobytesField(line);
            }
        }
        return pss < 0 ? Optional.empty() : Optional.of(new Memory(pss, privateBytes));
    }

    /** "Pss:   1234 kB" in bytes; 0 when the number cannot be read. */
    private static long kilobytesField(String line) {
        String value = line.substring(line.indexOf(':') + 1).strip();
        int space = value.indexOf(' ');
        try {
            return Long.parseLong(space < 0 ? value : value.substring(0, space)) * 1024;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** VmRSS from {@code /proc/PID/status} in bytes; 0 when absent (zombies and kernel threads have no memory). */
    static long parseVmRssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return kilobytesField(line); // "VmRSS:	    2176 kB"
            }
        }
        return 0;
    }

    /** The kernel ends the stat line with '\n'; without it the read was cut short. */
    private static String completeLine(byte[] bytes) {
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
            throw new IllegalArgumentException("incomplete /proc stat line");
        }
        // comm is cut at 15 bytes, possibly inside a UTF-8 sequence: decode leniently (U+FFFD), never throw.
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
    }

    private static Optional<byte[]> readIfPresent(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            // e.g. /proc mounted with hidepid: not "gone", the caller must know.
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            // A file opened just before the process exited fails the read with ESRCH ("No such process").
            if (!Files.exists(file.getParent())) {
                return Optional.empty();
            }
            if (e.getMessage() != null && e.getMessage().contains("No such process")) {
                return Optional.empty();
            }
            throw new UncheckedIOException(e);
        }
    }

    private static void parsePids(byte[] bytes, Set<Long> into) {
        for (String token : new String(bytes, StandardCharsets.US_ASCII).split("\\s+")) {
            if (!token.isEmpty()) {
                into.add(Long.parseLong(token));
            }
        }
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Path procDir(long pid) {
        return PROC.resolve(Long.toString(pid));
    }

    private static IllegalArgumentException malformed(String line) {
        return new IllegalArgumentException("malformed /proc stat line: " + line);
    }
}
