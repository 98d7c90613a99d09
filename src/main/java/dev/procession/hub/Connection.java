package dev.procession.hub;

import dev.procession.protocol.FrameException;
import dev.procession.protocol.Frames;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One client socket: reassembles frames from partial reads and queues writes. Hub thread only. */
final class Connection {
    final SocketChannel channel;
    final SelectionKey key;
    final long number;
    ProcRecord proc;
    boolean closed;
    /** When the hub accepted it: the hello must come within the deadline (PendingConnections). */
    final long acceptedNanos = System.nanoTime();
    /** Whether its first frame, which must be the hello, has been read. */
    private boolean firstFrameRead;
    private ByteBuffer in = ByteBuffer.allocate(8192);
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();

    Connection(SocketChannel channel, SelectionKey key, long number) {
        this.channel = channel;
        this.key = key;
        this.number = number;
    }

    boolean authenticated() {
        return proc != null;
    }

    /**
     * A hello is a token and three numbers: no stranger makes the hub buffer more than this before
     * it knows who is asking.
     */
    static final int MAX_HELLO_BYTES = 1024;

    /**
     * Reads what is available and returns the complete frames. Returns null at end of stream.
     * The first frame is bounded by {@link #MAX_HELLO_BYTES}, and the buffer grows for a large
     * frame only once the hello was accepted.
     *
     * @throws FrameException for a frame over the size bound or that is not a JSON object
     */
    List<Map<String, Object>> readFrames() throws IOException {
        int n = channel.read(in);
        if (n < 0) {
            return null;
        }
        List<Map<String, Object>> frames = new ArrayList<>();
        in.flip();
        while (in.remaining() >= 4) {
            int length = in.getInt(in.position());
            if (!firstFrameRead && (length <= 0 || length > MAX_HELLO_BYTES)) {
                throw new FrameException("the first frame must be a hello of at most " + MAX_HELLO_BYTES
                        + " bytes; this one announces " + length);
            }
            Frames.checkLength(length);
            if (in.remaining() < 4 + length) {
                break;
            }
            in.position(in.position() + 4);
            byte[] body = new byte[length];
            in.get(body);
            firstFrameRead = true;
            frames.add(Frames.decode(body));
        }
        in.compact();
        if (in.position() >= 4 && authenticated()) {
            int needed = 4 + in.getInt(0);
            if (needed > in.capacity()) {
                ByteBuffer bigger = ByteBuffer.allocate(needed);
                in.flip();
                bigger.put(in);
                in = bigger;
            }
        }
        return frames;
    }

    void send(Map<String, ?> message) {
        if (closed) {
            return;
        }
        out.add(ByteBuffer.wrap(Frames.encode(message)));
        flush();
    }

    void flush() {
        try {
            while (!out.isEmpty()) {
                ByteBuffer head = out.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                out.poll();
            }
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            // The peer is gone; the read side will see the end of stream and clean up.
            out.clear();
        }
    }

    String describe() {
        return proc == null ? "connection #" + number : proc.name + " (pid " + proc.pid + ")";
    }
}
