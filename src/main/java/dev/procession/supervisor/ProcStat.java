package dev.procession.supervisor;

/**
 * One snapshot of a process from {@code /proc/PID/stat} (plus {@code VmRSS} from {@code /proc/PID/status}).
 *
 * @param pid            process id (the thread-group id)
 * @param comm           executable name, at most 15 bytes, may contain spaces and parentheses
 * @param state          one-letter scheduler state (R S D T t Z X I...), see {@link ProcessState}
 * @param ppid           parent pid; 0 for init and kernel threads' roots
 * @param pgrp           process group id
 * @param utimeTicks     CPU time in user mode, in clock ticks
 * @param stimeTicks     CPU time in kernel mode, in clock ticks
 * @param startTimeTicks start time after boot, in clock ticks; with pid it identifies a process across pid reuse
 * @param threads        number of threads
 * @param rssBytes       resident set size in bytes; 0 when the kernel reports none (zombies, kernel threads)
 */
public record ProcStat(
        long pid,
        String comm,
        char state,
        long ppid,
        long pgrp,
        long utimeTicks,
        long stimeTicks,
        long startTimeTicks,
        int threads,
        long rssBytes) {

    /**
     * USER_HZ, the unit of the tick fields. It is 100 on every mainstream Linux architecture and is
     * fixed by the kernel ABI regardless of CONFIG_HZ, so no sysconf(_SC_CLK_TCK) call is needed.
     */
    public static final int CLOCK_TICKS_PER_SECOND = 100;

    /** User plus system CPU time, in seconds. */
    public double cpuSeconds() {
        return (double) (utimeTicks + stimeTicks) / CLOCK_TICKS_PER_SECOND;
    }

    /** Stopped by a signal ('T') or by a tracer ('t'): the process cannot run until continued. */
    public boolean isStopped() {
        return state == 'T' || state == 't';
    }

    public ProcessState processState() {
        return ProcessState.from(state);
    }

    ProcStat withRssBytes(long bytes) {
        return new ProcStat(pid, comm, state, ppid, pgrp, utimeTicks, stimeTicks, startTimeTicks, threads, bytes);
    }
}
