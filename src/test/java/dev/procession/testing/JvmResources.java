package dev.procession.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * What this JVM holds at one moment: heap in use after a full collection, live threads, open file
 * descriptors and live descendant processes. The hub and the supervisor run inside the test JVM,
 * so a leak of theirs shows here.
 */
public record JvmResources(long heapBytes, int threads, int fds, long descendants) {

    /** Collects garbage first, so the heap figure is what is still reachable. */
    public static JvmResources now() {
        var memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return new JvmResources(memory.getHeapMemoryUsage().getUsed(),
                ManagementFactory.getThreadMXBean().getThreadCount(), openFds(),
                ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count());
    }

    private static int openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            // The listing's own descriptor is counted too; it is there in every sample alike.
            return (int) fds.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
    }

    /** Samples until one is within {@code bound} of {@code base}, for up to {@code limit}; returns the last. */
    public static JvmResources awaitWithin(JvmResources base, Bound bound, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        JvmResources now = now();
        // Threads the JDK keeps for a while (process reapers) end by themselves.
        while (!now.within(base, bound) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            now = now();
        }
        return now;
    }

    /** Whether this sample is within {@code bound} of {@code base} (more may be held, never less is asked). */
    public boolean within(JvmResources base, Bound bound) {
        return heapBytes - base.heapBytes <= bound.heapBytes() && threads - base.threads <= bound.threads()
                && fds - base.fds <= bound.fds() && descendants <= base.descendants;
    }

    /** How much more than a baseline a sample may hold. */
    public record Bound(long heapBytes, int threads, int fds) {
        @Override
        public String toString() {
            return String.format("heap +%d MiB, threads +%d, fds +%d, no extra process", heapBytes >> 20, threads, fds);
        }
    }

    @Override
    public String toString() {
        return String.format("heap %.1f MiB, %d threads, %d fds, %d child processes", heapBytes / 1048576.0, threads,
                fds, descendants);
    }
}
