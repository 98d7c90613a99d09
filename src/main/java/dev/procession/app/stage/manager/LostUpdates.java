package dev.procession.app.stage.manager;

import dev.procession.app.Messages;

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
            return Messages.text("stage.manager.lost.notRead");
        }
        if (ended) {
            String lostText = lost() == 0 ? Messages.text("stage.manager.lost.none")
                    : lost() == 1 ? Messages.text("stage.manager.lost.one", lost())
                    : Messages.text("stage.manager.lost.many", lost());
            return Messages.text("stage.manager.lost.ended", expected(), now, lostText);
        }
        String soFar = lost() == 0 ? Messages.text("stage.manager.lost.noneSoFar")
                : Messages.text("stage.manager.lost.soFar", lost());
        return Messages.text("stage.manager.lost.running", writes, planned, start - writes, soFar);
    }
}
