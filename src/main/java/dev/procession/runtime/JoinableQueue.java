package dev.procession.runtime;

/** multiprocessing.JoinableQueue: a Queue that counts the items not yet marked done. */
public final class JoinableQueue extends Queue {
    JoinableQueue(Mp mp, long id, Long maxsize) {
        super(mp, id, "JoinableQueue", maxsize);
    }

    /** Marks one item got earlier as done; ValueError if called more times than items were put. */
    public void taskDone() {
        call("task_done");
    }

    /** Blocks until every item put has been marked done. */
    public void join() {
        call("join");
    }
}
