package dev.procession.app.compare;

import dev.procession.app.Messages;
import dev.procession.app.run.RunState;
import dev.procession.model.LessonOutcome;
import dev.procession.model.LessonOutcome.CountEnded;
import dev.procession.model.LessonOutcome.TicketsSold;

/**
 * The sentence under the two stages: what each side came to, once both ended by themselves, or
 * what stands in the way of saying it.
 *
 * @param text    the sentence
 * @param warning the side without the lock went wrong (oversold, lost updates): shown with an icon
 */
record ComparisonStatement(String text, boolean warning) {

    static ComparisonStatement of(LessonOutcome withLock, LessonOutcome without, RunState left, RunState right) {
        if (withLock instanceof TicketsSold w && without instanceof TicketsSold wo) {
            return new ComparisonStatement(Messages.text("compare.outcome.tickets", w.sold(), wo.sold(), w.stock()),
                    wo.oversold());
        }
        if (withLock instanceof CountEnded w && without instanceof CountEnded wo) {
            return new ComparisonStatement(Messages.text("compare.outcome.manager", w.expected(), w.count(), w.lost(),
                    wo.count(), wo.lost()), wo.lost() != 0);
        }
        if (left.isLive() || right.isLive()) {
            return new ComparisonStatement(Messages.text("compare.outcome.pending"), false);
        }
        if (left == RunState.IDLE && right == RunState.IDLE) {
            return new ComparisonStatement(Messages.text("compare.outcome.idle"), false);
        }
        return new ComparisonStatement(Messages.text("compare.outcome.unfinished"), false);
    }
}
