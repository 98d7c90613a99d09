package dev.procession.runtime;

/** A proxy of a value held by a manager's server: {@code v.value} is get(), {@code v.value = x} is set(x). */
public final class ValueProxy extends Proxy {
    ValueProxy(Mp mp, long id) {
        super(mp, id, "ValueProxy");
    }

    public Object get() {
        return op("get");
    }

    public void set(Object value) {
        op("set", "value", value);
    }
}
