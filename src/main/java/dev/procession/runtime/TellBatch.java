package dev.procession.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Consecutive one-way messages of one op to one object (puts to a queue, takes of items handed
 * ahead), gathered into one frame {@code {"op", "obj", "batch": [...], "line"}} that the hub
 * handles as the same messages one by one, in order. Guarded by the client's output lock.
 */
final class TellBatch {
    /** A payload longer than this goes alone; a batch stops growing at about this size. */
    static final int MAX_CHARS = 128 * 1024;

    private String op;
    private long obj;
    private Integer line;
    private final StringBuilder payloads = new StringBuilder();
    private int count;

    /** Whether a payload of this op, object and line can join the batch under way (or start one). */
    boolean accepts(String op, long obj, Integer line) {
        return count == 0 || this.op.equals(op) && this.obj == obj && Objects.equals(this.line, line)
                && payloads.length() < MAX_CHARS;
    }

    void add(String op, long obj, Integer line, String payloadJson) {
        if (count == 0) {
            this.op = op;
            this.obj = obj;
            this.line = line;
        } else {
            payloads.append(',');
        }
        payloads.append(payloadJson);
        count++;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The frame of the batch so far, which then starts afresh. */
    byte[] drain() {
        StringBuilder json = new StringBuilder(payloads.length() + 64);
        json.append("{\"op\":\"").append(op).append("\",\"obj\":").append(obj).append(",\"batch\":[")
                .append(payloads).append(']');
        if (line != null) {
            json.append(",\"line\":").append(line.intValue());
        }
        json.append('}');
        payloads.setLength(0);
        count = 0;
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }
}
