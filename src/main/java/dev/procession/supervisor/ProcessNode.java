package dev.procession.supervisor;

/**
 * One process of a run as the supervisor reports it: the hub's view joined with the OS's.
 *
 * @param osPpid  the parent PID the kernel reports now (differs from {@code ppid} for an orphan)
 * @param osState the one-letter state from /proc ('T' when paused), or '-' when gone
 * @param orphan  its parent process ended before it did
 */
public record ProcessNode(long procId, String name, long pid, long ppid, long osPpid, char osState, boolean daemon,
                          String state, String blockedOn, Long exitCode, boolean exited, boolean orphan,
                          double cpuSeconds, long rssBytes) {

    public boolean paused() {
        return osState == 'T' || osState == 't';
    }
}
