package dev.procession.hub;

import dev.procession.events.EventKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventLog;
import dev.procession.protocol.Frames;
import dev.procession.testing.RealRun;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real hub on a real socket, fed what broken or hostile clients send. After each, it must still
 * serve an authenticated client, and it must have logged what it refused.
 */
class HubBadInputTest {
    private static final long MAIN_PID = 900_001;

    @TempDir
    Path dir;

    private final EventLog log = new EventLog();
    private Hub hub;
    private long mainId;
    private RawClient main;

    @BeforeEach
    void startHub() throws IOException {
        hub = Hub.start(dir, log, 1.0);
        mainId = hub.registerMain("test-hub", Map.of());
        main = RawClient.hello(hub, mainId, MAIN_PID);
    }

    @AfterEach
    void closeHub() throws IOException {
        main.close();
        hub.close();
    }

    @Test
    void aConnectionWithoutTheTokenIsRefusedAndLogged() throws IOException {
        try (RawClient intruder = RawClient.connect(hub.socketPath())) {
            Map<String, Object> answer = intruder.call("hello", Map.of("proc", mainId + 1, "pid", 1L));
            assertThat(answer).containsEntry("ok", false).containsEntry("error", "AuthenticationError");
            assertThat(intruder.closedByHub()).isTrue();
        }
        assertRefused("wrong or missing token");
        assertStillServes();
    }

    @Test
    void aWrongTokenIsRefused() throws IOException {
        long child = newChild();
        String wrong = hub.token().substring(1) + "0";
        try (RawClient intruder = RawClient.connect(hub.socketPath())) {
            Map<String, Object> answer = intruder.call("hello", Map.of("token", wrong, "proc", child, "pid", 2L));
            assertThat(answer).containsEntry("ok", false);
            assertThat(intruder.closedByHub()).isTrue();
        }
        assertRefused("wrong or missing token");
        // The right token still works for that process afterwards.
        try (RawClient rightful = RawClient.hello(hub, child, 900_002)) {
            assertThat(rightful.call("print", Map.of("text", "hi"))).containsEntry("ok", true);
        }
    }

    @Test
    void aFirstFrameThatIsNotAHelloIsRefused() throws IOException {
        try (RawClient rude = RawClient.connect(hub.socketPath())) {
            rude.send("print", Map.of("text", "let me in", "token", hub.token()));
            assertThat(rude.closedByHub()).isTrue();
        }
        assertRefused("the first frame must be a hello");
        assertStillServes();
    }

