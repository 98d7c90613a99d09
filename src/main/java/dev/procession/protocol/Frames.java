package dev.procession.protocol;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Framing of the wire protocol: a 4-byte big-endian length, then that many bytes of one UTF-8
 * JSON object. See docs/protocol.md.
 */
public final class Frames {
    /** Largest frame body either side accepts; a longer announced length is refused unread. */
    public static final int MAX_FRAME_BYTES = 1 << 20;

    private Frames() {
    }

    public static byte[] encode(Map<String, ?> message) {
        byte[] body = Json.write(message).getBytes(StandardCharsets.UTF_8);
        if (body.length > MAX_FRAME_BYTES) {
            throw new FrameException("frame of " + body.length + " bytes is over the limit of " + MAX_FRAME_BYTES);
        }
        byte[] frame = new byte[4 + body.length];
        ByteBuffer.wrap(frame).putInt(body.length).put(body);
        return frame;
    }

    public static void write(OutputStream out, Map<String, ?> message) throws IOException {
        out.write(encode(message));
    }

    /**
     * Reads one frame; returns null on a clean end of stream before its first byte.
     *
     * @throws EOFException if the stream ends inside a frame (its length or its body)
     */
    public static Map<String, Object> read(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int length = first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
        checkLength(length);
        byte[] body = new byte[length];
        in.readFully(body);
        return decode(body);
    }

    public static void checkLength(int length) {
        if (length <= 0 || length > MAX_FRAME_BYTES) {
            throw new FrameException("frame length " + Integer.toUnsignedString(length)
                    + " is outside 1.." + MAX_FRAME_BYTES);
        }
    }

    public static Map<String, Object> decode(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new FrameException("frame is not valid UTF-8");
        }
        try {
            return Json.parseObject(text);
        } catch (JsonException e) {
            throw new FrameException(e.getMessage());
        }
    }
}
