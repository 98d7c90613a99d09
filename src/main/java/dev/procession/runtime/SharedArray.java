package dev.procession.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * multiprocessing.Array: a fixed number of C values shared by the processes it is passed to.
 * {@code a[i]} is {@link #get(int)}, {@code a[i] = x} is {@link #set(int, Object)}, each one call
 * to the hub; {@code a[:]} is {@link #slice()}.
 */
public final class SharedArray extends SharedCtype {
    SharedArray(Mp mp, long id, Acquirable lock) {
        super(mp, id, "Array", lock);
    }

    /** len(a) */
    public int length() {
        return Math.toIntExact((Long) call("len"));
    }

    /** a[i]: negative from the end; IndexError outside. */
    public Object get(int i) {
        return op("getitem", "index", (long) i);
    }

    /** a[i] = x */
    public void set(int i, Object value) {
        op("setitem", "index", (long) i, "value", value);
    }

    /** a[:]: a list, or bytes for typecode 'c' and a str for 'u', as in Python. */
    public Object slice() {
        return slice(null, null);
    }

    /** a[start:stop] (null for an open end, negative from the end, clamped as Python does). */
    public Object slice(Integer start, Integer stop) {
        return op("getslice", "start", start, "stop", stop);
    }

    /** a[start:stop] = values: as many values as the slice has items, else ValueError. */
    public void setSlice(Integer start, Integer stop, Object values) {
        op("setslice", "start", start, "stop", stop, "value", values);
    }

    /** list(a): its items, in one call; for 'c' one-byte bytes, for 'u' one-character strs. */
    public List<Object> toList() {
        Object all = slice();
        return switch (all) {
            case Bytes b -> {
                List<Object> items = new ArrayList<>();
                for (byte x : b.toArray()) {
                    items.add(new Bytes(new byte[] {x}));
                }
                yield items;
            }
            case String s -> new ArrayList<>(s.codePoints().mapToObj(Character::toString).toList());
            default -> castList(all);
        };
    }

    /** Java's arrays of numbers as the list Python would be given; anything else as it is. */
    static Object itemsOf(Object sizeOrInitializer) {
        return switch (sizeOrInitializer) {
            case int[] a -> java.util.Arrays.stream(a).boxed().toList();
            case long[] a -> java.util.Arrays.stream(a).boxed().toList();
            case double[] a -> java.util.Arrays.stream(a).boxed().toList();
            case null, default -> sizeOrInitializer;
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object list) {
        return (List<Object>) list;
    }
}
