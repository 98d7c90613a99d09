package dev.procession.runtime;

import java.util.Map;

/**
 * What multiprocessing's shared Value and Array have in common: the lock that guards them
 * (Python's get_lock(), an RLock unless the program gave one), and acquire, release and
 * {@code with} on the object itself, which act on that lock. Made with lock=False there is no
 * lock, and these raise AttributeError, as on Python's raw ctypes object.
 */
public abstract class SharedCtype extends RemoteObject {
    /** Known from the start by the process that made it; asked of the hub once by any other. */
    private volatile Acquirable lock;

    protected SharedCtype(Mp mp, long id, String type, Acquirable lock) {
        super(mp, id, type);
        this.lock = lock;
    }

    /** get_lock(): the lock that guards it; {@code with v.get_lock():} is {@code try (var held = v.getLock().hold())}. */
    public Acquirable getLock() {
        Acquirable known = lock;
        if (known == null) {
            Map<?, ?> reply = (Map<?, ?>) call("get_lock");
            known = (Acquirable) RemoteObjects.bind(mp, (String) reply.get("type"), ((Number) reply.get("obj")).longValue());
            lock = known;
        }
        return known;
    }

    /** acquire(): of its lock. */
    public boolean acquire() {
        return lockFor("acquire").acquire();
    }

    public boolean acquire(boolean block, Double timeout) {
        return lockFor("acquire").acquire(block, timeout);
    }

    /** release(): of its lock. */
    public void release() {
        lockFor("release").release();
    }

    /** {@code with v:} as {@code try (var held = v.hold()) { ... }}: holds its lock. */
    public Held hold() {
        return lockFor("__enter__").hold();
    }

    /** Its lock, or the AttributeError Python raises for {@code attribute} of an object without one. */
    private Acquirable lockFor(String attribute) {
        try {
            return getLock();
        } catch (MpException e) {
            if (!"AttributeError".equals(e.pythonType())) {
                throw e;
            }
            throw new MpException("AttributeError", e.pythonMessage().replace("'get_lock'", "'" + attribute + "'"));
        }
    }
}
