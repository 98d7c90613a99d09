package dev.procession.app.console;

import dev.procession.app.Messages;
import dev.procession.app.run.RunPump;
import dev.procession.app.theme.ProcessColors;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * What the processes printed, each line in its process's colour and name, in log order; a
 * filter shows one process's lane alone. Follows the end unless the reader scrolled up.
 */
public final class ConsoleView extends BorderPane implements RunPump.FrameListener {
    /** The filter's entry for every process. */
    private static final Long ALL = -1L;

    private final ObservableList<ConsoleLine> lines = FXCollections.observableArrayList();
    private final FilteredList<ConsoleLine> shown = new FilteredList<>(lines);
    private final ListView<ConsoleLine> list = new ListView<>(shown);
    private final ComboBox<Long> filter = new ComboBox<>(FXCollections.observableArrayList(ALL));
    private RunState state = RunState.EMPTY;
    private Long selected;

    public ConsoleView() {
        setId("console");
        getStyleClass().add("console");
        list.setCellFactory(l -> new LineCell());
        list.setPlaceholder(new Label(Messages.text("console.empty")));
        filter.setValue(ALL);
        filter.setButtonCell(new FilterCell());
        filter.setCellFactory(c -> new FilterCell());
        filter.valueProperty().addListener((obs, old, now) ->
                shown.setPredicate(now == null || ALL.equals(now) ? null : line -> line.pid() == now));
        HBox bar = new HBox(8, new Label(Messages.text("console.filter")), filter);
        bar.getStyleClass().add("view-bar");
        setTop(bar);
        setCenter(list);
    }

    @Override
    public void onFrame(RunState before, RunState after, List<Event> events) {
        state = after;
        if (after.seq() == 0) {
            lines.clear();
            filter.getItems().setAll(ALL);
            filter.setValue(ALL);
            return;
        }
        boolean atEnd = shown.isEmpty() || following();
        for (Event e : events) {
            if (reads(e) && after.process(e.pid()) instanceof ProcState p) {
                lines.add(new ConsoleLine(p.pid(), p.name(), ProcessColors.styleClass(p), e.micros() / 1e6,
                        e.text("text")));
            }
        }
        for (ProcState p : after.processes().values()) {
            if (!filter.getItems().contains(p.pid())) {
                filter.getItems().add(p.pid());
            }
        }
        if (atEnd && !shown.isEmpty()) {
            list.scrollTo(shown.size() - 1);
        }
    }

    /** The events the console draws from: what processes printed. */
    public static boolean reads(Event e) {
        return e.kind() == EventKind.PRINT;
    }

    /** The console follows new lines until the reader selects one to look at. */
    private boolean following() {
        return list.getSelectionModel().isEmpty();
    }

    /** The lines shown now, for tests and exports. */
    public List<ConsoleLine> shownLines() {
        return List.copyOf(shown);
    }

    /** Marks the lines of process {@code pid} (none for null): the process chosen elsewhere. */
    public void select(Long pid) {
        selected = pid;
        list.refresh();
    }

    private static final javafx.css.PseudoClass SELECTED_PROCESS =
            javafx.css.PseudoClass.getPseudoClass("selected-process");

    /** One line; its label is made once and restyled only when the line's process changes colour. */
    private final class LineCell extends ListCell<ConsoleLine> {
        private final Label who = new Label();
        private String whoColor;

        LineCell() {
            who.getStyleClass().add("console-proc");
        }

        @Override
        protected void updateItem(ConsoleLine line, boolean empty) {
            super.updateItem(line, empty);
            pseudoClassStateChanged(SELECTED_PROCESS, !empty && line != null && selected != null
                    && selected == line.pid());
            if (empty || line == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            who.setText(String.format("%7.2fs  %s [%d]", line.seconds(), line.proc(), line.pid()));
            if (!line.colorClass().equals(whoColor)) {
                who.getStyleClass().remove(whoColor);
                who.getStyleClass().add(line.colorClass());
                whoColor = line.colorClass();
            }
            setGraphic(who);
            setText(line.text());
        }
    }

    private final class FilterCell extends ListCell<Long> {
        @Override
        protected void updateItem(Long pid, boolean empty) {
            super.updateItem(pid, empty);
            if (empty || pid == null) {
                setText(null);
            } else if (ALL.equals(pid)) {
                setText(Messages.text("console.all"));
            } else {
                ProcState p = state.process(pid);
                setText(p == null ? Long.toString(pid) : p.name() + " [" + pid + "]");
            }
        }
    }
}
