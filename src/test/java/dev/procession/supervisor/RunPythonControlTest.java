package dev.procession.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.events.EventLog;
import dev.procession.testing.OsProcesses;
import dev.procession.testing.PythonPrograms;
import dev.procession.testing.RealRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's commands act on a Python program's children as on the scenarios'. */
class RunPythonControlTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String PROGRAM = """
            from multiprocessing import Event, Process

            def worker(e):
                e.wait()

            if __name__ == '__main__':
                e = Event()
                ps = [Process(target=worker, args=(e,), name='w%d' % i) for i in range(3)]
                for p in ps:
                    p.start()
                for p in ps:
                    p.join()
                print('exitcodes', [p.exitcode for p in ps])
            """;

    @TempDir
    Path work;

    @Test
    void pauseResumeKillAndTerminateAPythonChildAndTheLogsTreeIsTheOsTree() throws Exception {
        assumeTrue(PythonPrograms.available(), "no python3 on the PATH");
        Path script = work.resolve("workers.py");
        Files.writeString(script, PROGRAM);
        EventLog log = new EventLog();
        Set<Long> pids;
        try (Run run = Run.startPython(new PythonProgram(script, List.of(), work), 1, log)) {
            RealRun.await(LIMIT, () -> blockedWorkers(run).size() == 3, "three workers waiting on the Event");
            List<ProcessNode> nodes = run.processes();
            assertThat(nodes).as("hub's parent against the kernel's").allSatisfy(n ->
                    assertThat(n.osPpid()).as("parent of %s", n.name()).isEqualTo(n.ppid()));
            long main = run.mainPid();
            assertThat(blockedWorkers(run)).allSatisfy(n -> assertThat(n.ppid()).isEqualTo(main));
            long w0 = pidOf(run, "w0");
            long w1 = pidOf(run, "w1");
            long w2 = pidOf(run, "w2");

            run.pause(w0);
            RealRun.await(LIMIT, () -> ProcFs.state(w0).orElse('-') == 'T', "w0 stopped");
            run.resume(w0);
            RealRun.await(LIMIT, () -> ProcFs.state(w0).orElse('T') != 'T', "w0 running again");
            run.kill(w0);
            run.terminate(w1);
            run.kill(w2);
            long code = run.finished().get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(code).isZero();
            List<Event> events = log.snapshot();
            assertThat(events).filteredOn(e -> e.kind() == EventKind.PRINT).extracting(e -> e.text("text"))
                    .containsExactly("exitcodes [-9, -15, -9]");
            assertThat(events).filteredOn(e -> e.kind() == EventKind.SIGNAL).extracting(e -> e.get("action"))
                    .containsExactly("pause", "resume", "kill", "terminate", "kill");
            pids = events.stream().map(Event::pid).filter(p -> p > 0).collect(Collectors.toSet());
        }
        assertThat(OsProcesses.aliveAmong(pids)).as("processes of the run after close").isEmpty();
    }

    @Test
    void aPythonChildMadeADaemonIsTerminatedByItsParentsExitHandling() throws Exception {
        assumeTrue(PythonPrograms.available(), "no python3 on the PATH");
        Path script = work.resolve("daemonize.py");
        Files.writeString(script, """
                import time
                from multiprocessing import Event, Process

                def forever(e):
                    e.wait()

                if __name__ == '__main__':
                    p = Process(target=forever, args=(Event(),), name='forever')
                    p.start()
                    time.sleep(1)
                    print('main code ends')
                """);
        EventLog log = new EventLog();
        try (Run run = Run.startPython(new PythonProgram(script, List.of(), work), 1, log)) {
            RealRun.await(LIMIT, () -> blockedWorkers(run, "forever").size() == 1, "the child waiting");
            run.setDaemon(pidOf(run, "forever"), true);
            assertThat(run.finished().get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
            List<Event> events = log.snapshot();
            assertThat(events).filteredOn(e -> e.kind() == EventKind.EXIT && "forever".equals(e.proc()))
                    .singleElement().satisfies(e -> assertThat(e.get("exitcode")).isEqualTo(-15L));
        }
    }

    @Test
    void aPythonClientThatSendsGarbageIsRefusedAndTheRunGoesOn() throws Exception {
        assumeTrue(PythonPrograms.available(), "no python3 on the PATH");
        Path script = work.resolve("garbage.py");
        Files.writeString(script, """
                import os, socket
                from multiprocessing import Lock
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(os.environ['PROCESSION_SOCKET'])
                s.sendall(b'\\x00\\x00\\x00\\x05hello')
                print('answer', s.recv(1024))
                with Lock():
                    print('the hub still serves')
                """);
        RealRun.Result r = RealRun.runPython(new PythonProgram(script, List.of(), work), 1, LIMIT);
        assertThat(r.exitCode()).as("errors: %s", r.errors()).isZero();
        assertThat(r.of("refused")).singleElement().satisfies(e ->
                assertThat(String.valueOf(e.get("reason"))).contains("malformed frame"));
        assertThat(r.prints()).containsExactly("answer b''", "the hub still serves");
    }

    private static List<ProcessNode> blockedWorkers(Run run) {
        return blockedWorkers(run, "w");
    }

    private static List<ProcessNode> blockedWorkers(Run run, String prefix) {
        return run.processes().stream().filter(n -> n.name().startsWith(prefix) && "blocked".equals(n.state()))
                .toList();
    }

    private static long pidOf(Run run, String name) {
        return run.processes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow().pid();
    }
}
