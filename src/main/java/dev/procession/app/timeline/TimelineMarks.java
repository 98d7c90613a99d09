package dev.procession.app.timeline;

import dev.procession.events.Event;

/** Which events get a tick on their process's lane, and its label. */
final class TimelineMarks {
    private TimelineMarks() {
    }

    static String label(Event e) {
        return switch (e.kind()) {
            case ACQUIRED -> "acquire";
            case RELEASED -> "release";
            case SET -> "set";
            case CLEAR -> "clear";
            case PUT -> "put";
            case GOT -> "get";
            case SEND -> "send";
            case RECV -> "recv";
            case SIGNAL -> String.valueOf(e.get("signal"));
            default -> null;
        };
    }
}
