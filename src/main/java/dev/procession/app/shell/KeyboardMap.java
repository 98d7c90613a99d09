package dev.procession.app.shell;

import dev.procession.app.Messages;
import dev.procession.app.theme.Styles;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

/**
 * Help → Keyboard map: every command that has a key, made from the same actions as the menus and
 * the toolbar (so it cannot disagree with them), and the keys a presenter's remote sends.
 */
final class KeyboardMap {
    /** A key of a view rather than of a command, and the message key of what it does. */
    record ViewKey(KeyCombination key, String messageKey) {
    }

    static final ViewKey SIDE_DOCK = new ViewKey(new KeyCodeCombination(KeyCode.F8), "view.dock.side");
    static final ViewKey BOTTOM_DOCK = new ViewKey(new KeyCodeCombination(KeyCode.F9), "view.dock.bottom");
    /** ProcessTable's own key for the selected row's menu. */
    static final ViewKey PROCESS_MENU = new ViewKey(new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN),
            "keyboardMap.processMenu");
    /** The Run menu's Step mode switch (app/step/StepModeToggle). */
    static final ViewKey STEP_MODE = new ViewKey(new KeyCodeCombination(KeyCode.F4), "step.mode");
    static final List<ViewKey> EXTRA_KEYS = List.of(SIDE_DOCK, BOTTOM_DOCK, PROCESS_MENU, STEP_MODE);

    private KeyboardMap() {
    }

    static void show(Stage owner, List<AppAction> actions) {
        Alert dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        dialog.setTitle(Messages.text("keyboardMap.title"));
        dialog.setHeaderText(Messages.text("keyboardMap.header"));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        ScrollPane scroll = new ScrollPane(grid(actions));
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(480);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getStyleClass().add(Styles.KEYBOARD_MAP);
        dialog.show();
    }

    static GridPane grid(List<AppAction> actions) {
        GridPane grid = new GridPane(24, 6);
        grid.setId("keyboard-map");
        int row = 0;
        for (AppAction a : actions) {
            if (a.accelerator() != null) {
                Label key = new Label(a.accelerator().getDisplayText());
                key.getStyleClass().add("key");
                grid.addRow(row++, key, new Label(a.text()), new Label(a.tooltip()));
            }
        }
        // Keys of views rather than of the window's commands.
        for (ViewKey extra : EXTRA_KEYS) {
            Label key = new Label(extra.key().getDisplayText());
            key.getStyleClass().add("key");
            grid.addRow(row++, key, new Label(Messages.text(extra.messageKey())), new Label(""));
        }
        return grid;
    }
}
