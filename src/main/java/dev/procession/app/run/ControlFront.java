package dev.procession.app.run;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The one way commands reach the supervisor (start, stop, pause, resume, speed): off the FX thread,
 * one at a time in the order given, with results and errors handed back on the FX thread. A
 * synchronous twin ({@link DirectControlFront}) runs the same commands in line for tests.
 */
public interface ControlFront extends AutoCloseable {

    /** A command for the supervisor; it may block (a stop waits for every process to end). */
    @FunctionalInterface
    interface Command<T> {
        T call() throws Exception;
    }

    /** Runs {@code command} after those given before it; then {@code onDone} or {@code onError}. */
    <T> void submit(Command<T> command, Consumer<? super T> onDone, Consumer<Throwable> onError);

    /** Calls {@code onDone} (or {@code onError}) when {@code future} completes. */
    <T> void whenDone(CompletableFuture<T> future, Consumer<? super T> onDone, Consumer<Throwable> onError);

    /** Runs {@code command} after the others and waits for it, at most {@code limit}: for shutting down. */
    void runAndWait(Command<?> command, Duration limit);

    /** Stops taking commands. */
    @Override
    void close();

    /** Hands {@code result} to {@code onDone}, or {@code error} (when not null) to {@code onError}. */
    static <T> void answer(T result, Throwable error, Consumer<? super T> onDone, Consumer<Throwable> onError) {
        if (error == null) {
            onDone.accept(result);
        } else {
            onError.accept(error);
        }
    }
}
