package dev.procession.hub;

import dev.procession.protocol.PyWire;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * multiprocessing.Array: a fixed number of C values. An item or a slice (step 1) is read or
 * written in one call; as in Python, a[:] of a 'c' array is bytes and of a 'u' array a str.
 */
final class SharedArrayPrimitive extends SharedCtypePrimitive {
    /**
     * Python allocates whatever it is asked for (and dies of a bus error past the machine's
     * memory); here an array must fit, read whole, in one frame of the protocol.
     */
    static final int MOST_ITEMS = 10_000;

    private final List<Object> items;

    private SharedArrayPrimitive(long id, String name, CType ctype, Hub hub, Map<String, Object> m,
                                 List<Object> items) {
        super(id, "Array", name, ctype, hub, m);
        this.items = items;
    }

    /** {@code typecode}, {@code init} (a size, or the items: a list, tuple, bytes or str), optional {@code lock} as a Value's. */
    static SharedArrayPrimitive create(Hub hub, long id, String name, Map<String, Object> m) {
        CType ctype = ctype(m);
        Object init = m.get("init");
        List<Object> items = new ArrayList<>();
        if (init instanceof Map<?, ?> big && PyWire.INT.equals(PyWire.tag(big))) {
            throw new HubError("OverflowError", "cannot fit 'int' into an index-sized integer");
        }
        if (init instanceof Long || init instanceof Boolean) {
            long size = init instanceof Long n ? n : Boolean.TRUE.equals(init) ? 1 : 0;
            if (size < 0) {
                throw new HubError("ValueError", "Array length must be >= 0, not " + size);
            }
            checkSize(size);
            items.addAll(Collections.nCopies((int) size, ctype.zero()));
        } else {
            List<Object> given = sequence(init);
            if (given == null) {
                throw new HubError("TypeError", "object of type '" + CType.typeName(init) + "' has no len()");
            }
            checkSize(given.size());
            given.forEach(item -> items.add(ctype.store(item)));
        }
        return new SharedArrayPrimitive(id, name, ctype, hub, m, items);
    }

    private static void checkSize(long size) {
        if (size > MOST_ITEMS) {
            throw new HubError("ValueError", "a shared Array holds at most " + MOST_ITEMS + " items in Procession, not "
                    + size);
        }
    }

    /**
     * The items of a list, tuple, bytes (ints, as Python iterates them) or str (one-character
     * strs); null for anything else.
     */
    private static List<Object> sequence(Object wire) {
        if (wire instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (wire instanceof String s) {
            return new ArrayList<>(s.codePoints().mapToObj(Character::toString).toList());
        }
        if (wire instanceof Map<?, ?> m && PyWire.TUPLE.equals(PyWire.tag(m)) && m.get(PyWire.TUPLE) instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (wire instanceof Map<?, ?> m && PyWire.BYTES.equals(PyWire.tag(m))) {
            List<Object> out = new ArrayList<>();
            for (byte b : Base64.getDecoder().decode(String.valueOf(m.get(PyWire.BYTES)))) {
                out.add((long) (b & 0xff));
            }
            return out;
        }
        return null;
    }

    @Override
    public void handle(String op, Call call) {
        if (lockOp(op, call)) {
            return;
        }
        Map<String, Object> m = call.message();
        switch (op) {
            case "len" -> call.reply((long) items.size());
            case "getitem" -> {
                int i = index(m.get("index"));
                read(call, Map.of("index", (long) i), items.get(i));
            }
            case "setitem" -> {
                int i = index(m.get("index"));
                items.set(i, ctype.store(m.get("value")));
                written(call, Map.of("index", (long) i), items.get(i));
            }
            case "getslice" -> {
                int start = bound(m.get("start"), 0);
                int stop = Math.max(start, bound(m.get("stop"), items.size()));
                read(call, Map.of("start", (long) start, "stop", (long) stop), joined(items.subList(start, stop)));
            }
            case "setslice" -> {
                int start = bound(m.get("start"), 0);
                int stop = Math.max(start, bound(m.get("stop"), items.size()));
                List<Object> given = sequence(m.get("value"));
                if (given == null || given.size() != stop - start) {
                    throw new HubError("ValueError", "Can only assign sequence of same size");
                }
                // Every item is checked before any is stored: a bad one leaves the array as it was.
                List<Object> stored = given.stream().map(ctype::store).toList();
                for (int k = 0; k < stored.size(); k++) {
                    items.set(start + k, stored.get(k));
                }
                written(call, Map.of("start", (long) start, "stop", (long) stop), stored);
            }
            default -> throw unknownOp(type(), op);
        }
    }

    /** An item's index, negative from the end, as ctypes takes it. */
    private int index(Object wire) {
        long i = switch (wire) {
            case Long l -> l;
            case Boolean b -> b ? 1 : 0;
            case null, default -> throw new HubError("TypeError", "indices must be integers");
        };
        long at = i < 0 ? i + items.size() : i;
        if (at < 0 || at >= items.size()) {
            throw new HubError("IndexError", "invalid index");
        }
        return (int) at;
    }

    /** A slice bound as Python clamps it: None is the default, negative counts from the end. */
    private int bound(Object wire, int absent) {
        if (wire == null) {
            return absent;
        }
        if (!(wire instanceof Long l)) {
            throw new HubError("TypeError", "slice indices must be integers or None");
        }
        long at = l < 0 ? l + items.size() : l;
        return (int) Math.clamp(at, 0, items.size());
    }

    /** A slice as Python gives it: bytes for 'c', a str for 'u', else a list. */
    private Object joined(List<Object> slice) {
        return switch (ctype) {
            case CHAR -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                slice.forEach(b -> out.writeBytes(Base64.getDecoder().decode(String.valueOf(((Map<?, ?>) b).get(PyWire.BYTES)))));
                yield CType.bytes(out.toByteArray());
            }
            case WCHAR -> String.join("", slice.stream().map(String::valueOf).toList());
            default -> new ArrayList<>(slice);
        };
    }

    @Override
    protected String rawTypeName() {
        return ctype.ctypesName + "_Array_" + items.size();
    }

    @Override
    protected Object content() {
        return new ArrayList<>(items);
    }
}
