package dev.procession.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX) // the assertions read /proc
class SignalsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Process child;

    @AfterEach
    void destroyChild() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void stopContinueAndTerminateARealProcess() throws Exception {
        child = new ProcessBuilder("sleep", "30").start();
        long pid = child.pid();

        Signals.send(pid, Signal.STOP);
        assertThat(awaitCondition(TIMEOUT, () -> ProcFs.state(pid).orElse('?') == 'T'))
                .as("pid %d reaches state 'T' after SIGSTOP", pid).isTrue();
        assertThat(ProcFs.read(pid)).get().satisfies(stat -> {
            assertThat(stat.isStopped()).isTrue();
            assertThat(stat.processState()).isEqualTo(ProcessState.STOPPED);
        });

        Signals.send(pid, Signal.CONT);
        assertThat(awaitCondition(TIMEOUT, () -> ProcFs.read(pid).map(s -> !s.isStopped()).orElse(false)))
                .as("pid %d leaves the stopped state after SIGCONT", pid).isTrue();

        Signals.send(pid, Signal.TERM);
        assertThat(child.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(child.exitValue()).as("128 + SIGTERM(15)").isEqualTo(143);
    }

    @Test
    void sendingToAnExitedProcessNamesTheProblem() throws Exception {
        child = new ProcessBuilder("true").start();
        assertThat(child.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        long pid = child.pid(); // waitFor returns only after the JDK reaped it, so the pid is free

        assertThatThrownBy(() -> Signals.send(pid, Signal.TERM))
                .isInstanceOf(SignalException.class)
                .hasMessageContaining("no such process")
                .hasMessageContaining("SIGTERM")
                .hasMessageContaining(Long.toString(pid))
                .satisfies(e -> assertThat(((SignalException) e).noSuchProcess()).isTrue());
    }

    @Test
    void refusesPidsThatWouldSignalAWholeGroup() {
        assertThatIllegalArgumentException().isThrownBy(() -> Signals.send(0, Signal.KILL));
        assertThatIllegalArgumentException().isThrownBy(() -> Signals.send(-1, Signal.KILL));
        assertThatIllegalArgumentException().isThrownBy(() -> Signals.send(1L << 40, Signal.KILL));
    }

    @Test
    void permissionErrorIsSpelledOut() {
        assertThat(new SignalException(1, Signal.STOP, SignalException.EPERM))
                .hasMessage("cannot send SIGSTOP to pid 1: not permitted (EPERM, errno 1)");
    }

    @Test
    void linuxSignalNumbers() {
        assertThat(Signal.STOP.number()).isEqualTo(19);
        assertThat(Signal.CONT.number()).isEqualTo(18);
        assertThat(Signal.TERM.number()).isEqualTo(15);
        assertThat(Signal.KILL.number()).isEqualTo(9);
        assertThat(Signal.INT.number()).isEqualTo(2);
    }

    /**
     * Polls {@code condition} until it holds or {@code timeout} passes; true if it held. Spins briefly first
     * (state changes after a signal take microseconds), then parks 50 µs between polls. No Thread.sleep.
     */
    static boolean awaitCondition(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int polls = 0; ; polls++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            if (polls < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(50_000);
            }
        }
    }
}
