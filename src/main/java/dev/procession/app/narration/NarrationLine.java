package dev.procession.app.narration;

/** One sentence of the narration: what event {@code seq} of process {@code pid} did (pid 0: the run's). */
public record NarrationLine(long seq, long micros, long pid, String text) {
}
