package dev.procession.model;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run of a lesson came to, in the numbers a side-by-side comparison states. It is read
 * from the log as a student reads the console: the program's own lines, checked against the
 * parameters in the log's header.
 */
public sealed interface LessonOutcome {

    /** The tickets scenario: how many buyers printed that they bought, against the stock at the start. */
    record TicketsSold(long sold, long stock) implements LessonOutcome {
        /** More sold than there were: the race without the lock. */
        public boolean oversold() {
            return sold > stock;
        }
    }

    /**
     * The manager scenario: the count main printed after its (last) round, against where every
     * decrement lands it.
     */
    record CountEnded(long count, long expected) implements LessonOutcome {
        /** Decrements that were overwritten: two processes read the same count and wrote it back. */
        public long lost() {
            return count - expected;
        }
    }

    /** TicketsScenario.buy prints "ticket bought by 2". */
    String BOUGHT = "ticket bought by ";
    /** ManagerScenario.main prints "without lock 37" or "with lock 0" after each round. */
    Pattern ROUND_END = Pattern.compile("^(?:with|without) lock (-?\\d+)$");

    /** The outcome of the run {@code log} tells of, once it has one; empty for a scenario without. */
    static Optional<LessonOutcome> of(List<Event> log) {
        if (log.isEmpty()) {
            return Optional.empty();
        }
        RunHeader header = RunState.EMPTY.apply(log.getFirst()).header();
        return switch (header.scenario() == null ? "" : header.scenario()) {
            case "tickets" -> Optional.of(new TicketsSold(log.stream().filter(LessonOutcome::bought).count(),
                    number(header, "stock")));
            case "manager" -> lastRoundEnd(log).map(count -> new CountEnded(count,
                    number(header, "count") - number(header, "processes") * number(header, "decrements")));
            default -> Optional.empty();
        };
    }

    private static boolean bought(Event e) {
        return e.kind() == EventKind.PRINT && e.text("text") != null && e.text("text").startsWith(BOUGHT);
    }

    private static Optional<Long> lastRoundEnd(List<Event> log) {
        Long count = null;
        for (Event e : log) {
            if (e.kind() == EventKind.PRINT && e.text("text") != null) {
                Matcher m = ROUND_END.matcher(e.text("text"));
                if (m.matches()) {
                    count = Long.parseLong(m.group(1));
                }
            }
        }
        return Optional.ofNullable(count);
    }

    private static long number(RunHeader header, String name) {
        if (header.params().get(name) instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("the log's header has no number '" + name + "' for scenario '"
                + header.scenario() + "'");
    }
}
