package dev.procession.runtime;

/**
 * multiprocessing.Value: one C value shared by the processes it is passed to. {@code v.value}
 * is {@link #get()} and {@code v.value = x} is {@link #set}; each is one call to the hub, so
 * {@code v.value += 1} without the lock is a race, as in Python.
 */
public final class SharedValue extends SharedCtype {
    SharedValue(Mp mp, long id, Acquirable lock) {
        super(mp, id, "Value", lock);
    }

    /** v.value: an int (Long, or BigInteger past 64 bits), a float (Double), bytes ('c') or a str ('u'). */
    public Object get() {
        return op("get");
    }

    /** v.value = x: stored as the C type stores it (integers wrap around); TypeError for a wrong type. */
    public void set(Object value) {
        op("set", "value", value);
    }

    /** v.value of an integer typecode, as a long. */
    public long longValue() {
        return ((Number) get()).longValue();
    }

    /** v.value of a float typecode, as a double. */
    public double doubleValue() {
        return ((Number) get()).doubleValue();
    }
}
