package dev.procession.hub;

/**
 * A call held in step mode, safe to read on any thread.
 *
 * @param op  the request's op ({@code acquire}, {@code sleep}, {@code proc.join}), or the kind a log
 *            request records ({@code file-read})
 * @param obj the primitive ("Lock#3") or the joined child's name, or null
 * @param line the listing line the process is at, or null
 */
public record HeldStep(long pid, String proc, String op, String obj, Long line) {
}
