package dev.procession.supervisor;

import dev.procession.events.EventKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.testing.OsProcesses;
import dev.procession.testing.RealRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The supervisor's claims, checked against the kernel's own account in /proc. */
@EnabledOnOs(OS.LINUX)
class RunTest {
    private static final String PROGRAM = "test-supervised";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long ME = ProcessHandle.current().pid();

    @Test
    void aProcessBlockedInGetStaysBlockedWhenItsChildExits() throws Exception {
        RealRun.with("test-supervised", Map.of("case", "blocked-while-child-exits"), 1.0, run -> {
            RealRun.await(Duration.ofSeconds(30), () -> run.log().snapshot().stream()
                    .anyMatch(e -> e.kind() == EventKind.EXIT && "Process-1".equals(e.proc())), "the child's exit");
            ProcessNode main = run.processes().stream().filter(p -> p.name().equals("MainProcess")).findFirst()
                    .orElseThrow();
            assertThat(main.state()).as("main's state while it waits in q.get()").isEqualTo("blocked");
            assertThat(main.blockedOn()).isEqualTo("Queue#1");
            return null;
        });
    }

    /** Before: stop() killed one snapshot; a child started meanwhile lived on until the hub closed. */
    @Test
    void stopLeavesNoProcessEvenWhileChildrenAreStarting() throws Exception {
        RealRun.with(PROGRAM, Map.of("case", "spawn-storm"), 1.0, run -> {
            RealRun.await(WAIT, () -> events(run, "spawn").size() >= 5, "children being started");
            run.stop();
            Set<Long> left = OsProcesses.aliveAmong(ProcFs.withEnvironment("PROCESSION_TOKEN=" + run.hub().token()));
            assertThat(left).as("processes of the run alive when stop() returned: %s", OsProcesses.describe(left))
                    .isEmpty();
            return null;
        });
    }

    /** A child killed by a signal must leave nothing in /tmp: no perf data file, no attach socket. */
    @Test
    void childrenRunWithoutPerfDataOrAttachSocket() throws Exception {
        RealRun.with(PROGRAM, Map.of("case", "tree"), 1.0, run -> {
            Tree t = awaitTree(run);
            for (long pid : List.of(t.main.pid(), t.parent.pid(), t.child.pid())) {
                String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline"));
                assertThat(cmdline).contains("-XX:+DisableAttachMechanism").contains("-XX:-UsePerfData");
            }
            Path attach = Path.of("/tmp/.java_pid" + t.child.pid());
            // One left by an earlier JVM that had this pid (killed by a signal) is not the child's.
            java.time.Instant started = ProcessHandle.of(t.child.pid()).flatMap(h -> h.info().startInstant())
                    .orElseThrow();
            if (Files.exists(attach) && Files.getLastModifiedTime(attach).toInstant().isBefore(started)) {
                Files.delete(attach);
            }
            run.kill(t.child.pid());
            OsProcesses.awaitGone(Set.of(t.child.pid()), WAIT, "the killed child");
            assertThat(attach).doesNotExist();
            assertThat(Path.of("/tmp/hsperfdata_" + System.getProperty("user.name"),
                    Long.toString(t.child.pid()))).doesNotExist();
            return null;
        });
    }

    @Test
    void reportedTreeIsTheOsTree() throws Exception {
        RealRun.with(PROGRAM, Map.of("case", "tree"), 1.0, run -> {
            Tree t = awaitTree(run);
            assertThat(t.main.ppid()).as("main's parent is the supervisor").isEqualTo(ME);
            assertThat(t.parent.ppid()).isEqualTo(t.main.pid());
            assertThat(t.child.ppid()).as("a grandchild's parent is its parent process").isEqualTo(t.parent.pid());
            for (ProcessNode n : run.processes()) {
                assertThat(ProcFs.read(n.pid()).map(ProcStat::ppid)).as("OS parent of %s", n.name())
                        .contains(n.ppid());
                assertThat(n.osPpid()).isEqualTo(n.ppid());
                assertThat(n.orphan()).isFalse();
            }
            Set<Long> os = new HashSet<>(OsProcesses.descendants(run.mainPid()));
            os.add(run.mainPid());
            assertThat(run.processes().stream().map(ProcessNode::pid)).containsExactlyInAnyOrderElementsOf(os);
            assertThat(run.livePids()).containsExactlyInAnyOrderElementsOf(os);
            return null;
        });
    }

