package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.RealRun;
import org.junit.jupiter.api.Test;

/** CPython's _TestConnection (and _TestPoll.test_dont_merge), ported: real processes at both ends. */
class ConnectionTest {
    private static final String PROGRAM = "test-connection";

    @Test
    void test_connection() throws Exception {
        var result = RealRun.runCase(PROGRAM, "connection");
        assertThat(result.of("send")).isNotEmpty();
        assertThat(result.of("recv").getFirst().text("item")).isEqualTo("[1, 2.25, None]");
        assertThat(result.of("eof")).hasSize(1);
    }

    @Test
    void test_duplex_false() throws Exception {
        RealRun.runCase(PROGRAM, "duplex_false");
    }

    @Test
    void test_spawn_close() throws Exception {
        var result = RealRun.runCase(PROGRAM, "spawn_close");
        assertThat(result.of("close")).isNotEmpty();
        assertThat(result.of("closed")).isNotEmpty();
    }

    @Test
    void test_context() throws Exception {
        RealRun.runCase(PROGRAM, "context");
    }

    @Test
    void test_dont_merge() throws Exception {
        RealRun.runCase(PROGRAM, "dont_merge");
    }

    @Test
    void sendToAnEndClosedEverywhereRaisesBrokenPipe() throws Exception {
        RealRun.runCase(PROGRAM, "broken-pipe");
    }

    @Test
    void anEndSentInAMessageStaysOpenInItsReceiver() throws Exception {
        RealRun.runCase(PROGRAM, "end-in-a-message");
    }
}
