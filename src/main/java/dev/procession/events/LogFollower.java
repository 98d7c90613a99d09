package dev.procession.events;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Hands every event of a log, in order, to one consumer on a thread of its own: the CLI's
 * printer and its JSON Lines writers read the log this way, so a consumer that blocks (a full
 * pipe, a paused terminal) holds up only itself. {@link #close()} waits until it has drained
 * every event appended before the call.
 */
public final class LogFollower implements AutoCloseable {
    /** How long the thread waits for new events before it looks whether it is asked to finish. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final EventLog log;
    private final Consumer<Event> consumer;
    private final Thread thread;
    private volatile long drainTo = Long.MAX_VALUE;
    private long consumed;

    private LogFollower(EventLog log, Consumer<Event> consumer, String name) {
        this.log = log;
        this.consumer = consumer;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::follow);
    }

    /** Starts following {@code log} from its first event. */
    public static LogFollower start(EventLog log, Consumer<Event> consumer, String threadName) {
        LogFollower follower = new LogFollower(log, consumer, threadName);
        follower.thread.start();
        return follower;
    }

    private void follow() {
        try {
            while (consumed < drainTo) {
                for (Event e : log.awaitSince(consumed, POLL)) {
                    consumer.accept(e);
                    consumed = e.seq();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A consumer that throws ends the following; the thread's handler reports it.
    }

    /**
     * Drains every event appended so far, then stops. Safe from any thread and more than once;
     * it returns early only if the consumer failed or this thread is interrupted.
     */
    @Override
    public void close() {
        drainTo = Math.min(drainTo, log.size());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