    @Test
    void pauseStopsOneProcessAndPauseTreeItsChildrenToo() throws Exception {
        RealRun.with(PROGRAM, Map.of("case", "tree"), 1.0, run -> {
            Tree t = awaitTree(run);
            long parent = t.parent.pid();
            long child = t.child.pid();

            run.pause(parent);
            awaitState(parent, 'T');
            assertThat(ProcFs.state(child)).as("pause leaves the children running").get().isNotEqualTo('T');
            assertThat(node(run, parent).paused()).isTrue();
            run.resume(parent);
            awaitNotStopped(parent);
            assertThat(node(run, parent).paused()).isFalse();

            run.pauseTree(parent);
            awaitState(parent, 'T');
            awaitState(child, 'T');
            assertThat(ProcFs.state(t.main.pid())).as("pauseTree does not touch the parent's parent")
                    .get().isNotEqualTo('T');
            run.resumeTree(parent);
            awaitNotStopped(parent);
            awaitNotStopped(child);

            RealRun.await(WAIT, () -> signals(run, "resume").size() == 3, "the log records each resume");
            assertThat(signals(run, "pause")).extracting(Event::pid).containsExactly(parent, parent, child);
            assertThat(signals(run, "pause")).allSatisfy(e -> {
                assertThat(e.get("signal")).isEqualTo("SIGSTOP");
                assertThat(e.get("by")).isEqualTo("supervisor");
            });
            return null;
        });
    }

