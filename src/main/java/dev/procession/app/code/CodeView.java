package dev.procession.app.code;

import dev.procession.app.Messages;
import dev.procession.app.run.RunPump;
import dev.procession.app.theme.StatusLook;
import dev.procession.events.Event;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The scenario's Python listing, as the log's header carries it, with one cursor per live
 * process on the line it is executing or blocked on, in the process's colour and with its name.
 * A process in Python's exit handling is shown under the listing.
 */
public final class CodeView extends BorderPane implements RunPump.FrameListener {
    private final ObservableList<Integer> lineNumbers = FXCollections.observableArrayList();
    private final ListView<Integer> list = new ListView<>(lineNumbers);
    private final Label exitHandling = new Label();
    private final Label title = new Label();
    private List<String> listing = List.of();
    private Map<Integer, List<ProcState>> cursors = Map.of();

    public CodeView() {
        setId("code-view");
        getStyleClass().add("code-view");
        list.setCellFactory(l -> new CodeLineCell());
        list.setPlaceholder(new Label(Messages.text("code.none")));
        title.getStyleClass().add("view-bar");
        exitHandling.getStyleClass().add("code-exit-handling");
        exitHandling.setWrapText(true);
        setTop(title);
        setCenter(list);
    }

    @Override
    public void onFrame(RunState before, RunState after, List<Event> events) {
        if (!after.header().listing().equals(listing)) {
            listing = after.header().listing();
            lineNumbers.setAll(IntStream.rangeClosed(1, listing.size()).boxed().toList());
            title.setText(after.header().listingFile() == null ? "" : after.header().listingFile());
        }
        Map<Integer, List<ProcState>> now = new LinkedHashMap<>();
        List<String> exiting = new ArrayList<>();
        for (ProcState p : after.processes().values()) {
            if (!p.alive()) {
                continue;
            }
            if (p.atexit()) {
                exiting.add(p.name() + " [" + p.pid() + "]");
            } else if (p.line() > 0) {
                now.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p);
            }
        }
        exitHandling.setText(exiting.isEmpty() ? null : Messages.text("code.exitHandling", String.join(", ", exiting)));
        setBottom(exiting.isEmpty() ? null : exitHandling);
        if (!now.equals(cursors)) {
            cursors = now;
            list.refresh();
        }
    }

    /** The processes whose cursor is on {@code line} now, for tests. */
    public List<ProcState> cursorsAt(int line) {
        return cursors.getOrDefault(line, List.of());
    }

    private final class CodeLineCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer line, boolean empty) {
            super.updateItem(line, empty);
            pseudoClassStateChanged(CURRENT, false);
            if (empty || line == null || line > listing.size()) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label number = new Label(String.format("%3d", line));
            number.getStyleClass().add("code-line-number");
            Label code = new Label(listing.get(line - 1));
            code.getStyleClass().add("code-text");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(8, number, code, gap);
            List<ProcState> here = cursors.getOrDefault(line, List.of());
            for (ProcState p : here) {
                Label cursor = new Label(p.name() + " " + p.pid());
                cursor.getStyleClass().addAll("code-cursor", StatusLook.colorClass(p));
                cursor.setGraphic(StatusLook.icon(p.status()));
                row.getChildren().add(cursor);
            }
            pseudoClassStateChanged(CURRENT, !here.isEmpty());
            setText(null);
            setGraphic(row);
        }
    }

    private static final javafx.css.PseudoClass CURRENT = javafx.css.PseudoClass.getPseudoClass("current");
}
