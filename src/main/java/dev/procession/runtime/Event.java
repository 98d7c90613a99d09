package dev.procession.runtime;

import java.util.Map;

/** multiprocessing.Event */
public final class Event extends RemoteObject {
    Event(Mp mp, long id) {
        super(mp, id, "Event");
    }

    public boolean isSet() {
        return Boolean.TRUE.equals(call("is_set"));
    }

    public void set() {
        call("set");
    }

    public void clear() {
        call("clear");
    }

    /** Waits until set; returns true. */
    public boolean await() {
        return Boolean.TRUE.equals(call("wait", Map.of()));
    }

    /** wait(timeout): returns whether the flag is set. */
    public boolean await(double timeout) {
        return Boolean.TRUE.equals(call("wait", blocking(true, timeout)));
    }
}
