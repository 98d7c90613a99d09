package dev.procession.app.stage;

import dev.procession.app.Messages;
import dev.procession.app.theme.ProcessColors;
import dev.procession.app.theme.StatusLook;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import dev.procession.model.RunState;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The element of one process on a stage: its name and pid, its state as icon and word, and a
 * daemon badge; coloured by the process's colour. Stages give it a shape by a style class
 * ("car", "person"...). Click and menu are wired by {@link ProcessElements}.
 */
public final class ProcessTag extends VBox {
    private final long pid;
    private final Label title = new Label();
    private final Label status = new Label();
    /** A third line a stage may add: the last answer a worker got from the Manager's server. */
    private final Label note = new Label();
    private final Label daemon = new Label(Messages.text("stage.common.daemon"), StageIcons.DAEMON.node());
    /** The glyph of the status graphic on show, so a frame that keeps it makes no new node. */
    private Ikon shownGlyph;

    public ProcessTag(long pid, String shapeClass) {
        this.pid = pid;
        getStyleClass().addAll(StageStyles.PROCESS, shapeClass);
        getProperties().put(StageStyles.PID_KEY, pid);
        title.getStyleClass().add(StageStyles.PROCESS_TITLE);
        status.getStyleClass().add(StageStyles.PROCESS_STATUS);
        // A long story ("asks the server: getitem, holding the lock") wraps rather than ends in "...".
        StageStyles.wrapInFull(status);
        note.getStyleClass().add(StageStyles.PROCESS_STATUS);
        note.setManaged(false);
        note.setVisible(false);
        daemon.getStyleClass().add(StageStyles.DAEMON_BADGE);
        HBox titleRow = new HBox(6, title);
        getChildren().addAll(titleRow, status, note);
        daemon.setManaged(false);
        daemon.setVisible(false);
        titleRow.getChildren().add(daemon);
    }

    public long pid() {
        return pid;
    }

    /** Shows {@code p} with its own status, worded and drawn as the process table shows it. */
    public void update(ProcState p, RunState s) {
        Ikon glyph = StatusLook.glyph(p);
        show(p, StatusLook.word(p, s), glyph, glyph == shownGlyph ? null : StatusLook.icon(p));
    }

    /** Shows {@code p} with a word of the stage's story ("waiting at the red light"). */
    public void update(ProcState p, String word, StageIcons icon) {
        show(p, word, icon.glyph(), icon.glyph() == shownGlyph ? null : icon.node());
    }

    /** {@code graphic} is null when the glyph on show stays. */
    private void show(ProcState p, String word, Ikon glyph, FontIcon graphic) {
        title.setText(ProcessNames.nameAndPid(p));
        status.setText(word);
        if (graphic != null) {
            status.setGraphic(graphic);
            shownGlyph = glyph;
        }
        daemon.setVisible(p.daemon());
        daemon.setManaged(p.daemon());
        String colour = ProcessColors.styleClass(p);
        if (!getStyleClass().contains(colour)) {
            getStyleClass().removeIf(ProcessColors::isColorClass);
            getStyleClass().add(colour);
        }
        pseudoClassStateChanged(StageStyles.EXITED, !p.alive());
        pseudoClassStateChanged(StageStyles.BLOCKED, p.status() == ProcStatus.BLOCKED);
        pseudoClassStateChanged(StageStyles.PAUSED, p.paused());
    }

    /**
     * Shows {@code p} with the stage's word while it is alive and neither paused nor starting;
     * otherwise with its own status word, which then says more than the story.
     */
    public void updateStory(ProcState p, RunState s, String word, StageIcons icon) {
        ProcStatus st = p.status();
        if (st == ProcStatus.EXITED || st == ProcStatus.PAUSED || st == ProcStatus.STARTING) {
            update(p, s);
        } else {
            update(p, word, icon);
        }
    }

    /** Shows {@code text} on a line of its own under the status, with {@code icon}; null hides the line. */
    public void setNote(String text, StageIcons icon) {
        boolean shown = text != null;
        if (shown && note.getGraphic() == null) {
            note.setGraphic(icon.node());
        }
        note.setText(text);
        note.setVisible(shown);
        note.setManaged(shown);
    }

    public String noteText() {
        return note.isVisible() ? note.getText() : null;
    }

    public String titleText() {
        return title.getText();
    }

    public String statusText() {
        return status.getText();
    }
}
