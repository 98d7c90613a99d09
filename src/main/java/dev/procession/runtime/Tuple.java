package dev.procession.runtime;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Python tuple: a fixed sequence that prints as {@code (1, 2)} and travels as a tuple, where a
 * {@code List} is a Python list and prints as {@code [1, 2]}. Equal only to another tuple, as
 * {@code (1, 2) != [1, 2]} in Python; it may hold None.
 */
public record Tuple(List<Object> items) {
    public Tuple {
        items = Collections.unmodifiableList(Arrays.asList(items.toArray()));
    }

    public static Tuple of(Object... items) {
        return new Tuple(Arrays.asList(items));
    }

    public Object get(int i) {
        return items.get(i);
    }

    public int size() {
        return items.size();
    }

    @Override
    public String toString() {
        return Values.repr(this);
    }
}
