package dev.procession.app.shell;

import dev.procession.app.Messages;
import dev.procession.app.theme.Styles;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

/**
 * Help → Keyboard map: every command that has a key, made from the same actions as the menus and
 * the toolbar (so it cannot disagree with them), and the keys a presenter's remote sends.
 */
final class KeyboardMap {
    /** The key as the map shows it, and the message key of what it does. */
    static final List<String[]> EXTRA_KEYS = List.of(
            new String[] {"F8", "view.dock.side"},
            new String[] {"F9", "view.dock.bottom"},
            new String[] {"Shift+F10", "keyboardMap.processMenu"});

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
        for (String[] extra : EXTRA_KEYS) {
            Label key = new Label(extra[0]);
            key.getStyleClass().add("key");
            grid.addRow(row++, key, new Label(Messages.text(extra[1])), new Label(""));
        }
        return grid;
    }
}
