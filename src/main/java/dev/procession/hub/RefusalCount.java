package dev.procession.hub;

/**
 * Decides which refusals the log records one by one. A run's own processes are never refused, so
 * refusals come from strangers, and a stranger can send them without end: the first
 * {@link #LOGGED_EACH} are logged in full, after that only the refusal whose count is a power of
 * two, carrying the count, so a flood of a million costs some thirty events. Hub thread only.
 */
final class RefusalCount {
    static final int LOGGED_EACH = 20;

    private long count;

    /** Counts one more refusal; true when this one is to be logged. */
    boolean next() {
        count++;
        return count <= LOGGED_EACH || Long.bitCount(count) == 1;
    }

    /** Refusals so far, this one included. */
    long count() {
        return count;
    }

    /** Whether refusals before this one went unlogged. */
    boolean coalesced() {
        return count > LOGGED_EACH;
    }
}
