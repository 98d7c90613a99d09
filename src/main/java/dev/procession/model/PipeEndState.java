package dev.procession.model;

import dev.procession.events.Event;
import java.util.List;
import java.util.Map;

/**
 * One end of a Pipe: the messages in flight towards it (sent by the peer, not yet received),
 * the processes waiting to receive, and whether it is closed.
 */
public record PipeEndState(String ref, String name, String peer, PQueue<String> inbox, List<Long> receivers,
                           boolean closed) implements PrimitiveState {

    static PipeEndState created(String ref, String name, Map<String, Object> s) {
        return new PipeEndState(ref, name, Details.text(s, "peer"), PQueue.empty(), List.of(), false);
    }

    @Override
    public String type() {
        return "Connection";
    }

    /** The peer sent {@code item} towards this end. */
    PipeEndState delivered(String item) {
        return new PipeEndState(ref, name, peer, inbox.add(item), receivers, closed);
    }

    @Override
    public PrimitiveState on(Event e) {
        return switch (e.kind()) {
            case RECV -> new PipeEndState(ref, name, peer, inbox.poll(), Pids.without(receivers, e.pid()), closed);
            case RECV_WAIT -> new PipeEndState(ref, name, peer, inbox, Pids.with(receivers, e.pid()), closed);
            case WOKE, TIMEOUT, EOF -> without(e.pid());
            case CLOSED -> new PipeEndState(ref, name, peer, inbox, receivers, true);
            default -> this;
        };
    }

    @Override
    public PrimitiveState without(long pid) {
        return receivers.contains(pid) ? new PipeEndState(ref, name, peer, inbox, Pids.without(receivers, pid),
                closed) : this;
    }
}
