package dev.procession.runtime;

/** What {@code with lock:} is in Python: try-with-resources releases on the way out. */
@FunctionalInterface
public interface Held extends AutoCloseable {
    @Override
    void close();
}
