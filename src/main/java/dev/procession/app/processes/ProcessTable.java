package dev.procession.app.processes;

import dev.procession.app.Messages;
import dev.procession.app.run.RunPump;
import dev.procession.app.theme.ProcessColors;
import dev.procession.app.theme.StatusLook;
import dev.procession.events.Event;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.Ikon;

/**
 * Every process of the run, one row each: PID, parent, name, role, status (icon and word),
 * daemon, CPU, memory (PSS) and exit code, with the per-process actions in each row's menu.
 * While a row's menu is open the rows hold still, so the action lands on the row that was chosen.
 */
public final class ProcessTable extends TableView<ProcessRow> implements RunPump.FrameListener {
    private final ObservableList<ProcessRow> rows = FXCollections.observableArrayList();
    private final Map<Long, ProcessRow> byPid = new LinkedHashMap<>();
    private final ProcessMenus menus;
    private RunState pending;
    private int menusOpen;

    public ProcessTable(ProcessMenus menus) {
        this.menus = menus;
        setId("process-table");
        getStyleClass().add("process-table");
        setItems(rows);
        setPlaceholder(new Label(Messages.text("processes.none")));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            // Shift+F10 is in the keyboard map (shell/KeyboardMap.PROCESS_MENU).
            if (e.getCode() == KeyCode.CONTEXT_MENU || (e.getCode() == KeyCode.F10 && e.isShiftDown())) {
                openMenuFromKeyboard();
                e.consume();
            }
        });
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                pidColumn(),
                textColumn("processes.column.parent", p -> Long.toString(p.ppid())),
                textColumn("processes.column.name", ProcState::name),
                textColumn("processes.column.role", p -> p.role() == null ? "" : p.role()),
                statusColumn(),
                textColumn("processes.column.daemon", p -> p.daemon() ? Messages.text("processes.daemon.yes") : ""),
                textColumn("processes.column.cpu", p -> String.format("%.2f s", p.usage().cpuSeconds())),
                textColumn("processes.column.memory", p -> Bytes.mebibytes(p.usage().pssBytes())),
                textColumn("processes.column.exit", p -> p.exitCode() == null ? "" : p.exitCode().toString())));
        setRowFactory(t -> row());
        // Widths for what each column holds at 16 px: names and states are the long ones.
        double[] widths = {110, 90, 150, 130, 230, 90, 90, 130, 100};
        for (int i = 0; i < widths.length; i++) {
            getColumns().get(i).setPrefWidth(widths[i]);
            getColumns().get(i).setMinWidth(Math.min(widths[i], 80));
        }
    }

    @Override
    public void onFrame(RunState before, RunState after, List<Event> events) {
        if (menusOpen > 0) {
            pending = after;
            return;
        }
        show(after);
    }

    private void show(RunState state) {
        if (state.processes().isEmpty() && !byPid.isEmpty()) {
            byPid.clear();
            rows.clear();
        }
        for (ProcState p : state.processes().values()) {
            ProcessRow row = byPid.get(p.pid());
            if (row == null) {
                row = new ProcessRow(p, state);
                byPid.put(p.pid(), row);
                rows.add(row);
            } else if (row.proc() != p) {
                row.update(p, state);
            }
        }
    }

    /** Selects the row of {@code pid} (none for null), as a click on the stage asks. */
    public void select(Long pid) {
        ProcessRow row = pid == null ? null : byPid.get(pid);
        if (row == null) {
            getSelectionModel().clearSelection();
        } else if (getSelectionModel().getSelectedItem() != row) {
            getSelectionModel().select(row);
            scrollTo(row);
        }
    }

    /**
     * The selected row's menu from the keyboard (the menu key, or Shift+F10), beside the row: a
     * process can be paused, killed or daemonized without a mouse.
     */
    private void openMenuFromKeyboard() {
        ProcessRow item = getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        Node anchor = lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() == item).findFirst().orElse(this);
        javafx.geometry.Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        openMenu(anchor, item.pid(), b.getMinX() + 40, b.getMaxY());
    }

    private void openMenu(Node anchor, long pid, double screenX, double screenY) {
        ContextMenu menu = menus.menuFor(pid);
        menu.setOnShown(shown -> menusOpen++);
        menu.setOnHidden(hidden -> {
            menusOpen--;
            if (menusOpen == 0 && pending != null) {
                show(pending);
                pending = null;
            }
        });
        menu.show(anchor, screenX, screenY);
    }

    /** A row's menu is made when asked for: building menus as rows scroll would cost every frame. */
    private TableRow<ProcessRow> row() {
        TableRow<ProcessRow> row = new TableRow<>();
        // Every row is as tall as the first one laid out: with a fixed height the table lays out only
        // the rows in view, not a row per process to estimate its height whenever a process changes.
        row.heightProperty().addListener((obs, was, height) -> {
            if (getFixedCellSize() <= 0 && row.getItem() != null && height.doubleValue() > 0) {
                setFixedCellSize(height.doubleValue());
            }
        });
        row.setOnContextMenuRequested(e -> {
            if (row.getItem() != null) {
                openMenu(row, row.getItem().pid(), e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        return row;
    }

    private TableColumn<ProcessRow, String> pidColumn() {
        TableColumn<ProcessRow, String> c = textColumn("processes.column.pid", p -> Long.toString(p.pid()));
        c.setCellFactory(col -> new TableCell<>() {
            // The chip is made once and recoloured only when the row's colour differs.
            private final Label chip = new Label();
            private String chipColor;

            {
                chip.getStyleClass().add("proc-chip");
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                ProcessRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                String color = ProcessColors.styleClass(row.proc());
                if (!color.equals(chipColor)) {
                    chip.getStyleClass().remove(chipColor);
                    chip.getStyleClass().add(color);
                    chipColor = color;
                }
                setGraphic(chip);
                setText(text);
            }
        });
        return c;
    }

    private TableColumn<ProcessRow, String> statusColumn() {
        TableColumn<ProcessRow, String> c = new TableColumn<>(Messages.text("processes.column.status"));
        c.setCellValueFactory(d -> d.getValue().statusWordProperty());
        c.setCellFactory(col -> new TableCell<>() {
            // One tooltip per cell, its text updated: a Tooltip is a window of its own, costly to make.
            private final Tooltip tip = new Tooltip();
            private Ikon iconFor;

            @Override
            protected void updateItem(String word, boolean empty) {
                super.updateItem(word, empty);
                ProcessRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setText(word);
                Ikon glyph = StatusLook.glyph(row.proc());
                if (glyph != iconFor || getGraphic() == null) {
                    setGraphic(StatusLook.icon(row.proc()));
                    iconFor = glyph;
                }
                tip.setText(word);
                setTooltip(tip);
            }
        });
        return c;
    }

    private static TableColumn<ProcessRow, String> textColumn(String key, Function<ProcState, String> value) {
        TableColumn<ProcessRow, String> c = new TableColumn<>(Messages.text(key));
        c.setCellValueFactory(d -> derived(d.getValue(), value));
        return c;
    }

    private static ObservableValue<String> derived(ProcessRow row, Function<ProcState, String> value) {
        return row.procProperty().map(value);
    }
}
