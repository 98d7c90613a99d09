package dev.procession.app.stage;

import dev.procession.app.Messages;
import dev.procession.model.LockState;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Lock as a padlock: who holds it, the queue of waiters in order, and a warning when the
 * process that held it died with it held. Shared by the stages that show a Lock.
 */
public final class PadlockView extends VBox {
    public static final String STYLE = "padlock";
    public static final String WAITERS_ZONE = "lock-waiters";

    private final Label headline = new Label();
    private final StackPane holderPlace = new StackPane();
    private final Zone waiters = new Zone(WAITERS_ZONE, Messages.text("stage.common.lock.waiting"));

    public PadlockView() {
        getStyleClass().add(STYLE);
        headline.getStyleClass().add("padlock-headline");
        StageStyles.wrapInFull(headline);
        holderPlace.getStyleClass().add("padlock-holder");
        getChildren().addAll(headline, holderPlace, waiters);
    }

    /** Draws {@code lock}: {@code holder} is the holder's element (null when free or dead). */
    public void show(LockState lock, RunState state, Node holder, List<Node> waiting) {
        boolean abandoned = lock.abandonedBy() != null;
        headline.setGraphic((lock.locked() ? StageIcons.LOCKED : StageIcons.UNLOCKED).node());
        headline.setText(headline(lock, state));
        headline.getStyleClass().remove(StageStyles.WARNING);
        if (abandoned) {
            headline.getStyleClass().add(StageStyles.WARNING);
            headline.setGraphic(StageIcons.WARNING.node());
        }
        if (holder == null) {
            holderPlace.getChildren().clear();
        } else if (!holderPlace.getChildren().contains(holder)) {
            holderPlace.getChildren().setAll(holder);
        }
        waiters.arrange(waiting);
        waiters.setTitle(Messages.text("stage.common.lock.waiters", lock.label(), waiting.size()));
    }

    private static String headline(LockState lock, RunState state) {
        if (lock.abandonedBy() != null) {
            return Messages.text("stage.common.lock.abandoned", lock.label(), lock.abandonedBy());
        }
        if (!lock.locked()) {
            return Messages.text("stage.common.lock.free", lock.label());
        }
        ProcState h = state.process(lock.holder());
        return Messages.text("stage.common.lock.heldBy", lock.label(),
                h == null ? ProcessNames.pid(lock.holder()) : ProcessNames.nameAndPid(h));
    }

    public String headlineText() {
        return headline.getText();
    }

    public Zone waitersZone() {
        return waiters;
    }
}
