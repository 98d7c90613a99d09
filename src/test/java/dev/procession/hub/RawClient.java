package dev.procession.hub;

import dev.procession.protocol.Frames;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hub client that speaks the wire protocol byte by byte, so tests can send it what a broken or
 * hostile client would. (The runtime's HubClient halts its JVM when the hub goes away: not for
 * use inside the test JVM.)
 */
final class RawClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    private final SocketChannel channel;
    private final Selector selector;
    private ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private long nextId = 1;

    private RawClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    static RawClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new RawClient(channel);
    }

    /** Connects and authenticates as the hub's process {@code proc}, claiming {@code pid}. */
    static RawClient hello(Hub hub, long proc, long pid) throws IOException {
        RawClient c = connect(hub.socketPath());
        Map<String, Object> answer = c.call("hello", Map.of("token", hub.token(), "proc", proc, "pid", pid));
        if (!Boolean.TRUE.equals(answer.get("ok"))) {
            throw new IllegalStateException("hello refused: " + answer);
        }
        return c;
    }

    /** Sends a request and returns its answer (pushes in between are skipped). */
    Map<String, Object> call(String op, Map<String, Object> fields) throws IOException {
        long id = send(op, fields);
        return answerTo(id, WAIT);
    }

    long send(String op, Map<String, Object> fields) throws IOException {
        long id = nextId++;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("op", op);
        m.putAll(fields);
        sendRaw(Frames.encode(m));
        return id;
    }

    void sendRaw(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** The answer to request {@code id}; fails if none comes within {@code limit}. */
    Map<String, Object> answerTo(long id, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Map<String, Object> frame = readFrame(deadline);
            if (frame == null) {
                throw new IOException("the hub closed the connection before answering " + id);
            }
            if (frame.get("re") instanceof Long re && re == id) {
                return frame;
            }
        }
    }

    /** Whether an answer to {@code id} arrives within {@code limit} (false: still parked). */
    boolean answered(long id, Duration limit) throws IOException {
        try {
            answerTo(id, limit);
            return true;
        } catch (NoFrameYet e) {
            return false;
        }
    }

    /** Closes this side for writing: the hub reads the end of the stream. */
    void endOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** True once the hub has closed this connection (end of stream), within {@link #WAIT}. */
    boolean closedByHub() throws IOException {
        return closedByHub(WAIT);
    }

    /** True once the hub has closed this connection (end of stream), within {@code limit}. */
    boolean closedByHub(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (readFrame(deadline) != null) {
                // Skip answers sent before the close.
            }
            return true;
        } catch (NoFrameYet e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** The next frame, or null at end of stream. */
    private Map<String, Object> readFrame(long deadline) throws IOException {
        while (true) {
            Map<String, Object> frame = takeFrame();
            if (frame != null) {
                return frame;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new NoFrameYet();
            }
            selector.select(Math.max(1, left / 1_000_000));
            selector.selectedKeys().clear();
            int n = channel.read(in);
            if (n < 0) {
                return null;
            }
        }
    }

    private Map<String, Object> takeFrame() {
        in.flip();
        try {
            if (in.remaining() < 4) {
                return null;
            }
            int length = in.getInt(in.position());
            if (in.remaining() < 4 + length) {
                if (4 + length > in.capacity()) {
                    ByteBuffer bigger = ByteBuffer.allocate(4 + length);
                    bigger.put(in);
                    bigger.flip();
                    in = bigger;
                }
                return null;
            }
            in.position(in.position() + 4);
            byte[] body = new byte[length];
            in.get(body);
            return Frames.decode(body);
        } finally {
            in.compact();
        }
    }

    @Override
    public void close() throws IOException {
        selector.close();
        channel.close();
    }

    /** No frame arrived in time. */
    static final class NoFrameYet extends IOException {
        NoFrameYet() {
            super("no frame from the hub in time");
        }
    }
}
