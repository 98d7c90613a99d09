package dev.procession.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FramesTest {
    @Test
    void aFrameIsABigEndianLengthThenUtf8Json() throws Exception {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("op", "print");
        message.put("text", "é");
        byte[] frame = Frames.encode(message);
        byte[] body = "{\"op\":\"print\",\"text\":\"é\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(ByteBuffer.wrap(frame).getInt()).isEqualTo(body.length);
        assertThat(Arrays.copyOfRange(frame, 4, frame.length)).isEqualTo(body);
    }

    @Test
    void readsBackWhatWasWrittenThenACleanEnd() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, Map.of("id", 1L));
        Frames.write(out, Map.of("id", 2L, "value", Map.of("nested", true)));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(out.toByteArray()));
        assertThat(Frames.read(in)).isEqualTo(Map.of("id", 1L));
        assertThat(Frames.read(in)).isEqualTo(Map.of("id", 2L, "value", Map.of("nested", true)));
        assertThat(Frames.read(in)).isNull();
    }

    @Test
    void anEndInsideAFrameIsNotACleanEnd() throws Exception {
        byte[] frame = Frames.encode(Map.of("op", "x"));
        assertThatThrownBy(() -> Frames.read(stream(Arrays.copyOf(frame, 2)))).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> Frames.read(stream(Arrays.copyOf(frame, frame.length - 1))))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void refusesAnOutOfBoundsLengthWithoutReadingTheBody() {
        for (int length : new int[] {0, -1, Frames.MAX_FRAME_BYTES + 1, Integer.MAX_VALUE}) {
            ByteArrayInputStream bytes = new ByteArrayInputStream(ByteBuffer.allocate(4 + 16).putInt(length).array());
            assertThatThrownBy(() -> Frames.read(new DataInputStream(bytes))).isInstanceOf(FrameException.class)
                    .hasMessageContaining("frame length " + Integer.toUnsignedString(length))
                    .hasMessageContaining("outside 1.." + Frames.MAX_FRAME_BYTES);
            assertThat(bytes.available()).as("body left unread").isEqualTo(16);
        }
    }

    @Test
    void refusesToEncodeAFrameOverTheLimit() {
        String big = "x".repeat(Frames.MAX_FRAME_BYTES);
        assertThatThrownBy(() -> Frames.encode(Map.of("text", big))).isInstanceOf(FrameException.class)
                .hasMessageContaining("over the limit");
    }

    @Test
    void aBodyMustBeAValidUtf8JsonObject() {
        assertThatThrownBy(() -> Frames.decode("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FrameException.class).hasMessageContaining("expected a JSON object, got an array");
        assertThatThrownBy(() -> Frames.decode("{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FrameException.class).hasMessageContaining("malformed JSON at offset 5");
        assertThatThrownBy(() -> Frames.decode(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}))
                .isInstanceOf(FrameException.class).hasMessageContaining("not valid UTF-8");
    }

    private static DataInputStream stream(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
