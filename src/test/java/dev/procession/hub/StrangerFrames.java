package dev.procession.hub;

import dev.procession.protocol.Frames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random first frames a stranger (a connection without the run's token) might send. Each is
 * refused by the hub, except a truncated one, which the stranger abandons by closing its side.
 */
final class StrangerFrames {
    /** What a stranger sends, and whether the hub must refuse it (false: it ends the connection itself). */
    record Attempt(String kind, byte[] bytes, boolean refused) {
    }

    private static final List<String> OPS = List.of("hello", "print", "acquire", "proc.new", "new", "log", "put",
            "sleep", "");
    private static final int MAX_HELLO = Connection.MAX_HELLO_BYTES;

    private final Random random;
    private final String token;

    StrangerFrames(Random random, String token) {
        this.random = random;
        this.token = token;
    }

    Attempt next() {
        return switch (random.nextInt(8)) {
            case 0 -> new Attempt("random bytes", frame(randomBytes(1 + random.nextInt(MAX_HELLO))), true);
            case 1 -> new Attempt("oversize", oversize(), true);
            case 2 -> new Attempt("deeply nested", frame(nested()), true);
            case 3 -> new Attempt("not UTF-8", frame(notUtf8()), true);
            case 4 -> new Attempt("no or wrong token", Frames.encode(unauthenticated()), true);
            case 5 -> new Attempt("not a JSON object", frame(notAnObject()), true);
            case 6 -> new Attempt("several frames at once", several(), true);
            default -> new Attempt("truncated", truncated(), false);
        };
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A length out of 1..1024, then a little of the body: refused before the body is read. */
    private byte[] oversize() {
        int length = switch (random.nextInt(4)) {
            case 0 -> MAX_HELLO + 1 + random.nextInt(Frames.MAX_FRAME_BYTES);
            case 1 -> Integer.MAX_VALUE - random.nextInt(1000);
            case 2 -> -random.nextInt(Integer.MAX_VALUE) - 1;
            default -> 0;
        };
        byte[] body = randomBytes(random.nextInt(64));
        return ByteBuffer.allocate(4 + body.length).putInt(length).put(body).array();
    }

    /** A hello whose one extra field nests arrays and objects past the parser's depth limit, within 1 KiB. */
    private byte[] nested() {
        int depth = 65 + random.nextInt(400);
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            boolean object = random.nextBoolean();
            open.append(object ? "{\"k\":" : "[");
            close.insert(0, object ? "}" : "]");
        }
        String json = "{\"id\":0,\"op\":\"hello\",\"token\":\"" + token + "\",\"proc\":999999,\"pid\":1,\"x\":"
                + open + "0" + close + "}";
        byte[] bytes = json.getBytes(StandardCharsets.US_ASCII);
        return bytes.length <= MAX_HELLO ? bytes : nestedArrays(MAX_HELLO);
    }

    /** {@code [[[...]]]} of exactly {@code n} bytes, far deeper than 64. */
    private static byte[] nestedArrays(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, 0, n / 2, (byte) '[');
        Arrays.fill(b, n / 2, n, (byte) ']');
        return b;
    }

    /** JSON text with bytes no UTF-8 decoder accepts: a lone continuation, an overlong form, a surrogate. */
    private byte[] notUtf8() {
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xFF}, {(byte) 0xE9}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        byte[] head = "{\"op\":\"hello\",\"token\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] middle = bad[random.nextInt(bad.length)];
        byte[] tail = "\",\"proc\":1,\"pid\":1}".getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(head.length + middle.length + tail.length).put(head).put(middle).put(tail).array();
    }

    /** A well-formed request from someone without the token: any op, a missing, wrong or near-miss token. */
    private Map<String, Object> unauthenticated() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", random.nextLong());
        m.put("op", OPS.get(random.nextInt(OPS.size())));
        switch (random.nextInt(4)) {
            case 0 -> { }
            case 1 -> m.put("token", token.substring(0, random.nextInt(token.length())));
            case 2 -> m.put("token", random.nextBoolean() ? 42L : List.of(token));
            default -> m.put("token", token.substring(1) + "0");
        }
        // Never the id of a process of the run: a hello with the right token would be that process.
        m.put("proc", 1_000_000L + random.nextInt(1_000_000));
        m.put("pid", random.nextLong());
        return m;
    }

    private byte[] notAnObject() {
        List<String> texts = List.of("[]", "null", "true", "-0.5e7", "\"hello\"", "{\"op\":\"hello\"", "{}}",
                "{\"op\" \"hello\"}", "{\"op\":\"hello\",}", "\uFEFF{}", "{\"op\":\"h\\uD800\"}", "{\"a\":1e99999}");
        return texts.get(random.nextInt(texts.size())).getBytes(StandardCharsets.UTF_8);
    }

    /** A bad frame with more behind it in the same write: the hub stops at the first. */
    private byte[] several() {
        byte[] first = Frames.encode(unauthenticated());
        byte[] more = frame(randomBytes(1 + random.nextInt(200)));
        return ByteBuffer.allocate(first.length + more.length).put(first).put(more).array();
    }

    /** A hello cut anywhere before its end; the stranger then closes its side. */
    private byte[] truncated() {
        byte[] whole = Frames.encode(unauthenticated());
        return Arrays.copyOf(whole, random.nextInt(whole.length));
    }

    private static byte[] frame(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }
}
