package dev.procession.hub;

import java.util.ArrayDeque;
import java.util.Iterator;

/** Parked calls in arrival order, so waiters are served first come, first served. */
public final class WaitQueue implements Iterable<Call> {
    private final ArrayDeque<Call> calls = new ArrayDeque<>();

    public void add(Call call) {
        calls.add(call);
    }

    /** The oldest waiter still waiting, removed; null if none. */
    public Call poll() {
        Call call;
        while ((call = calls.poll()) != null) {
            if (!call.answered() && call.live()) {
                return call;
            }
        }
        return null;
    }

    public boolean remove(Call call) {
        return calls.remove(call);
    }

    public void dropDead() {
        calls.removeIf(c -> c.answered() || !c.live());
    }

    public int size() {
        dropDead();
        return calls.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** PIDs of the waiters, in order, for the log and the inspector. */
    public java.util.List<Long> pids() {
        dropDead();
        return calls.stream().map(Call::pid).toList();
    }

    @Override
    public Iterator<Call> iterator() {
        return calls.iterator();
    }
}