    /** Python refuses to change daemon after start(); Procession allows it and says so in the log. */
    @Test
    void setDaemonOnARunningProcessMakesMainsExitTerminateIt() throws Exception {
        RealRun.with(PROGRAM, Map.of("case", "daemon-later"), 1.0, run -> {
            ProcessNode child = awaitNode(run, "Process-1");
            assertThat(child.daemon()).isFalse();
            run.setDaemon(child.pid(), true);
            assertThat(run.finished().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
            List<Event> events = run.log().snapshot();
            Event daemon = single(events, "daemon", "Process-1");
            assertThat(daemon.get("daemon")).isEqualTo(true);
            assertThat(daemon.text("note")).contains("Python refuses");
            RealRun.await(WAIT, () -> exitOf(run, "Process-1").isPresent(), "the child's exit");
            assertThat(exitOf(run, "Process-1").orElseThrow().get("exitcode")).isEqualTo(-15L);
            OsProcesses.awaitGone(Set.of(child.pid()), WAIT, "the daemonized child to end");
            return null;
        });
    }

    @Test
    void aLockHeldByAKilledProcessStaysHeldUntilForceReleased() throws Exception {
        RealRun.with(PROGRAM, Map.of("case", "abandoned-lock"), 1.0, run -> {
            ProcessNode holder = awaitNode(run, "Process-1");
            RealRun.await(WAIT, () -> node(run, "Process-2").map(n -> "Lock#1".equals(n.blockedOn())).orElse(false),
                    "the waiter to block on the lock");
            run.kill(holder.pid());
            RealRun.await(WAIT, () -> !events(run, "abandoned").isEmpty(), "the abandoned event");
            Event abandoned = events(run, "abandoned").getFirst();
            assertThat(abandoned.obj()).isEqualTo("Lock#1");
            assertThat(abandoned.get("holder")).as("names the dead pid").isEqualTo(holder.pid());
            Map<String, Object> lock = run.hub().primitives().get("Lock#1");
            assertThat(lock).containsEntry("locked", true).containsEntry("holderDead", true)
                    .containsEntry("holder", holder.pid());
            assertThat(run.finished()).as("the waiter is still stuck").isNotDone();

            run.forceRelease("Lock#1");
            assertThat(run.finished().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
            List<Event> all = run.log().snapshot();
            Event release = single(all, "force-release", null);
            Event acquired = all.stream().filter(e -> e.kind() == EventKind.ACQUIRED && "Process-2".equals(e.proc()))
                    .findFirst().orElseThrow();
            assertThat(acquired.seq()).isGreaterThan(release.seq());
            assertThat(release.get("holder")).isEqualTo(holder.pid());
            assertThat(release.get("holderAlive")).isEqualTo(false);
            return null;
        });
    }

    @Test
    void aChildWhoseParentIsKilledIsMarkedOrphan() throws Exception {
        RealRun.with(PROGRAM, Map.of("case", "tree"), 1.0, run -> {
            Tree t = awaitTree(run);
            run.kill(t.parent.pid());
            RealRun.await(WAIT, () -> node(run, t.child.pid()).orphan(), "the grandchild to be marked orphan");
            ProcessNode orphan = node(run, t.child.pid());
            assertThat(orphan.exited()).isFalse();
            assertThat(orphan.osPpid()).as("the kernel re-parented it").isNotEqualTo(t.parent.pid());
            Event marked = events(run, "orphan").getFirst();
            assertThat(marked.pid()).isEqualTo(t.child.pid());
            assertThat(marked.get("deadParent")).isEqualTo(t.parent.pid());
            RealRun.await(WAIT, () -> exitOf(run, "Process-1").isPresent(), "the killed parent's exit");
            assertThat(exitOf(run, "Process-1").orElseThrow().get("exitcode")).isEqualTo(-9L);
            return null;
        });
    }

    // ------------------------------------------------------------------ no process left behind

    @Test
    void nothingIsLeftAfterANormalEnd() throws Exception {
        RealRun.with(PROGRAM, Map.of("case", "tree-that-ends"), 1.0, run -> {
            Set<Long> seen = new LinkedHashSet<>();
            RealRun.await(WAIT, () -> {
                run.processes().forEach(n -> {
                    seen.add(n.pid());
                    OsProcesses.remember(n.pid());
                });
                return run.finished().isDone();
            }, "the run to end");
            assertThat(run.finished().get()).isZero();
            assertThat(run.processes()).hasSize(3).allSatisfy(n -> assertThat(n.exited()).isTrue());
            assertThat(run.livePids()).isEmpty();
            OsProcesses.awaitGone(seen, Duration.ofSeconds(3), "every process of the run to be gone");
            return null;
        });
    }

    @Test
    void closeMidRunLeavesNothing() throws Exception {
        Set<Long> pids = RealRun.with(PROGRAM, Map.of("case", "tree"), 1.0, run -> {
            awaitTree(run);
            run.pause(run.processes().get(1).pid());
            Set<Long> all = new LinkedHashSet<>(run.livePids());
            all.forEach(OsProcesses::remember);
            assertThat(all).hasSize(3);
            run.close();
            assertThat(OsProcesses.aliveAmong(all)).as("close() returns once all are gone").isEmpty();
            assertThat(run.dir()).doesNotExist();
            return all;
        });
        assertThat(OsProcesses.aliveAmong(pids)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private record Tree(ProcessNode main, ProcessNode parent, ProcessNode child) {
    }

    /** Waits until the three processes of the "tree" case have connected. */
    private static Tree awaitTree(Run run) {
        return new Tree(awaitNode(run, "MainProcess"), awaitNode(run, "Process-1"), awaitNode(run, "Process-1:1"));
    }

    private static ProcessNode awaitNode(Run run, String name) {
        RealRun.await(WAIT, () -> node(run, name).map(n -> n.pid() > 0 && !"created".equals(n.state()))
                .orElse(false), name + " to start");
        return node(run, name).orElseThrow();
    }

    private static Optional<ProcessNode> node(Run run, String name) {
        return run.processes().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    private static ProcessNode node(Run run, long pid) {
        return run.processes().stream().filter(n -> n.pid() == pid).findFirst().orElseThrow();
    }

    private static void awaitState(long pid, char state) {
        RealRun.await(WAIT, () -> ProcFs.state(pid).orElse('?') == state, "pid " + pid + " in state " + state);
    }

    private static void awaitNotStopped(long pid) {
        RealRun.await(WAIT, () -> ProcFs.state(pid).map(s -> s != 'T').orElse(false), "pid " + pid + " to run");
    }

    private static List<Event> events(Run run, String kind) {
        return run.log().snapshot().stream().filter(e -> e.kind() == EventKind.of(kind)).toList();
    }

    private static List<Event> signals(Run run, String action) {
        return events(run, "signal").stream().filter(e -> action.equals(e.get("action"))).toList();
    }

    private static Optional<Event> exitOf(Run run, String proc) {
        return events(run, "exit").stream().filter(e -> proc.equals(e.proc())).findFirst();
    }

    private static Event single(List<Event> events, String kind, String proc) {
        List<Event> found = events.stream()
                .filter(e -> e.kind() == EventKind.of(kind) && (proc == null || proc.equals(e.proc()))).toList();
        assertThat(found).as("%s events of %s", kind, proc).hasSize(1);
        return found.getFirst();
    }
}
