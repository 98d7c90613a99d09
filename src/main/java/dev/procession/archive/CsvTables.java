package dev.procession.archive;

import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The process table and the per-process times as CSV (RFC 4180: commas, CRLF line ends, fields
 * with a comma, quote or line break quoted), for a spreadsheet. Seconds with three decimals, bytes
 * as whole numbers, so that a program can read them back.
 */
public final class CsvTables {
    private CsvTables() {
    }

    /** One row per process of {@code state}, as the process table shows it at that moment. */
    public static String processTable(RunState state) {
        StringBuilder out = new StringBuilder();
        row(out, "pid", "ppid", "name", "role", "status", "blocked_on", "daemon", "orphan", "line", "cpu_s",
                "rss_bytes", "pss_bytes", "exitcode", "how");
        for (ProcState p : state.processes().values()) {
            row(out, p.pid(), p.ppid(), p.name(), p.role(), p.status().name().toLowerCase(Locale.ROOT), p.blockedOn(),
                    p.daemon(), p.orphan(), p.line() == 0 ? null : p.line(), seconds(p.usage().cpuSeconds()),
                    p.usage().rssBytes(), p.usage().pssBytes(), p.exitCode(), p.exitHow());
        }
        return out.toString();
    }

    /** One row per process: CPU seconds and where its real time went. */
    public static String times(List<ProcessTimes> times) {
        StringBuilder out = new StringBuilder();
        row(out, "pid", "name", "role", "cpu_s", "wall_s", "starting_s", "running_s", "sleeping_s", "blocked_s",
                "paused_s", "exitcode");
        for (ProcessTimes t : times) {
            row(out, t.pid(), t.name(), t.role(), seconds(t.cpuSeconds()), seconds(t.wallSeconds()),
                    seconds(t.startingSeconds()), seconds(t.runningSeconds()), seconds(t.sleepingSeconds()),
                    seconds(t.blockedSeconds()), seconds(t.pausedSeconds()), t.exitCode());
        }
        return out.toString();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static void row(StringBuilder out, Object... fields) {
        out.append(Stream.of(fields).map(CsvTables::field).collect(Collectors.joining(","))).append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
