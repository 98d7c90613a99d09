package dev.procession.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A proxy of a dict held by a manager's server. {@code d[k]} is {@link #get(Object)} (raises
 * KeyError), {@code d[k] = v} is {@link #set}, {@code del d[k]} is {@link #del}. Keys are
 * plain values (strings, integers...); {@code d[k] -= 1} is a get and a set: two operations.
 */
public final class DictProxy extends Proxy {
    DictProxy(Mp mp, long id) {
        super(mp, id, "DictProxy");
    }

    /** d[key]: raises KeyError if absent. */
    public Object get(Object key) {
        return op("getitem", "key", key);
    }

    /** d.get(key, default) */
    public Object get(Object key, Object defaultValue) {
        return op("get", "key", key, "default", defaultValue);
    }

    /** d[key] = value */
    public void set(Object key, Object value) {
        op("setitem", "key", key, "value", value);
    }

    /** del d[key]: raises KeyError if absent. */
    public void del(Object key) {
        op("delitem", "key", key);
    }

    /** len(d) */
    public int len() {
        return toInt(op("len"));
    }

    /** key in d */
    public boolean contains(Object key) {
        return Boolean.TRUE.equals(op("contains", "key", key));
    }

    @SuppressWarnings("unchecked")
    public List<Object> keys() {
        return (List<Object>) op("keys");
    }

    @SuppressWarnings("unchecked")
    public List<Object> values() {
        return (List<Object>) op("values");
    }

    /** d.items(), as (key, value) tuples. */
    @SuppressWarnings("unchecked")
    public List<Tuple> items() {
        return (List<Tuple>) op("items");
    }

    /** d.update(other) */
    public void update(Map<?, ?> other) {
        List<Object> pairs = new ArrayList<>();
        other.forEach((k, v) -> pairs.add(Arrays.asList(k, v)));
        op("update", "items", pairs);
    }

    /** d.pop(key): raises KeyError if absent. */
    public Object pop(Object key) {
        return op("pop", "key", key);
    }

    /** d.pop(key, default) */
    public Object pop(Object key, Object defaultValue) {
        return op("pop", "key", key, "default", defaultValue);
    }

    /** d.setdefault(key, default) */
    public Object setdefault(Object key, Object defaultValue) {
        return op("setdefault", "key", key, "default", defaultValue);
    }

    public void clear() {
        op("clear");
    }

    /** d.copy(): a plain map of the current contents, keys keeping their types. */
    @SuppressWarnings("unchecked")
    public Map<Object, Object> copy() {
        return (Map<Object, Object>) op("copy");
    }
}