    @Test
    void garbageBytesAreRefused() throws IOException {
        try (RawClient http = RawClient.connect(hub.socketPath())) {
            // "GET " read as a length is about 1.2 GB: refused on the spot.
            http.sendRaw("GET / HTTP/1.1\r\nHost: hub\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(http.closedByHub()).isTrue();
        }
        assertRefused("a hello of at most " + Connection.MAX_HELLO_BYTES + " bytes");
        try (RawClient noise = RawClient.connect(hub.socketPath())) {
            noise.sendRaw(frame("{\"op\": hello".getBytes(StandardCharsets.UTF_8)));
            assertThat(noise.closedByHub()).isTrue();
        }
        assertRefused("malformed JSON at offset 7");
        try (RawClient latin1 = RawClient.connect(hub.socketPath())) {
            latin1.sendRaw(frame(new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'}));
            assertThat(latin1.closedByHub()).isTrue();
        }
        assertRefused("not valid UTF-8");
        assertStillServes();
    }

    @Test
    void aLengthOverOneMebibyteIsRefusedUnread() throws IOException {
        try (RawClient big = RawClient.connect(hub.socketPath())) {
            // Only the length: the hub must not wait for (or allocate) a body it will not accept.
            big.sendRaw(ByteBuffer.allocate(4).putInt(Frames.MAX_FRAME_BYTES + 1).array());
            assertThat(big.closedByHub()).isTrue();
        }
        assertRefused("announces " + (Frames.MAX_FRAME_BYTES + 1));
        try (RawClient negative = RawClient.connect(hub.socketPath())) {
            negative.sendRaw(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            assertThat(negative.closedByHub()).isTrue();
        }
        assertRefused("announces -1");
        // An authenticated client breaking the bound is cut off the same way.
        long child = newChild();
        try (RawClient greedy = RawClient.hello(hub, child, 900_003)) {
            greedy.sendRaw(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array());
            assertThat(greedy.closedByHub()).isTrue();
        }
        assertStillServes();
    }

    /** Before: a stranger's frame of up to 1 MiB was buffered whole before the hub knew who sent it. */
    @Test
    void aFirstFrameLongerThanAHelloIsRefusedUnread() throws IOException {
        try (RawClient stranger = RawClient.connect(hub.socketPath())) {
            stranger.sendRaw(ByteBuffer.allocate(4).putInt(Connection.MAX_HELLO_BYTES + 1).array());
            assertThat(stranger.closedByHub()).isTrue();
        }
        assertRefused("announces " + (Connection.MAX_HELLO_BYTES + 1));
        assertStillServes();
    }

    @Test
    void aConnectionThatSaysNoHelloIsClosedAtTheDeadline() throws IOException {
        hub.helloDeadline(Duration.ofMillis(300));
        try (RawClient silent = RawClient.connect(hub.socketPath())) {
            assertThat(silent.closedByHub()).isTrue();
        }
        assertRefused("no hello within 300 ms");
        assertStillServes();
    }

    @Test
    void connectionsWithoutAHelloAreCapped() throws IOException {
        List<RawClient> idle = new ArrayList<>();
        try {
            for (int i = 0; i < PendingConnections.MAX + 5; i++) {
                idle.add(RawClient.connect(hub.socketPath()));
            }
            for (RawClient oldest : idle.subList(0, 5)) {
                assertThat(oldest.closedByHub()).as("the oldest idle connections are dropped").isTrue();
            }
            assertRefused("more than " + PendingConnections.MAX + " connections without a hello");
            // A process of the run still gets in while the strangers wait.
            try (RawClient child = RawClient.hello(hub, newChild(), 900_004)) {
                assertThat(child.call("print", Map.of("text", "in"))).containsEntry("ok", true);
            }
        } finally {
            for (RawClient c : idle) {
                c.close();
            }
        }
        assertStillServes();
    }

    /** Before: each refusal was an event, so a flood of strangers grew the log without bound. */
    @Test
    void aFloodOfRefusalsCostsTheLogFewEvents() throws IOException {
        int flood = 300;
        for (int i = 0; i < flood; i++) {
            try (RawClient rude = RawClient.connect(hub.socketPath())) {
                rude.send("print", Map.of("text", "let me in"));
                assertThat(rude.closedByHub()).isTrue();
            }
        }
        List<Event> refused = log.snapshot().stream().filter(e -> e.kind() == EventKind.REFUSED).toList();
        // 20 in full, then the 32nd, 64th, 128th and 256th with their count.
        assertThat(refused).hasSize(RefusalCount.LOGGED_EACH + 4);
        assertThat(refused.getLast().get("count")).isEqualTo(256L);
        assertStillServes();
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() throws IOException {
        for (String body : List.of("[1, 2]", "42", "\"hello\"", "null")) {
            try (RawClient c = RawClient.connect(hub.socketPath())) {
                c.sendRaw(frame(body.getBytes(StandardCharsets.UTF_8)));
                assertThat(c.closedByHub()).as(body).isTrue();
            }
        }
        assertThat(refusals()).filteredOn(r -> r.contains("expected a JSON object")).hasSize(4);
        assertStillServes();
    }

    @Test
    void anUnknownOpGetsAnErrorAndTheConnectionStays() throws IOException {
        assertThat(main.call("frobnicate", Map.of())).containsEntry("ok", false)
                .containsEntry("error", "ProtocolError")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("frobnicate"));
        long lock = newObject("Lock");
        assertThat(main.call("frobnicate", Map.of("obj", lock))).containsEntry("error", "AttributeError");
        assertThat(main.call("acquire", Map.of("obj", 999L))).containsEntry("error", "ValueError");
        assertThat(main.call("acquire", Map.of("obj", "Lock#1"))).containsEntry("error", "ProtocolError");
        assertThat(main.call("acquire", Map.of("obj", lock, "timeout", "soon")))
                .containsEntry("error", "ProtocolError");
        assertThat(main.call("acquire", Map.of("obj", lock, "block", "yes")))
                .containsEntry("error", "ProtocolError");
        assertThat(hub.primitives().get("Lock#" + lock)).as("a refused call changes nothing")
                .containsEntry("locked", false);
        assertThat(main.call("new", Map.of("type", "Teapot"))).containsEntry("error", "ValueError");
        assertThat(main.call("sleep", Map.of("seconds", -1))).containsEntry("error", "ValueError");
        assertThat(main.call("log", Map.of("kind", "exit"))).containsEntry("error", "ValueError");
        assertThat(main.call("log", Map.of("kind", "note", "seq", 1))).as("a process cannot forge the header")
                .containsEntry("error", "ValueError");
        assertThat(main.call("proc.new", Map.of("target", "t", "args", "not a list")))
                .containsEntry("error", "ProtocolError");
        assertThat(main.call("proc.exit", Map.of("proc", mainId, "code", 0))).as("only a parent reports an exit")
                .containsEntry("error", "ValueError");
        // A frame without an op, or without an id (nobody waits for its answer), changes nothing.
        main.sendRaw(Frames.encode(Map.of("id", 77L)));
        assertThat(main.answerTo(77, RawClient.WAIT)).containsEntry("error", "ProtocolError");
        main.sendRaw(Frames.encode(Map.of("op", "frobnicate")));
        assertStillServes();
        assertThat(hub.processes().getFirst().connected()).isTrue();
        assertThat(log.snapshot()).extracting(Event::kind).doesNotContain(EventKind.HUB_ERROR, EventKind.REFUSED);
    }

    /** Malformed requests on a shared Value or Array get Python's errors and change nothing. */
    @Test
    void badSharedValueAndArrayRequestsChangeNothing() throws IOException {
        long event = newObject("Event");
        assertThat(main.call("new", Map.of("type", "Value"))).as("no typecode").containsEntry("error", "TypeError");
        assertThat(main.call("new", Map.of("type", "Value", "typecode", "i", "lock", "yes")))
                .containsEntry("error", "ProtocolError");
        assertThat(main.call("new", Map.of("type", "Value", "typecode", "i", "lock", event)))
                .as("an Event has no acquire").containsEntry("error", "AttributeError");
        assertThat(main.call("new", Map.of("type", "Array", "typecode", "i", "init", Map.of("$int", "99999999999999999999"))))
                .containsEntry("error", "OverflowError");
        assertThat(main.call("new", Map.of("type", "Array", "typecode", "i", "init", 10_001L)))
                .containsEntry("error", "ValueError");
        Map<String, Object> made = main.call("new", Map.of("type", "Array", "typecode", "i", "init", 3L, "lock", true));
        long array = (Long) ((Map<?, ?>) made.get("value")).get("obj");
        assertThat(((Map<?, ?>) made.get("value")).get("objs")).as("the array and its RLock").asList().hasSize(2);
        assertThat(main.call("getitem", Map.of("obj", array))).containsEntry("error", "TypeError");
        assertThat(main.call("setitem", Map.of("obj", array, "index", "0", "value", 1L)))
                .containsEntry("error", "TypeError");
        assertThat(main.call("getslice", Map.of("obj", array, "start", 0.5))).containsEntry("error", "TypeError");
        assertThat(main.call("setslice", Map.of("obj", array, "value", List.of(1L, 2L, "three"))))
                .containsEntry("error", "TypeError");
        assertThat(main.call("pop", Map.of("obj", array))).containsEntry("error", "AttributeError");
        assertThat(hub.primitives().get("Array#" + array)).as("nothing was stored").containsEntry("value",
                List.of(0L, 0L, 0L));
        assertStillServes();
        assertThat(log.snapshot()).extracting(Event::kind).doesNotContain(EventKind.HUB_ERROR, EventKind.WRITE);
    }

    /** A client dying in the middle of a frame leaves the hub consistent for the others. */
    @Test
    void aClientThatDiesMidFrameLosesItsPlaceInTheQueue() throws IOException {
        long lock = newObject("Lock");
        assertThat(main.call("acquire", Map.of("obj", lock))).containsEntry("value", true);
        long b = newChild();
        long c = newChild();
        try (RawClient dying = RawClient.hello(hub, b, 900_004);
             RawClient patient = RawClient.hello(hub, c, 900_005)) {
            long dyingWait = dying.send("acquire", Map.of("obj", lock));
            awaitWaiters(lock, List.of(900_004L));
            long patientWait = patient.send("acquire", Map.of("obj", lock));
            awaitWaiters(lock, List.of(900_004L, 900_005L));
            byte[] whole = Frames.encode(Map.of("id", 99L, "op", "release", "obj", lock));
            dying.sendRaw(java.util.Arrays.copyOf(whole, whole.length / 2));
            dying.close();
            awaitWaiters(lock, List.of(900_005L));

            assertThat(main.call("release", Map.of("obj", lock))).containsEntry("ok", true);
            assertThat(patient.answerTo(patientWait, RawClient.WAIT)).containsEntry("value", true);
            assertThat(hub.primitives().get("Lock#" + lock)).containsEntry("holder", 900_005L);
            assertThat(patient.call("release", Map.of("obj", lock))).containsEntry("ok", true);
            assertThat(main.call("acquire", Map.of("obj", lock, "block", false))).containsEntry("value", true);
            assertThat(dyingWait).isPositive();
        }
        assertThat(log.snapshot()).extracting(Event::kind).doesNotContain(EventKind.HUB_ERROR);
    }

    /** As in Python: a lock's holder going away does not release it. */
    @Test
    void aLockHeldByAClientThatDisconnectsStaysHeld() throws IOException {
        long lock = newObject("Lock");
        long b = newChild();
        try (RawClient holder = RawClient.hello(hub, b, 900_006)) {
            assertThat(holder.call("acquire", Map.of("obj", lock))).containsEntry("value", true);
        }
        RealRun.await(RawClient.WAIT, () -> log.snapshot().stream()
                .anyMatch(e -> e.kind() == EventKind.DISCONNECT && e.pid() == 900_006), "the disconnect event");
        assertThat(hub.primitives().get("Lock#" + lock)).containsEntry("locked", true)
                .containsEntry("holder", 900_006L);
        assertThat(main.call("acquire", Map.of("obj", lock, "block", false))).containsEntry("value", false);
        long t0 = System.nanoTime();
        assertThat(main.call("acquire", Map.of("obj", lock, "timeout", 0.2))).containsEntry("value", false);
        assertThat((System.nanoTime() - t0) / 1e9).isBetween(0.15, 5.0);

        hub.forceRelease("Lock#" + lock);
        assertThat(main.call("acquire", Map.of("obj", lock, "block", false))).containsEntry("value", true);
    }

    /** A timeout far beyond any real wait must park the call, not spin the hub's loop. */
    @Test
    void hugeTimeoutsWaitWithoutBusyLooping() throws IOException {
        long lock = newObject("Lock");
        assertThat(main.call("acquire", Map.of("obj", lock))).containsEntry("value", true);
        long b = newChild();
        try (RawClient waiter = RawClient.hello(hub, b, 900_007)) {
            long id = waiter.send("acquire", Map.of("obj", lock, "timeout", 1e300));
            assertThat(waiter.answered(id, Duration.ofMillis(300))).isFalse();
            assertThat(main.call("release", Map.of("obj", lock))).containsEntry("ok", true);
            assertThat(waiter.answerTo(id, RawClient.WAIT)).containsEntry("value", true);
        }
    }

    // ------------------------------------------------------------------ helpers

    private void assertStillServes() throws IOException {
        assertThat(main.call("print", Map.of("text", "still here"))).containsEntry("ok", true);
        long lock = newObject("Lock");
        assertThat(main.call("acquire", Map.of("obj", lock, "block", false))).containsEntry("value", true);
    }

    private void assertRefused(String reason) {
        RealRun.await(RawClient.WAIT, () -> refusals().stream().anyMatch(r -> r.contains(reason)),
                "a refused event saying '" + reason + "' in " + refusals());
    }

    private List<String> refusals() {
        return log.snapshot().stream().filter(e -> e.kind() == EventKind.REFUSED).map(e -> e.text("reason")).toList();
    }

    private long newChild() throws IOException {
        Map<String, Object> answer = main.call("proc.new", Map.of("target", "t", "args", List.of()));
        return (Long) ((Map<?, ?>) answer.get("value")).get("proc");
    }

    private long newObject(String type) throws IOException {
        Map<String, Object> answer = main.call("new", Map.of("type", type));
        return (Long) ((Map<?, ?>) answer.get("value")).get("obj");
    }

    private void awaitWaiters(long lock, List<Long> pids) {
        RealRun.await(RawClient.WAIT, () -> pids.equals(hub.primitives().get("Lock#" + lock).get("waiters")),
                "waiters " + pids);
    }

    private static byte[] frame(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }
}
