package dev.procession.app.run;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The synchronous twin of {@link AsyncControlFront}: every command runs in the caller's thread, for tests. */
public final class DirectControlFront implements ControlFront {

    @Override
    public <T> void submit(Command<T> command, Consumer<? super T> onDone, Consumer<Throwable> onError) {
        T result;
        try {
            result = command.call();
        } catch (Throwable e) {
            onError.accept(e);
            return;
        }
        onDone.accept(result);
    }

    @Override
    public <T> void whenDone(CompletableFuture<T> future, Consumer<? super T> onDone, Consumer<Throwable> onError) {
        future.whenComplete((result, error) -> ControlFront.answer(result, error, onDone, onError));
    }

    @Override
    public void runAndWait(Command<?> command, Duration limit) {
        submit(command, result -> { }, error -> System.err.println("procession: " + error));
    }

    @Override
    public void close() {
        // Nothing runs in the background.
    }
}
