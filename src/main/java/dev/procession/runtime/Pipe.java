package dev.procession.runtime;

/** What Pipe() returns: {@code conn1, conn2 = Pipe()}. With duplex=False, first only receives. */
public record Pipe(Connection first, Connection second) {
}
