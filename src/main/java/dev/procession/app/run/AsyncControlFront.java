package dev.procession.app.run;

import dev.procession.app.FxThread;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The app's control front: one daemon thread runs the commands; results go back through {@link FxThread}. */
public final class AsyncControlFront implements ControlFront {
    private final ExecutorService commands = Executors.newSingleThreadExecutor(r ->
            Thread.ofPlatform().name("procession-control").daemon(true).unstarted(r));

    @Override
    public <T> void submit(Command<T> command, Consumer<? super T> onDone, Consumer<Throwable> onError) {
        commands.execute(() -> {
            T result;
            try {
                result = command.call();
            } catch (Throwable e) {
                FxThread.run(() -> onError.accept(e));
                return;
            }
            FxThread.run(() -> onDone.accept(result));
        });
    }

    @Override
    public <T> void whenDone(CompletableFuture<T> future, Consumer<? super T> onDone, Consumer<Throwable> onError) {
        future.whenComplete((result, error) -> FxThread.run(() -> ControlFront.answer(result, error, onDone, onError)));
    }

    @Override
    public void runAndWait(Command<?> command, Duration limit) {
        try {
            commands.submit(command::call).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("procession: " + e);
        }
    }

    @Override
    public void close() {
        commands.shutdown();
    }
}
