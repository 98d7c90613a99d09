package dev.procession.runtime;

import java.util.Arrays;

/** A Python bytes object: compared by content and printed as {@code b'...'}. */
public final class Bytes {
    private final byte[] data;

    public Bytes(byte[] data) {
        this.data = data.clone();
    }

    public byte[] toArray() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Values.repr(this);
    }
}
