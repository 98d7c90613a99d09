package dev.procession.app.stage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseEvent;

/**
 * The elements of a stage bound to processes, by pid: each one selects its process on click,
 * opens the window's menu for it, and is highlighted while its pid is the selected one.
 */
public final class ProcessElements<T extends Node> {
    private final StageContext context;
    private final Map<Long, T> byPid = new LinkedHashMap<>();
    private Long selected;

    public ProcessElements(StageContext context) {
        this.context = context;
    }

    /** The element of {@code pid}, made by {@code create} the first time and wired then. */
    public T of(long pid, LongFunction<T> create) {
        return byPid.computeIfAbsent(pid, p -> {
            T node = create.apply(p);
            wire(node, p);
            return node;
        });
    }

    public T get(long pid) {
        return byPid.get(pid);
    }

    public Map<Long, T> all() {
        return byPid;
    }

    /** Forgets {@code pid}'s element (it has left the stage), removing its handlers. */
    public void remove(long pid) {
        T node = byPid.remove(pid);
        if (node != null) {
            unwire(node);
        }
    }

    public void select(Long pid) {
        selected = pid;
        byPid.forEach((p, n) -> n.pseudoClassStateChanged(StageStyles.SELECTED, p.equals(pid)));
    }

    public void dispose() {
        byPid.values().forEach(this::unwire);
        byPid.clear();
    }

    private void wire(Node node, long pid) {
        node.getProperties().put(StageStyles.PID_KEY, pid);
        node.pseudoClassStateChanged(StageStyles.SELECTED, selected != null && selected == pid);
        EventHandler<MouseEvent> click = e -> {
            context.onSelectProcess().accept(pid);
            e.consume();
        };
        EventHandler<ContextMenuEvent> menu = e -> {
            var m = context.menus().menuFor(pid);
            if (m != null) {
                m.show(node, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        };
        node.setOnMouseClicked(click);
        node.setOnContextMenuRequested(menu);
    }

    private void unwire(Node node) {
        node.setOnMouseClicked(null);
        node.setOnContextMenuRequested(null);
    }
}
