package dev.procession.supervisor;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.Objects;

/**
 * Sends POSIX signals to other processes by calling libc {@code kill(2)} through the Foreign Function &amp; Memory API.
 *
 * <p>Why not {@link ProcessHandle}: it can only destroy (TERM/KILL); pausing a process needs SIGSTOP/SIGCONT.
 * Why not {@code ProcessBuilder("kill", ...)}: forking a shell per pause costs milliseconds, far above the 1 ms target.
 *
 * <p>Only Linux and macOS are supported. Needs {@code --enable-native-access=ALL-UNNAMED}
 * (otherwise the JDK prints a restricted-method warning, or refuses under {@code --illegal-native-access=deny}).
 */
public final class Signals {

    private static final Os OS = Os.detect();

    private Signals() {}

    /**
     * Sends {@code signal} to the single process {@code pid}.
     *
     * @throws IllegalArgumentException if {@code pid <= 0}: kill(0, s) and kill(-n, s) signal whole process groups
     *     and kill(-1, s) every process we may signal, which a typo must never trigger
     * @throws SignalException if the kernel refuses (the process is gone, or we lack permission)
     * @throws UnsupportedOperationException on operating systems other than Linux and macOS
     */
    public static void send(long pid, Signal signal) {
        Objects.requireNonNull(signal, "signal");
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("pid must be a single process in 1.." + Integer.MAX_VALUE + ", got " + pid);
        }
        int number = OS.nativeNumber(signal);
        int errno = Native.kill((int) pid, number);
        if (errno != 0) {
            throw new SignalException(pid, signal, errno);
        }
    }

    private enum Os {
        LINUX,
        MACOS,
        OTHER;

        static Os detect() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (name.startsWith("linux")) {
                return LINUX;
            }
            if (name.startsWith("mac") || name.startsWith("darwin")) {
                return MACOS;
            }
            return OTHER;
        }

        int nativeNumber(Signal signal) {
            return switch (this) {
                case LINUX -> signal.number();
                // BSD numbering: STOP and CONT differ from Linux; TERM, KILL and INT agree.
                case MACOS -> switch (signal) {
                    case STOP -> 17;
                    case CONT -> 19;
                    default -> signal.number();
                };
                case OTHER -> throw new UnsupportedOperationException(
                        "Signals are implemented for Linux and macOS only (os.name="
                                + System.getProperty("os.name") + "). On Windows, STOP/CONT would map to "
                                + "NtSuspendProcess/NtResumeProcess and TERM/KILL/INT to TerminateProcess; "
                                + "that mapping is untested and not implemented.");
            };
        }
    }

    /** Lazy holder: the symbol lookup and downcall linking happen once, on the first send, never on class load. */
    @SuppressWarnings("restricted") // granted by --enable-native-access=ALL-UNNAMED and the jar's Enable-Native-Access
    private static final class Native {
        // errno must be captured by the linker right after the call: by the time Java code runs,
        // the JVM itself may have made other libc calls that overwrite the thread's errno.
        private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
        private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
        private static final MethodHandle KILL;

        static {
            Linker linker = Linker.nativeLinker();
            MemorySegment address = linker.defaultLookup().find("kill")
                    .orElseThrow(() -> new IllegalStateException("libc symbol 'kill' not found"));
            // int kill(pid_t pid, int sig); pid_t is a 32-bit int on Linux and macOS.
            KILL = linker.downcallHandle(address,
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT),
                    Linker.Option.captureCallState("errno"));
        }

        /** Returns 0 on success, otherwise the errno of the failed call. */
        static int kill(int pid, int signal) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = arena.allocate(CAPTURE);
                int result = (int) KILL.invokeExact(state, pid, signal);
                return result == 0 ? 0 : (int) ERRNO.get(state, 0L);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                // invokeExact declares Throwable; a native kill cannot throw a checked exception.
                throw new IllegalStateException("kill downcall failed", t);
            }
        }
    }
}
