package dev.procession.supervisor;

import static dev.procession.supervisor.SignalsTest.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcFsTest {

    private static final long ME = ProcessHandle.current().pid();

    private Process child;

    @AfterEach
    void destroyChild() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsTheCurrentJvm() {
        ProcStat me = ProcFs.read(ME).orElseThrow();

        assertThat(me.pid()).isEqualTo(ME);
        assertThat(me.ppid()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
        assertThat(me.rssBytes()).isPositive();
        assertThat(me.threads()).isGreaterThan(1);
        assertThat(me.startTimeTicks()).isPositive();
        assertThat(me.cpuSeconds()).isPositive();
        assertThat(me.isStopped()).isFalse();
        assertThat(me.state()).isIn('R', 'S', 'D');
        assertThat(ProcFs.state(ME)).get().isIn('R', 'S', 'D');
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aSpawnedChildHasUsAsParent() throws Exception {
        child = new ProcessBuilder("sleep", "30").start();
        long pid = child.pid();

        assertThat(ProcFs.read(pid)).get().satisfies(stat -> {
            assertThat(stat.ppid()).isEqualTo(ME);
            assertThat(stat.threads()).isEqualTo(1);
        });
        assertThat(awaitCondition(Duration.ofSeconds(5),
                () -> ProcFs.read(pid).map(s -> s.comm().equals("sleep")).orElse(false))).isTrue();
        assertThat(ProcFs.children(ME)).contains(pid);
        assertThat(ProcFs.childrenByScanning(ME)).as("fallback without CONFIG_PROC_CHILDREN").contains(pid);

        child.destroyForcibly();
        assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcFs.read(pid)).isEmpty();
        assertThat(ProcFs.state(pid)).isEmpty();
        assertThat(ProcFs.children(ME)).doesNotContain(pid);
    }

    @Test
    void aMissingProcessIsEmptyNotAnError() {
        long neverAPid = Integer.MAX_VALUE; // above the kernel's pid_max limit (2^22)
        assertThat(ProcFs.read(neverAPid)).isEmpty();
        assertThat(ProcFs.state(neverAPid)).isEmpty();
        assertThat(ProcFs.children(neverAPid)).isEmpty();
    }

    @Test
    void parsesACommWithSpacesAndParentheses() {
        String line = "4242 (my (odd) ) name) t 17 4240 4240 0 -1 4194304 97 0 0 0 123 45 0 0 20 0 3 0 98765 "
                + "3133440 363 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        ProcStat stat = ProcFs.parseStat(line);

        assertThat(stat.pid()).isEqualTo(4242);
        assertThat(stat.comm()).isEqualTo("my (odd) ) name");
        assertThat(stat.state()).isEqualTo('t');
        assertThat(stat.isStopped()).isTrue();
        assertThat(stat.processState()).isEqualTo(ProcessState.TRACED);
        assertThat(stat.ppid()).isEqualTo(17);
        assertThat(stat.pgrp()).isEqualTo(4240);
        assertThat(stat.utimeTicks()).isEqualTo(123);
        assertThat(stat.stimeTicks()).isEqualTo(45);
        assertThat(stat.cpuSeconds()).isEqualTo(1.68);
        assertThat(stat.threads()).isEqualTo(3);
        assertThat(stat.startTimeTicks()).isEqualTo(98765);
    }

    @Test
    void rejectsACutShortLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProcFs.parseStat("4242 (sleep) S 1 4242 4242 0"));
        assertThatIllegalArgumentException().isThrownBy(() -> ProcFs.parseStat("4242 (sle"));
        assertThatIllegalArgumentException().isThrownBy(() -> ProcFs.parseStat(""));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsPssAndUssOfRealProcesses() throws Exception {
        child = new ProcessBuilder("sleep", "30").start();
        for (long pid : new long[] {ME, child.pid()}) {
            ProcFs.Memory memory = ProcFs.memory(pid).orElseThrow();
            long rss = ProcFs.read(pid).orElseThrow().rssBytes();
            assertThat(memory.ussBytes()).as("uss of %d", pid).isPositive();
            // Unique pages are a part of its share, which is a part of what it maps.
            assertThat(memory.pssBytes()).as("pss of %d", pid).isBetween(memory.ussBytes(), rss + 1024 * 1024);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcFs.memory(child.pid())).as("a reaped process has no memory to read").isEmpty();
    }

    @Test
    void parsesSmapsRollup() {
        String rollup = "55d0-7ffd ---p 00000000 00:00 0  [rollup]\nRss:  1764 kB\nPss:  478 kB\n"
                + "Pss_Dirty:  112 kB\nShared_Clean:  1568 kB\nPrivate_Clean:  84 kB\nPrivate_Dirty:  112 kB\n";
        assertThat(ProcFs.parseSmapsRollup(rollup)).contains(new ProcFs.Memory(478L * 1024, (84L + 112) * 1024));
        assertThat(ProcFs.parseSmapsRollup("")).as("a zombie's rollup is empty").isEmpty();
    }

    @Test
    void readsVmRssInBytes() {
        assertThat(ProcFs.parseVmRssBytes("Name:\tsleep\nVmRSS:\t    2176 kB\nThreads:\t1\n")).isEqualTo(2176L * 1024);
        assertThat(ProcFs.parseVmRssBytes("Name:\tzombie\nState:\tZ (zombie)\n")).isZero();
    }

    @Test
    void namesTheStateLetters() {
        assertThat(ProcessState.from('R')).isEqualTo(ProcessState.RUNNING);
        assertThat(ProcessState.from('S')).isEqualTo(ProcessState.SLEEPING);
        assertThat(ProcessState.from('D')).isEqualTo(ProcessState.DISK);
        assertThat(ProcessState.from('T')).isEqualTo(ProcessState.STOPPED);
        assertThat(ProcessState.from('t')).isEqualTo(ProcessState.TRACED);
        assertThat(ProcessState.from('Z')).isEqualTo(ProcessState.ZOMBIE);
        assertThat(ProcessState.from('X')).isEqualTo(ProcessState.DEAD);
        assertThat(ProcessState.from('?')).isEqualTo(ProcessState.UNKNOWN);
    }
}
