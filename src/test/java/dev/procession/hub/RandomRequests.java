package dev.procession.hub;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random requests from a client that has said hello: real op names with fields of the wrong type,
 * out of range, nested deeper than the hub parses, or naming objects of another type. The hub
 * must answer each with an error, or close the connection for a malformed frame, and never fail
 * inside (a {@code hub-error}).
 */
final class RandomRequests {
    static final List<String> TYPES = List.of("Lock", "RLock", "Semaphore", "BoundedSemaphore", "Event", "Condition",
            "Barrier", "Manager", "Pool", "Queue", "JoinableQueue", "Pipe", "Teapot");
    private static final List<String> OPS = List.of("new", "print", "log", "sleep", "proc.new", "proc.spawned",
            "proc.exit", "proc.daemon", "proc.join", "proc.signal", "acquire", "release", "locked", "owned", "set",
            "clear", "is_set", "wait", "notify", "notify_all", "abort", "reset", "n_waiting", "parties", "broken",
            "put", "get", "qsize", "empty", "full", "task_done", "join", "close", "maxsize", "send", "recv", "poll",
            "create", "value", "dict", "list", "serve", "shutdown", "submit", "next", "result", "ready", "successful",
            "terminate", "done", "failed", "answer", "return", "action", "info", "took", "timeout", "frobnicate");
    private static final List<String> FIELDS = List.of("obj", "type", "timeout", "block", "item", "value", "n",
            "parties", "maxsize", "text", "kind", "seconds", "proc", "args", "target", "name", "daemon", "signal",
            "code", "how", "identity", "line", "ref", "key", "default", "index", "job", "tasks", "processes", "batch",
            "initial", "duplex", "lock", "action", "req", "set", "next", "ahead", "copy", "pid", "token");
    private static final List<String> TAGS = List.of("$obj", "$type", "$tuple", "$bytes", "$dict", "$int", "$float",
            "$", "$nonsense");
    /** Objects are numbered from 1 in the order made: most requests name one of the first few dozen. */
    private static final int MADE = 40;
    /** Past the parser's limit of 64: such a frame is malformed and costs its connection. */
    private static final int MAX_DEPTH = 70;

    private final Random random;
    private long nextId = 1;

    RandomRequests(Random random) {
        this.random = random;
    }

    Map<String, Object> next() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (random.nextInt(20) != 0) {
            m.put("id", nextId++);
        }
        boolean making = random.nextInt(6) == 0;
        m.put("op", making ? "new" : random.nextInt(30) == 0 ? value(0) : OPS.get(random.nextInt(OPS.size())));
        if (making && random.nextInt(10) != 0) {
            m.put("type", TYPES.get(random.nextInt(TYPES.size())));
        } else if (random.nextInt(4) != 0) {
            // Most requests name an object: one the client made, likely of another type, or none at all.
            m.put("obj", random.nextInt(10) == 0 ? value(0) : (long) random.nextInt(MADE));
        }
        int fields = random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            m.put(field, random.nextInt(10) < 7 ? plausible(field) : value(0));
        }
        return m;
    }

    /** A value of the type the field usually has, so that requests get past the first check and in. */
    private Object plausible(String field) {
        return switch (field) {
            case "timeout", "seconds" -> random.nextBoolean() ? null : random.nextInt(50) / 1000.0;
            case "block", "daemon", "duplex", "lock", "copy" -> random.nextBoolean();
            case "obj", "proc", "n", "value", "parties", "maxsize", "initial", "processes", "index", "code", "job",
                 "req", "ahead", "batch", "line" -> (long) random.nextInt(6);
            case "type" -> TYPES.get(random.nextInt(TYPES.size()));
            case "kind" -> List.of("note", "task", "task-done", "file-read", "error", "exit", "target", "class")
                    .get(random.nextInt(8));
            case "signal" -> List.of("SIGTERM", "SIGKILL", "SIGINT").get(random.nextInt(3));
            case "args", "tasks", "identity" -> list(1);
            default -> random.nextBoolean() ? (long) random.nextInt(6) : text();
        };
    }

    private Object value(int depth) {
        int choice = depth >= MAX_DEPTH ? random.nextInt(7) : random.nextInt(depth < 3 ? 11 : 10);
        return switch (choice) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> number();
            case 3 -> List.of(-0.0, 1e308, -1e308, 4.9e-324, 0.5, 1e15, -3.0).get(random.nextInt(7));
            case 4 -> text();
            case 5 -> (long) random.nextInt(24);
            case 6 -> "";
            case 7 -> list(depth);
            case 8 -> map(depth, random.nextInt(4));
            case 9 -> tagged(depth);
            // Near the top only: long chains of one nesting per level.
            default -> chain();
        };
    }

    private Object number() {
        return List.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1, random.nextLong())
                .get(random.nextInt(7));
    }

    private String text() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(random.nextInt(50) == 0 ? 20_000 : 16);
        for (int i = 0; i < n; i++) {
            sb.append(switch (random.nextInt(5)) {
                case 0 -> (char) ('a' + random.nextInt(26));
                case 1 -> (char) random.nextInt(32);
                case 2 -> "\u00e9\u4e2d\ud83d\ude00";
                case 3 -> "\"\\/";
                default -> "$";
            });
        }
        return sb.toString();
    }

    private List<Object> list(int depth) {
        List<Object> l = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            l.add(value(depth + 1));
        }
        return l;
    }

    private Map<String, Object> map(int depth, int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(random.nextBoolean() ? FIELDS.get(random.nextInt(FIELDS.size())) : text(), value(depth + 1));
        }
        return m;
    }

    /** What the wire uses for Python values JSON has no form for, with right or wrong contents. */
    private Map<String, Object> tagged(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(TAGS.get(random.nextInt(TAGS.size())), value(depth + 1));
        if (random.nextInt(3) == 0) {
            m.put(TAGS.get(random.nextInt(TAGS.size())), value(depth + 1));
        }
        return m;
    }

    /** One value nested some dozens of levels deep, sometimes deeper than the parser allows. */
    private Object chain() {
        int levels = 40 + random.nextInt(40);
        Object v = value(MAX_DEPTH);
        for (int i = 0; i < levels; i++) {
            List<Object> one = Collections.singletonList(v);
            v = random.nextBoolean() ? one : Collections.singletonMap(random.nextBoolean() ? "$tuple" : "k",
                    random.nextBoolean() ? one : v);
        }
        return v;
    }
}
