package dev.procession.events;

/**
 * How a call that may block ended, carried by its one ending event in the field {@code outcome}.
 * The rule readers rely on: an event of process P with an outcome ends P's blocked or sleeping
 * state (docs/event-log.md).
 */
public enum Outcome {
    /** It waited and was let go (woken, handed the lock, the item came, the child exited). */
    WOKE("woke"),
    /** Its timeout expired while it waited. */
    TIMEOUT("timeout"),
    /** It returned without waiting, with or without what it asked for. */
    AT_ONCE("at-once");

    /** The name of the field that carries it. */
    public static final String FIELD = "outcome";

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The outcome an event carries, or null when it ends no wait. */
    public static Outcome of(Event event) {
        Object value = event.get(FIELD);
        for (Outcome o : values()) {
            if (o.wireName.equals(value)) {
                return o;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
