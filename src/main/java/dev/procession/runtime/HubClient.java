package dev.procession.runtime;

import dev.procession.protocol.FrameException;
import dev.procession.protocol.Frames;
import dev.procession.protocol.Json;
import dev.procession.protocol.JsonException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A process's one connection to the hub. Any thread may call; a reader thread hands each reply
 * to the caller waiting for it, and pushes to the registered handler.
 *
 * <p>When the hub goes away (the app crashed or was killed), the process halts at once: a
 * simulated process must never outlive its simulator.
 */
public final class HubClient implements AutoCloseable {
    private final SocketChannel channel;
    private final OutputStream out;
    private final DataInputStream in;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private volatile Consumer<Map<String, Object>> pushHandler = m -> { };
    private volatile boolean closing;
    private volatile Integer currentLine;
    /** Set once the process's code has ended: its requests are Python's exit handling's. */
    private volatile boolean atExit;
    /** How long told messages may wait to be sent with the next ones. */
    private static final long FLUSH_DELAY_NANOS = 300_000;
    private final Thread flusher;
    /** Told messages are written but not yet flushed. Guarded by {@code out}. */
    private boolean unflushed;
    /** Batched tells not yet written. Guarded by {@code out}. */
    private final TellBatch batch = new TellBatch();

    private HubClient(SocketChannel channel) {
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 16 * 1024);
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 16 * 1024));
        this.flusher = Thread.ofPlatform().name("procession-flusher").daemon(true).unstarted(this::flushLoop);
    }

    /**
     * How often a process connects before it gives up on an answer to its hello. The hub closes the
     * oldest of more than 64 connections without a hello, unanswered; under a flood of strangers on
     * the socket that can be a process of the run whose hello has not arrived yet.
     */
    public static final int HELLO_ATTEMPTS = 5;

    /** Connects and says hello; returns the client and the process's spec from the hub. */
    public static Connected connect(Path socket, String token, long procId) throws IOException {
        // Ready before connecting, so it follows the connect at once: a stranger to the hub until it arrives.
        byte[] hello = Frames.encode(hello(token, procId));
        IOException lost = null;
        for (int attempt = 0; attempt < HELLO_ATTEMPTS; attempt++) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            HubClient client;
            Map<String, Object> answer;
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                for (ByteBuffer b = ByteBuffer.wrap(hello); b.hasRemaining(); ) {
                    channel.write(b);
                }
                client = new HubClient(channel);
                answer = Frames.read(client.in);
            } catch (IOException e) {
                channel.close();
                lost = e;
                continue;
            }
            if (answer == null) {
                channel.close();
                lost = new IOException("connection closed");
                continue;
            }
            if (!Boolean.TRUE.equals(answer.get("ok"))) {
                channel.close();
                throw new IOException("the hub refused this process: " + answer.get("message"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) answer.get("value");
            Thread.ofPlatform().name("procession-hub-reader").daemon(true).start(client::readLoop);
            client.flusher.start();
            return new Connected(client, spec);
        }
        throw new IOException("the hub closed the connection before answering the hello, " + HELLO_ATTEMPTS
                + " times (" + lost.getMessage() + ")");
    }

    private static Map<String, Object> hello(String token, long procId) {
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("id", 0L);
        hello.put("op", "hello");
        hello.put("token", token);
        hello.put("proc", procId);
        hello.put("pid", ProcessHandle.current().pid());
        hello.put("ppid", ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L));
        return hello;
    }

    public record Connected(HubClient client, Map<String, Object> spec) {
    }

    public void onPush(Consumer<Map<String, Object>> handler) {
        this.pushHandler = handler;
    }

    /** The listing line this process is at; sent with each request so events carry it. */
    void line(Integer line) {
        this.currentLine = line;
    }

    /**
     * The process's code has ended and Python's exit handling begins: requests from now on carry
     * {@code atexit: true} and no line, since no line of the listing is running them.
     */
    void beginExitHandling() {
        currentLine = null;
        atExit = true;
    }

    /** Sends a request and waits for its answer; failures come back as Python-named exceptions. */
    public Object call(String op, Map<String, Object> fields) {
        long id = nextId.getAndIncrement();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        send(id, op, fields);
        Map<String, Object> reply;
        try {
            reply = answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("InterruptedError", "interrupted while waiting for " + op);
        } catch (ExecutionException e) {
            throw new MpException("ConnectionError", "lost the hub: " + e.getCause().getMessage());
        } finally {
            pending.remove(id);
        }
        if (Boolean.TRUE.equals(reply.get("ok"))) {
            return reply.get("value");
        }
        throw MpException.of(String.valueOf(reply.get("error")), String.valueOf(reply.get("message")));
    }

    /**
     * Sends {@code op} one-way and at once, from the calling thread: no reply, no wake-up of the
     * flusher. The hub handles it before anything this process sends after it.
     */
    public void post(String op, Map<String, Object> fields) {
        send(-1, op, fields);
    }

    /**
     * Sends a request whose answer nobody waits for (the hub still records it in order). Like
     * the feeder thread of a Python queue, a flusher sends it shortly after, together with the
     * others told meanwhile; any call sends it first.
     */
    public void tell(String op, Map<String, Object> fields) {
        byte[] frame = frame(-1, op, fields);
        boolean wake;
        synchronized (out) {
            writeLocked(frame);
            wake = !unflushed;
            unflushed = true;
        }
        if (wake) {
            LockSupport.unpark(flusher);
        }
    }

    /**
     * Tells {@code op} to object {@code obj} with one payload (a put's item), gathered with the
     * same tells that follow into one frame (see {@link TellBatch}); the hub handles each in order.
     */
    public void tellBatched(String op, long obj, Object payload) {
        String json;
        try {
            json = Json.write(payload);
        } catch (JsonException e) {
            throw new MpException("ValueError", e.getMessage());
        }
        if (json.length() > TellBatch.MAX_CHARS) {
            // A big payload goes alone, through the usual checks of a frame's size.
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("obj", obj);
            m.put("batch", java.util.Collections.singletonList(payload));
            tell(op, m);
            return;
        }
        boolean wake;
        synchronized (out) {
            Integer line = currentLine;
            if (!batch.accepts(op, obj, line)) {
                writeLocked(batch.drain());
            }
            batch.add(op, obj, line, json);
            wake = !unflushed;
            unflushed = true;
        }
        if (wake) {
            LockSupport.unpark(flusher);
        }
    }

    /** Writes a frame after the batch under way, which goes first. Holds {@code out}. */
    private void writeLocked(byte[] frame) {
        try {
            if (!batch.isEmpty()) {
                out.write(batch.drain());
            }
            out.write(frame);
        } catch (IOException e) {
            hubLost();
        }
    }

    private void flushLoop() {
        while (!closing) {
            LockSupport.park(this);
            // Let the tells of a burst gather, then send them in one write.
            LockSupport.parkNanos(FLUSH_DELAY_NANOS);
            synchronized (out) {
                if (unflushed) {
                    flushLocked();
                }
            }
        }
    }

    private void flushLocked() {
        try {
            if (!batch.isEmpty()) {
                out.write(batch.drain());
            }
            out.flush();
        } catch (IOException e) {
            hubLost();
        }
        unflushed = false;
    }

    private void send(long id, String op, Map<String, Object> fields) {
        byte[] frame = frame(id, op, fields);
        synchronized (out) {
            writeLocked(frame);
            flushLocked();
        }
    }

    private byte[] frame(long id, String op, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id >= 0) {
            m.put("id", id);
        }
        m.put("op", op);
        m.putAll(fields);
        Integer line = currentLine;
        if (line != null) {
            m.put("line", line);
        }
        if (atExit) {
            m.put("atexit", true);
        }
        try {
            return Frames.encode(m);
        } catch (FrameException e) {
            throw new MpException("ValueError", e.getMessage());
        }
    }

    private void readLoop() {
        try {
            Map<String, Object> m;
            while ((m = Frames.read(in)) != null) {
                if (m.get("re") instanceof Long id) {
                    CompletableFuture<Map<String, Object>> f = pending.get(id);
                    if (f != null) {
                        f.complete(m);
                    }
                } else if (m.containsKey("push")) {
                    pushHandler.accept(m);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Fall through: a broken connection is a lost hub.
        }
        hubLost();
    }

    private void hubLost() {
        if (closing) {
            return;
        }
        pending.values().forEach(f -> f.completeExceptionally(new IOException("hub connection closed")));
        // The simulator is gone: leave nothing running behind it.
        Runtime.getRuntime().halt(ExitCodes.HUB_LOST);
    }

    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(flusher);
        try {
            synchronized (out) {
                flushLocked();
            }
            channel.close();
        } catch (IOException ignored) {
            // Exiting anyway.
        }
    }
}
