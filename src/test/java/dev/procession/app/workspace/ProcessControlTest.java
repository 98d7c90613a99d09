package dev.procession.app.workspace;

import static dev.procession.app.WindowFixture.await;
import static dev.procession.app.WindowFixture.events;
import static dev.procession.app.WindowFixture.procState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.WindowFixture;
import dev.procession.app.processes.ProcessActions.Kind;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import dev.procession.supervisor.Run;
import dev.procession.testing.OsProcesses;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-process actions of the window, chosen in a row's or a stage element's menu as a person
 * would, checked against /proc and the event log: pause and resume (one process and a tree),
 * kill and terminate, and making a running process a daemon.
 */
class ProcessControlTest {
    private static final String STATUS = "processes.column.status";
    private static final String EXIT = "processes.column.exit";
    private static final String DAEMON = "processes.column.daemon";
    @RegisterExtension
    static final WindowFixture window = new WindowFixture();

    @Test
    void pauseAndResumeFromATableRowStopAndContinueTheRealProcessAndItsTree() {
        Run run = trafficLightWaitingAtRed(2);
        long main = run.mainPid();

        window.rowAction(main, Kind.PAUSE);
        window.awaitCell(main, STATUS, "paused"::equals, "main's row saying paused");
        await("main stopped in /proc", () -> procState(main) == 'T');
        Set<Long> children = OsProcesses.descendants(main);
        assertThat(children).as("main's children (light and cars)").hasSize(3);
        assertThat(children).as("a pause stops one process, not its children")
                .allSatisfy(pid -> assertThat(procState(pid)).isNotEqualTo('T'));
        assertThat(supervisorSignals(run, main, "pause")).singleElement()
                .satisfies(e -> assertThat(e.get("signal")).isEqualTo("SIGSTOP"));

        // Without a mouse: the row selected, Shift+F10.
        window.keyboardRowAction(main, Kind.RESUME);
        window.awaitCell(main, STATUS, word -> !"paused".equals(word), "main's row no longer paused");
        await("main running again in /proc", () -> procState(main) != 'T');

        window.rowAction(main, Kind.PAUSE_TREE);
        await("main and every descendant stopped in /proc", () -> procState(main) == 'T'
                && children.stream().allMatch(pid -> procState(pid) == 'T'));
        for (long pid : children) {
            window.awaitCell(pid, STATUS, "paused"::equals, "the row of " + pid + " saying paused");
        }

        window.rowAction(main, Kind.RESUME_TREE);
        await("no process of the tree stopped any more", () -> procState(main) != 'T'
                && children.stream().allMatch(pid -> procState(pid) != 'T'));
        for (long pid : children) {
            window.awaitCell(pid, STATUS, word -> !"paused".equals(word), "the row of " + pid + " no longer paused");
            assertThat(supervisorSignals(run, pid, "resume")).as("resume of %d in the log", pid).hasSize(1);
        }
    }

    @Test
    void killAndTerminateFromTheStageEndTheProcessWithMinusNineAndMinusFifteen() {
        Run run = trafficLightWaitingAtRed(2);
        List<Long> cars = carsOf(run);
        long killed = cars.get(0);
        long terminated = cars.get(1);

        window.stageAction(killed, Kind.KILL);
        window.confirm();                                // Kill asks first: the dialog is part of the test
        window.awaitCell(killed, EXIT, "-9"::equals, "the killed car's row to show exit code -9");
        OsProcesses.awaitGone(Set.of(killed), WindowFixture.WAIT, "the killed car to leave /proc");
        assertThat(supervisorSignals(run, killed, "kill")).singleElement()
                .satisfies(e -> assertThat(e.get("signal")).isEqualTo("SIGKILL"));

        window.stageAction(terminated, Kind.TERMINATE);
        window.awaitCell(terminated, EXIT, "-15"::equals, "the terminated car's row to show exit code -15");
        OsProcesses.awaitGone(Set.of(terminated), WindowFixture.WAIT, "the terminated car to leave /proc");
        assertThat(window.cell(terminated, STATUS)).isEqualTo("exited -15");
        assertThat(exitCode(run, killed)).isEqualTo(-9L);
        assertThat(exitCode(run, terminated)).isEqualTo(-15L);
    }

