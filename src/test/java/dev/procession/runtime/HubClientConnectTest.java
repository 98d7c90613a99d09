package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procession.protocol.Frames;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unit test of the hello, against a listener that plays the hub's part: the hub closes a
 * connection without a word when more than 64 strangers wait and it is the oldest, which a
 * process of the run can be if its JVM is slow between connecting and saying hello. Before:
 * the process gave up (exit 70), so a flood of strangers on the socket broke the run.
 */
class HubClientConnectTest {
    @TempDir
    Path dir;

    @Test
    void aConnectionClosedBeforeTheHelloIsAnsweredIsMadeAgain() throws Exception {
        Path socket = dir.resolve("hub.sock");
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocketChannel server = listen(socket)) {
            CompletableFuture<SocketChannel> hub = CompletableFuture.supplyAsync(() -> serve(server, connections, 3));
            HubClient.Connected connected = HubClient.connect(socket, "token", 7);
            // Closed on this side first: a client whose hub goes away halts its JVM, this one.
            connected.client().close();
            hub.join().close();
            assertThat(connected.spec()).containsEntry("proc", 7L);
            assertThat(connections).hasValue(3);
        }
    }

    @Test
    void aHubThatClosesEveryConnectionIsGivenUpOn() throws Exception {
        Path socket = dir.resolve("hub.sock");
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocketChannel server = listen(socket)) {
            CompletableFuture.supplyAsync(() -> serve(server, connections, Integer.MAX_VALUE));
            assertThatThrownBy(() -> HubClient.connect(socket, "token", 7)).isInstanceOf(IOException.class)
                    .hasMessageContaining("before answering the hello");
            assertThat(connections).hasValue(HubClient.HELLO_ATTEMPTS);
        }
    }

    private static ServerSocketChannel listen(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return server;
    }

    /**
     * Closes the first {@code answerOn - 1} connections unanswered, then answers the hello on the
     * next and returns that connection, open.
     */
    private static SocketChannel serve(ServerSocketChannel server, AtomicInteger connections, int answerOn) {
        try {
            while (true) {
                SocketChannel c = server.accept();
                if (connections.incrementAndGet() == answerOn) {
                    Map<String, Object> hello = Frames.read(new DataInputStream(Channels.newInputStream(c)));
                    Frames.write(Channels.newOutputStream(c), Map.of("re", 0L, "ok", true,
                            "value", Map.of("proc", hello.get("proc"))));
                    return c;
                }
                c.close();
            }
        } catch (IOException closedWithTheTest) {
            // The listener is closed when the test ends.
            return null;
        }
    }
}
