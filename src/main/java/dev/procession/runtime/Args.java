package dev.procession.runtime;

import java.util.List;
import java.util.Map;

/** A process's (or task's) arguments, with typed reads that say which argument was wrong. */
public final class Args {
    private final List<Object> values;

    public Args(List<Object> values) {
        this.values = List.copyOf(values.stream().map(v -> v == null ? NONE : v).toList());
    }

    private static final Object NONE = new Object();

    public int size() {
        return values.size();
    }

    public Object get(int i) {
        if (i >= values.size()) {
            throw new MpException("TypeError", "missing argument " + i + " (got " + values.size() + ")");
        }
        Object v = values.get(i);
        return v == NONE ? null : v;
    }

    public <T> T get(int i, Class<T> type) {
        Object v = get(i);
        if (!type.isInstance(v)) {
            throw new MpException("TypeError", "argument " + i + " must be a " + type.getSimpleName() + ", got "
                    + (v == null ? "None" : v.getClass().getSimpleName()));
        }
        return type.cast(v);
    }

    public long integer(int i) {
        return get(i, Long.class);
    }

    public int intValue(int i) {
        return Math.toIntExact(integer(i));
    }

    public double number(int i) {
        return get(i, Number.class).doubleValue();
    }

    public String string(int i) {
        return get(i, String.class);
    }

    public boolean bool(int i) {
        return get(i, Boolean.class);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(int i) {
        return get(i, Map.class);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(int i) {
        return get(i, List.class);
    }

    public List<Object> asList() {
        return values.stream().map(v -> v == NONE ? null : v).toList();
    }
}