    /**
     * KTV's main program starts its people and its code ends at once; Python's exit handling then
     * joins the non-daemonic ones and terminates the daemonic ones. Main is paused (SIGSTOP) the
     * moment its first person is spawned, so its code cannot end while the person is made a
     * daemon: no click is that fast, so the pause is sent to the run directly.
     */
    @Test
    void makingARunningChildADaemonGetsItTerminatedWhenItsParentsCodeEnds() throws Exception {
        Run run = window.start("ktv", Map.of("people", "4", "seats", "1"), 0.25);
        long main = run.mainPid();
        Event spawn = WindowFixture.awaitEvent(run, e -> e.kind() == EventKind.SPAWN && e.pid() != main);
        run.pause(main);
        long person = spawn.pid();
        assertThat(window.awaitProcess("main paused in the fold", p -> p.pid() == main && p.paused()).atexit())
                .as("main was paused before its code ended").isFalse();

        window.rowAction(person, Kind.DAEMONIZE);
        window.awaitCell(person, DAEMON, "daemon"::equals, "the daemon column of " + person);
        await("the daemon badge on the stage", () -> window.tag(person).lookup(".daemon-badge").isVisible());
        Event daemon = events(run, EventKind.DAEMON, person).getFirst();
        assertThat(daemon.get("by")).isEqualTo("supervisor");
        assertThat(daemon.get("daemon")).isEqualTo(true);
        assertThat(OsProcesses.alive(person)).as("still running once it is a daemon").isTrue();

        window.rowAction(main, Kind.RESUME);
        window.awaitCell(person, EXIT, "-15"::equals, "the daemon's row to show exit code -15");
        assertThat(exitCode(run, person)).isEqualTo(-15L);
        Event terminate = events(run, EventKind.SIGNAL, person).stream()
                .filter(e -> "terminate".equals(e.get("action"))).findFirst().orElseThrow();
        assertThat(terminate.get("byPid")).as("terminated by its parent's exit handling").isEqualTo(main);
        Event resumed = supervisorSignals(run, main, "resume").getFirst();
        assertThat(terminate.seq()).as("sent once main was resumed and its code could end").isGreaterThan(resumed.seq());
        OsProcesses.awaitGone(Set.of(person), WindowFixture.WAIT, "the daemon to leave /proc");
        ProcState mainNow = window.fold().process(main);
        assertThat(mainNow.atexit()).as("main's code has ended: it is in its exit handling").isTrue();
        assertThat(events(run, EventKind.SIGNAL, 0).stream().filter(e -> "terminate".equals(e.get("action"))))
                .as("only the daemon is terminated; main joins the other people").extracting(Event::pid)
                .containsExactly(person);
    }

    /** Traffic light with a 30 s red phase: the cars wait on the Event long enough to be acted on. */
    private static Run trafficLightWaitingAtRed(int cars) {
        Run run = window.start("traffic-light", Map.of("cars", String.valueOf(cars), "period", "30"), 1);
        await("every car waiting at the red light", () -> window.fold().processes().values().stream()
                .filter(p -> "car".equals(p.role()) && p.status() == ProcStatus.BLOCKED).count() == cars);
        return run;
    }

    private static List<Long> carsOf(Run run) {
        return window.fold().processes().values().stream().filter(p -> "car".equals(p.role()))
                .map(ProcState::pid).toList();
    }

    private static List<Event> supervisorSignals(Run run, long pid, String action) {
        return events(run, EventKind.SIGNAL, pid).stream()
                .filter(e -> action.equals(e.get("action")) && "supervisor".equals(e.get("by"))).toList();
    }

    private static Long exitCode(Run run, long pid) {
        return events(run, EventKind.EXIT, pid).stream().map(e -> (Long) e.get("exitcode")).findFirst().orElse(null);
    }
}
