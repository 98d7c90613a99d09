package dev.procession.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One end of a multiprocessing.Pipe. Messages are plain values and handles of primitives; they
 * wait in the hub until the other end receives them.
 *
 * <p>As in Python, close() closes this process's copy of the end: the other end sees EOFError
 * only when every process that held a copy has closed it or exited.
 */
public final class Connection extends RemoteObject implements AutoCloseable {
    private volatile boolean closed;
    /** readable and writable: known where the pipe was made, asked of the hub once elsewhere. */
    private volatile Map<?, ?> info;

    Connection(Mp mp, long id, Boolean readable, Boolean writable) {
        super(mp, id, "Connection");
        if (readable != null && writable != null) {
            this.info = Map.of("readable", readable, "writable", writable);
        }
    }

    public void send(Object obj) {
        checkOpen();
        Map<String, Object> m = new LinkedHashMap<>(2);
        m.put("item", Values.encode(obj));
        call("send", m);
    }

    /** Blocks until a message arrives; EOFError when the other end is closed and nothing is left. */
    public Object recv() {
        checkOpen();
        return Values.decode(call("recv"), mp);
    }

    /** poll(): whether there is something to receive (or the other end is closed), now. */
    public boolean poll() {
        return poll(0.0);
    }

    /** poll(timeout): waits up to timeout scenario seconds; null waits for as long as it takes. */
    public boolean poll(Double timeout) {
        checkOpen();
        Map<String, Object> m = new LinkedHashMap<>(2);
        m.put("timeout", timeout == null ? null : Math.max(0.0, timeout));
        return Boolean.TRUE.equals(call("poll", m));
    }

    /** Closes this process's copy of the end; closing twice does nothing, as in Python. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            call("close");
        }
    }

    public boolean closed() {
        return closed;
    }

    public boolean readable() {
        return Boolean.TRUE.equals(info().get("readable"));
    }

    public boolean writable() {
        return Boolean.TRUE.equals(info().get("writable"));
    }

    private Map<?, ?> info() {
        Map<?, ?> known = info;
        if (known == null) {
            known = (Map<?, ?>) call("info");
            info = known;
        }
        return known;
    }

    private void checkOpen() {
        if (closed) {
            throw new MpException("OSError", "handle is closed");
        }
    }
}
