package dev.procession.hub;

/**
 * A snapshot of one process as the hub sees it, safe to read on any thread.
 *
 * @param state     created, running, blocked, sleeping, exited, or held (in step mode)
 * @param blockedOn the primitive it waits on ("Lock#3"), or null
 * @param exitCode  as in Python: 0, 1, or minus the signal that ended it; null while unknown
 */
public record ProcInfo(long id, String name, long parentId, long pid, long ppid, boolean daemon, String state,
                       String blockedOn, boolean exited, Long exitCode, boolean connected) {
}
