package dev.procession.hub;

import java.util.Map;

/** multiprocessing.Value: one C value; get is {@code v.value}, set is {@code v.value = x}. */
final class SharedValuePrimitive extends SharedCtypePrimitive {
    private Object value;

    private SharedValuePrimitive(long id, String name, CType ctype, Hub hub, Map<String, Object> m, Object value) {
        super(id, "Value", name, ctype, hub, m);
        this.value = value;
    }

    /**
     * {@code typecode}, optional {@code value} (the C type's zero when absent), optional {@code lock}
     * (true for a new RLock, or the id of a lock). The value is checked before any lock is made.
     */
    static SharedValuePrimitive create(Hub hub, long id, String name, Map<String, Object> m) {
        CType ctype = ctype(m);
        Object value = m.containsKey("value") ? ctype.store(m.get("value")) : ctype.zero();
        return new SharedValuePrimitive(id, name, ctype, hub, m, value);
    }

    @Override
    public void handle(String op, Call call) {
        if (lockOp(op, call)) {
            return;
        }
        switch (op) {
            case "get" -> read(call, Map.of(), value);
            case "set" -> {
                value = ctype.store(call.message().get("value"));
                written(call, Map.of(), value);
            }
            default -> throw unknownOp(type(), op);
        }
    }

    @Override
    protected String rawTypeName() {
        return ctype.ctypesName;
    }

    @Override
    protected Object content() {
        return value;
    }
}
