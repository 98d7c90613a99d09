package dev.procession.runtime;

import java.util.List;
import java.util.Map;

/**
 * multiprocessing.Queue: items live in the hub, so any process holding the queue can get what
 * any other put. Items are plain values and handles of primitives.
 *
 * <p>A put to an unbounded queue never blocks in Python (a feeder thread sends it later), so it
 * is a one-way message here, gathered with the puts that follow it into one frame: the caller
 * does not wait for the hub, which still handles each put in this process's order, before
 * anything this process asks afterwards. The only getter of an unbounded queue may be handed
 * part of the backlog ahead of its gets ({@link Prefetched}); each still counts as got only when
 * taken, and comes back if another process starts getting.
 */
public class Queue extends RemoteObject {
    /** Known to the process that made the queue; asked of the hub once elsewhere. */
    private volatile Long maxsize;
    /** close() is per process and per handle, as in Python. */
    private volatile boolean closed;

    Queue(Mp mp, long id, String type, Long maxsize) {
        super(mp, id, type);
        this.maxsize = maxsize;
    }

    public void put(Object item) {
        put(item, true, null);
    }

    /** put(item, block, timeout): raises {@link MpException.Full} when there is no room in time. */
    public void put(Object item, boolean block, Double timeout) {
        checkOpen();
        Object encoded = Values.encode(item);
        if (maxsize() <= 0) {
            mp.client().tellBatched("put", id, encoded);
            return;
        }
        Map<String, Object> m = blocking(block, timeout);
        m.put("item", encoded);
        call("put", m);
    }

    public void putNowait(Object item) {
        put(item, false, null);
    }

    public Object get() {
        return get(true, null);
    }

    /** get(block, timeout): raises {@link MpException.Empty} when nothing arrives in time. */
    public Object get(boolean block, Double timeout) {
        checkOpen();
        Map<String, Object> m = blocking(block, timeout);
        if (maxsize() > 0) {
            return Values.decode(call("get", m), mp);
        }
        // An unbounded queue's only getter may have items here already (see Prefetched).
        Prefetched ahead = mp.prefetched(id);
        Object item = ahead.take(mp.client());
        if (item != Prefetched.NOTHING) {
            return Values.decode(item, mp);
        }
        m.put("ahead", true);
        Map<?, ?> reply = (Map<?, ?>) call("get", m);
        if (reply.get("more") instanceof List<?> more) {
            ahead.add(more);
        }
        return Values.decode(reply.get("item"), mp);
    }

    /** get(timeout=t) */
    public Object get(double timeout) {
        return get(true, timeout);
    }

    public Object getNowait() {
        return get(false, null);
    }

    public long qsize() {
        return ((Number) call("qsize")).longValue();
    }

    public boolean empty() {
        return Boolean.TRUE.equals(call("empty"));
    }

    public boolean full() {
        return Boolean.TRUE.equals(call("full"));
    }

    /** This process will use this handle no more: put and get on it raise ValueError from now on. */
    public void close() {
        if (!closed) {
            closed = true;
            tell("close", Map.of());
        }
    }

    /** Python waits for the feeder thread to flush; puts here are already with the hub. */
    public void joinThread() {
    }

    public void cancelJoinThread() {
    }

    private long maxsize() {
        Long known = maxsize;
        if (known == null) {
            known = ((Number) call("maxsize")).longValue();
            maxsize = known;
        }
        return known;
    }

    private void checkOpen() {
        if (closed) {
            throw new MpException("ValueError", "Queue " + this + " is closed");
        }
    }
}
