package dev.procession.runtime;

/** multiprocessing.RLock: its owner may acquire it again; only the owner releases it. */
public final class RLock extends Lock {
    RLock(Mp mp, long id) {
        super(mp, id, "RLock");
    }
}
