package dev.procession.model;

/**
 * A process's resources at the supervisor's last sample: CPU seconds so far, and memory as
 * resident (RSS), proportional (PSS: shared pages divided among their users) and unique (USS).
 */
public record Usage(double cpuSeconds, long rssBytes, long pssBytes, long ussBytes) {
    public static final Usage NONE = new Usage(0, 0, 0, 0);
}
