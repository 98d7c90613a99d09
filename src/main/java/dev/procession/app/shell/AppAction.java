package dev.procession.app.shell;

import dev.procession.app.Messages;
import dev.procession.app.theme.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/**
 * One command of the window, defined once: its text, tooltip, icon, key and whether it applies.
 * The menu item and the toolbar button are both made from it, so they cannot disagree.
 *
 * @param id          a stable name ("run"): the message keys are {@code action.ID} and
 *                    {@code action.ID.tooltip}, and the button's id is {@code action-ID}
 * @param icon        its icon
 * @param accelerator its key, or null
 * @param enabled     when it applies
 * @param handler     what it does
 */
record AppAction(String id, Icons icon, KeyCombination accelerator, ObservableBooleanValue enabled,
                 Runnable handler) {

    String text() {
        return Messages.text("action." + id);
    }

    String tooltip() {
        return Messages.text("action." + id + ".tooltip");
    }

    MenuItem menuItem() {
        MenuItem item = new MenuItem(text(), icon.node());
        item.setId("menu-" + id);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> handler.run());
        item.disableProperty().bind(Bindings.not(enabled));
        return item;
    }

    Button button() {
        Button button = new Button(text(), icon.node());
        button.setId("action-" + id);
        String keys = accelerator == null ? "" : " (" + accelerator.getDisplayText() + ")";
        button.setTooltip(new Tooltip(tooltip() + keys));
        button.setOnAction(e -> handler.run());
        button.disableProperty().bind(Bindings.not(enabled));
        button.setFocusTraversable(false);
        return button;
    }
}
