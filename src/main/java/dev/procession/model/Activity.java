package dev.procession.model;

/** What a process is doing, as the event log tells: the base of its {@link ProcStatus}. */
public enum Activity {
    /** Its parent started its JVM; it has not reached the hub yet. */
    STARTING,
    RUNNING,
    /** In {@code time.sleep}. */
    SLEEPING,
    /** In a call that waits for another process: an acquire, a wait, a get, a join. */
    BLOCKED,
    EXITED,
    /** In step mode: its call is held until the user lets it go (it is blocked in its socket read). */
    HELD
}
