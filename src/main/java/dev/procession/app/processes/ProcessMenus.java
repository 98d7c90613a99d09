package dev.procession.app.processes;

import dev.procession.app.Messages;
import dev.procession.app.processes.ProcessActions.Kind;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import java.util.function.LongFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;

/**
 * The per-process menu, the same for a table row and a stage element: pause, resume, pause the
 * tree, terminate, kill (confirmed unless turned off), daemonize (a Procession extension) and, in
 * step mode, let its held call go next.
 * Each item's tooltip says in plain words what the signal does.
 */
public final class ProcessMenus {
    private final ProcessActions actions;
    private final LongFunction<ProcState> lookup;
    private final BooleanProperty confirmKill = new SimpleBooleanProperty(true);
    private final BooleanProperty replaying = new SimpleBooleanProperty();

    public ProcessMenus(ProcessActions actions, LongFunction<ProcState> lookup) {
        this.actions = actions;
        this.lookup = lookup;
    }

    /** Whether Kill asks first; the confirmation's own check box turns it off. */
    public BooleanProperty confirmKillProperty() {
        return confirmKill;
    }

    /** A saved run is on screen: its processes are long gone, so every action is off and says why. */
    public BooleanProperty replayingProperty() {
        return replaying;
    }

    /** A fresh menu for {@code pid}, its items enabled as the process's state allows. */
    public ContextMenu menuFor(long pid) {
        ContextMenu menu = new ContextMenu();
        menu.getItems().setAll(items(pid));
        return menu;
    }

    private java.util.List<MenuItem> items(long pid) {
        ProcState p = lookup.apply(pid);
        if (replaying.get()) {
            MenuItem why = new MenuItem(Messages.text("process.replaying"));
            why.setId("process-replaying");
            why.setDisable(true);
            java.util.List<MenuItem> off = new java.util.ArrayList<>(java.util.List.of(why, new SeparatorMenuItem()));
            for (Kind kind : Kind.values()) {
                off.add(item(kind, pid, false));
            }
            return off;
        }
        boolean alive = p != null && p.alive();
        boolean paused = p != null && p.status() == ProcStatus.PAUSED;
        return java.util.List.of(
                item(Kind.PAUSE, pid, alive && !paused),
                item(Kind.RESUME, pid, alive && paused),
                item(Kind.PAUSE_TREE, pid, alive),
                item(Kind.RESUME_TREE, pid, alive),
                new SeparatorMenuItem(),
                item(Kind.TERMINATE, pid, alive),
                item(Kind.KILL, pid, alive),
                new SeparatorMenuItem(),
                item(Kind.DAEMONIZE, pid, alive && !p.daemon()),
                new SeparatorMenuItem(),
                item(Kind.LET_GO, pid, p != null && p.status() == ProcStatus.HELD));
    }

    private MenuItem item(Kind kind, long pid, boolean enabled) {
        // A label as the item's content so the tooltip can hang on it (menu items have none).
        Label text = new Label(Messages.text("process.action." + kind.key()));
        Tooltip.install(text, new Tooltip(Messages.text("process.action." + kind.key() + ".tooltip")));
        CustomMenuItem item = new CustomMenuItem(text);
        item.setId("process-action-" + kind.key());
        item.setDisable(!enabled);
        item.setOnAction(e -> perform(kind, pid));
        return item;
    }

    /** Runs {@code kind} on {@code pid}, asking first for a kill when that is wanted. */
    public void perform(Kind kind, long pid) {
        if (kind == Kind.KILL && confirmKill.get() && !confirmedKill(pid)) {
            return;
        }
        actions.perform(kind, pid);
    }

    private boolean confirmedKill(long pid) {
        ProcState p = lookup.apply(pid);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.setTitle(Messages.text("process.kill.confirm.title"));
        alert.setHeaderText(Messages.text("process.kill.confirm.header", p == null ? "?" : p.name(), pid));
        CheckBox dontAsk = new CheckBox(Messages.text("process.kill.confirm.dontAsk"));
        alert.getDialogPane().setContent(new javafx.scene.layout.VBox(8,
                new Label(Messages.text("process.kill.confirm.text")), dontAsk));
        boolean ok = alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
        if (ok && dontAsk.isSelected()) {
            confirmKill.set(false);
        }
        return ok;
    }
}
