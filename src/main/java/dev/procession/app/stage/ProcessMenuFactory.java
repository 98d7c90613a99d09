package dev.procession.app.stage;

import javafx.scene.control.ContextMenu;

/** The window's per-process actions (pause, kill, daemonize...) as a menu for one pid. */
@FunctionalInterface
public interface ProcessMenuFactory {
    ProcessMenuFactory NONE = pid -> null;

    /** The menu to show on process {@code pid}, or null for none. */
    ContextMenu menuFor(long pid);
}
