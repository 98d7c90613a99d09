package dev.procession.runtime;

import java.util.List;

/**
 * A proxy of a list held by a manager's server. {@code l[i]} is {@link #get(int)} (negative
 * indexes count from the end; IndexError when out of range), {@code l[:]} is {@link #copy()}.
 */
public final class ListProxy extends Proxy {
    ListProxy(Mp mp, long id) {
        super(mp, id, "ListProxy");
    }

    /** l[index] */
    public Object get(int index) {
        return op("getitem", "index", index);
    }

    /** l[index] = value */
    public void set(int index, Object value) {
        op("setitem", "index", index, "value", value);
    }

    /** del l[index] */
    public void del(int index) {
        op("delitem", "index", index);
    }

    public void append(Object value) {
        op("append", "value", value);
    }

    public void extend(List<?> values) {
        op("extend", "items", values);
    }

    public void insert(int index, Object value) {
        op("insert", "index", index, "value", value);
    }

    /** l.pop(): the last item. */
    public Object pop() {
        return op("pop");
    }

    public Object pop(int index) {
        return op("pop", "index", index);
    }

    /** l.remove(value): ValueError if absent. */
    public void remove(Object value) {
        op("remove", "value", value);
    }

    /** l.index(value): ValueError if absent. */
    public int index(Object value) {
        return toInt(op("index", "value", value));
    }

    public int count(Object value) {
        return toInt(op("count", "value", value));
    }

    /** len(l) */
    public int len() {
        return toInt(op("len"));
    }

    /** value in l */
    public boolean contains(Object value) {
        return Boolean.TRUE.equals(op("contains", "value", value));
    }

    /** l[:]: a plain copy of the current contents. */
    @SuppressWarnings("unchecked")
    public List<Object> copy() {
        return (List<Object>) op("copy");
    }
}
