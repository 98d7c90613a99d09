package dev.procession.app.stage.manager;

/**
 * The arithmetic of one round of decrements of a shared count: every write is meant to be one
 * decrement, so the count should be {@code start - writes}; what it is above that was lost.
 *
 * @param start   the count the dict started with
 * @param planned how many decrements the round makes in all (processes x decrements)
 * @param writes  the writes to the dict so far
 * @param now     the count the dict holds now, or null before the log has shown it
 * @param ended   the round is over: {@code now} is its final count
 */
public record LostUpdates(long start, long planned, long writes, Long now, boolean ended) {

    public long expected() {
        return start - planned;
    }

    /** How many decrements were lost: at the end against the expected count, before against the writes. */
    public long lost() {
        if (now == null) {
            return 0;
        }
        return ended ? now - expected() : now - (start - writes);
    }

    public String text() {
        if (now == null) {
            return "count not read yet";
        }
        if (ended) {
            return "expected " + expected() + ", dict says " + now + ": "
                    + (lost() == 0 ? "no update lost" : lost() + (lost() == 1 ? " update lost" : " updates lost"));
        }
        return writes + " of " + planned + " decrements written; should be " + (start - writes) + ": "
                + (lost() == 0 ? "none lost so far" : lost() + " lost so far");
    }
}
