package dev.procession.app.workspace;

import static dev.procession.app.WindowFixture.await;
import static dev.procession.app.WindowFixture.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.WindowFixture;
import dev.procession.app.processes.ProcessActions.Kind;
import dev.procession.app.run.RunState;
import dev.procession.app.stage.ProcessTag;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.LockState;
import dev.procession.supervisor.Run;
import dev.procession.testing.OsProcesses;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Killing the buyer that holds the tickets Lock: Python leaves the Lock held and the others wait
 * for ever; the stage says whose dead hand holds it, and the inspector's force-release lets the
 * waiting buyers go on.
 */
class TicketsLockHolderTest {
    @RegisterExtension
    static final WindowFixture window = new WindowFixture();

    @Test
    void forceReleasingTheLockOfAKilledHolderLetsTheWaitingBuyersFinish() {
        // Each buyer holds the Lock 0.4 scenario seconds: 1.6 s at a quarter speed, time to act.
        // Kill's confirmation is tested in ProcessControlTest; here it would only cost time.
        window.robot().interact(() -> window.window().runScreen().menus().confirmKillProperty().set(false));
        Run run = window.start("tickets", Map.of("buyers", "3", "stock", "1", "lock", "true"), 0.25);
        // In its first sleep under the Lock (line 14) the holder keeps it 0.8 to 1.6 s more.
        await("a buyer in its first sleep under the Lock while another waits for it", () -> lock()
                .filter(l -> l.holder() != null && !l.waiters().isEmpty()
                        && window.fold().process(l.holder()).line() == 14).isPresent());
        LockState held = lock().orElseThrow();
        long holder = held.holder();
        // Stopped first (through the supervisor, as the row's Pause would), so that on a loaded
        // machine it cannot release the Lock and end before its menu opens.
        run.pause(holder);
        window.rowAction(holder, Kind.KILL);

        String deadHand = held.label() + " held by dead pid " + holder;
        await("the padlock to say '" + deadHand + "'", () -> padlockHeadline().equals(deadHand));
        OsProcesses.awaitGone(Set.of(holder), WindowFixture.WAIT, "the killed holder to leave /proc");
        List<Long> waiting = window.fold().primitive(held.ref()) instanceof LockState l ? l.waiters() : List.of();
        assertThat(waiting).as("buyers still waiting on the dead hand's Lock").isNotEmpty();
        await("the padlock to show the waiting buyers", () -> Set.copyOf(waitersOnStage()).equals(Set.copyOf(waiting)));

        window.robot().clickOn("#tab-inspector");
        String button = "#force-release-" + held.ref().replace('#', '-');
        await("the inspector's force-release button", () -> window.robot().lookup(button).tryQuery().isPresent());
        window.robot().clickOn(button);

        await("the run to finish", () -> window.runs().stateProperty().get() == RunState.FINISHED);
        Event release = events(run, EventKind.FORCE_RELEASE, 0).stream().findFirst().orElseThrow();
        assertThat(release.get("by")).isEqualTo("supervisor");
        List<Long> acquiredAfter = events(run, EventKind.ACQUIRED, 0).stream()
                .filter(e -> e.seq() > release.seq() && held.ref().equals(e.obj())).map(Event::pid).toList();
        assertThat(acquiredAfter).as("every buyer that waited acquires the Lock after the release")
                .containsAll(waiting);
        assertThat(window.runs().exitCodeProperty().get()).isZero();
    }

    private static Optional<LockState> lock() {
        return window.fold().primitives(LockState.class).stream().findFirst();
    }

    private static String padlockHeadline() {
        return window.robot().lookup(".padlock-headline").tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    /** The pids of the buyers the padlock's waiting zone shows. */
    private static List<Long> waitersOnStage() {
        return WindowFixture.onFx(() -> window.robot().lookup(".lock-waiters .stage-process").queryAll().stream()
                .map(Node.class::cast).filter(n -> n instanceof ProcessTag).map(n -> ((ProcessTag) n).pid())
                .toList());
    }
}
