package dev.procession.runtime;

import dev.procession.protocol.FrameException;
import dev.procession.protocol.Frames;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
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

    private HubClient(SocketChannel channel) {
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 16 * 1024);
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 16 * 1024));
    }

    /** Connects and says hello; returns the client and the process's spec from the hub. */
    public static Connected connect(Path socket, String token, long procId) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        HubClient client = new HubClient(channel);
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("id", 0L);
        hello.put("op", "hello");
        hello.put("token", token);
        hello.put("proc", procId);
        hello.put("pid", ProcessHandle.current().pid());
        hello.put("ppid", ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L));
        Frames.write(client.out, hello);
        client.out.flush();
        Map<String, Object> answer = Frames.read(client.in);
        if (answer == null || !Boolean.TRUE.equals(answer.get("ok"))) {
            channel.close();
            throw new IOException("the hub refused this process: "
                    + (answer == null ? "connection closed" : answer.get("message")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) answer.get("value");
        Thread.ofPlatform().name("procession-hub-reader").daemon(true).start(client::readLoop);
        return new Connected(client, spec);
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

    /** Sends a request whose answer nobody waits for (the hub still records it in order). */
    public void tell(String op, Map<String, Object> fields) {
        send(-1, op, fields);
    }

    private void send(long id, String op, Map<String, Object> fields) {
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
        byte[] frame;
        try {
            frame = Frames.encode(m);
        } catch (FrameException e) {
            throw new MpException("ValueError", e.getMessage());
        }
        synchronized (out) {
            try {
                out.write(frame);
                out.flush();
            } catch (IOException e) {
                hubLost();
            }
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
        try {
            synchronized (out) {
                out.flush();
            }
            channel.close();
        } catch (IOException ignored) {
            // Exiting anyway.
        }
    }
}
