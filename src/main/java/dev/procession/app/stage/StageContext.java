package dev.procession.app.stage;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the window gives every stage: where a click on a process goes, and its menu of actions.
 *
 * @param onSelectProcess called with the pid of a clicked process element
 * @param menus           the context menu of a process element
 */
public record StageContext(Consumer<Long> onSelectProcess, ProcessMenuFactory menus) {
    public static final StageContext NONE = new StageContext(pid -> { }, ProcessMenuFactory.NONE);

    public StageContext {
        Objects.requireNonNull(onSelectProcess);
        Objects.requireNonNull(menus);
    }
}
