package dev.procession.app.console;

/** One line a process printed, with the colour class of its process. */
public record ConsoleLine(long pid, String proc, String colorClass, double seconds, String text) {
}
