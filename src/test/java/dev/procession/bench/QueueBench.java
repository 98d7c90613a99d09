package dev.procession.bench;

import dev.procession.runtime.Mp;
import dev.procession.runtime.Targets;

/**
 * TODO(queue): placeholder until the Queue primitive (mp.queue()) is on main. The measurement,
 * written against that API, waits in bench/pending/QueueBench.java: move it here to replace this.
 */
final class QueueBench {
    private QueueBench() {
    }

    static boolean available() {
        return false;
    }

    static void define(Targets targets) {
    }

    static void run(Mp mp, int repeats, long m) {
        throw new UnsupportedOperationException("the Queue primitive is not on this branch yet");
    }
}
