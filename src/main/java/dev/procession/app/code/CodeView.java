package dev.procession.app.code;

import atlantafx.base.theme.Styles;
import dev.procession.app.Messages;
import dev.procession.app.run.RunPump;
import dev.procession.app.theme.ProcessColors;
import dev.procession.app.theme.StatusLook;
import dev.procession.events.Event;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import dev.procession.model.RunHeader;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import dev.procession.app.Children;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;

/**
 * The scenario's Python listing or its Java program, as the log's header carries them, with one
 * cursor per live process on the line it is executing or blocked on, in the process's colour and
 * with its name. In the Java program the cursor is on the statement that made the call. A process
 * in Python's exit handling is shown under the code.
 */
public final class CodeView extends BorderPane implements RunPump.FrameListener {
    /** The two texts the view can show. */
    public enum Language { PYTHON, JAVA }

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass SELECTED_PROCESS = PseudoClass.getPseudoClass("selected-process");

    private final ObservableList<Integer> lineNumbers = FXCollections.observableArrayList();
    private final ListView<Integer> list = new ListView<>(lineNumbers);
    private final Label exitHandling = new Label();
    private final Label title = new Label();
    private final ToggleGroup languages = new ToggleGroup();
    private final ToggleButton pythonButton = languageButton("Python", Language.PYTHON, Styles.LEFT_PILL);
    private final ToggleButton javaButton = languageButton("Java", Language.JAVA, Styles.RIGHT_PILL);
    private RunHeader header = RunHeader.UNKNOWN;
    /** The live processes outside exit handling: whoever has a cursor in either language. */
    private List<ProcState> placed = List.of();
    private Language shown = Language.PYTHON;
    private List<String> text = List.of();
    private Map<Integer, List<ProcState>> cursors = Map.of();
    /** What each line's cursors show: a sample changes every process, but seldom what its cursor says. */
    private Map<Integer, List<CursorLook>> looks = Map.of();
    /** The cells the list made, to redraw in place only the lines whose cursors changed. */
    private final Set<CodeLineCell> cells = Collections.newSetFromMap(new WeakHashMap<>());

    /** One cursor as drawn: a process's name, pid, colour and status icon. */
    private record CursorLook(long pid, String name, String colorClass, ProcStatus status) {
        static CursorLook of(ProcState p) {
            return new CursorLook(p.pid(), p.name(), ProcessColors.styleClass(p), p.status());
        }
    }

    public CodeView() {
        setId("code-view");
        getStyleClass().add("code-view");
        list.setCellFactory(l -> {
            CodeLineCell cell = new CodeLineCell();
            cells.add(cell);
            return cell;
        });
        // A fixed row height: a listing reads as code, not as a list of cards, and lays out in one pass.
        list.setFixedCellSize(34);
        list.setPlaceholder(new Label(Messages.text("code.none")));
        exitHandling.getStyleClass().add("code-exit-handling");
        exitHandling.setWrapText(true);
        pythonButton.setSelected(true);
        languages.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one language is always shown
            } else {
                showText((Language) now.getUserData());
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(title, gap, new HBox(pythonButton, javaButton));
        bar.getStyleClass().add("view-bar");
        setTop(bar);
        setCenter(list);
    }

    private ToggleButton languageButton(String name, Language language, String pill) {
        ToggleButton b = new ToggleButton(name);
        b.setUserData(language);
        b.setToggleGroup(languages);
        b.getStyleClass().addAll(pill, Styles.SMALL);
        b.setTooltip(new Tooltip(Messages.text("code.language." + language.name().toLowerCase())));
        b.setId("code-" + language.name().toLowerCase());
        return b;
    }

    @Override
    public void onFrame(RunState before, RunState after, List<Event> events) {
        if (!after.header().equals(header)) {
            header = after.header();
            javaButton.setDisable(header.java().lines().isEmpty());
            showText(javaButton.isDisable() ? Language.PYTHON : shown);
        }
        List<ProcState> nowPlaced = new ArrayList<>();
        List<String> exiting = new ArrayList<>();
        for (ProcState p : after.processes().values()) {
            if (!p.alive()) {
                continue;
            }
            if (p.atexit()) {
                exiting.add(p.name() + " [" + p.pid() + "]");
            } else {
                nowPlaced.add(p);
            }
        }
        exitHandling.setText(exiting.isEmpty() ? null : Messages.text("code.exitHandling", String.join(", ", exiting)));
        setBottom(exiting.isEmpty() ? null : exitHandling);
        placed = nowPlaced;
        placeCursors();
    }

    /** Shows the Python listing or the Java program, with the cursors on its lines. */
    public void show(Language language) {
        (language == Language.JAVA ? javaButton : pythonButton).setSelected(true);
    }

    public Language shown() {
        return shown;
    }

    /** The processes whose cursor is on {@code line} of the text shown now, for tests. */
    public List<ProcState> cursorsAt(int line) {
        return cursors.getOrDefault(line, List.of());
    }

    /** Line {@code line} (from 1) of the text shown now, for tests. */
    public String lineText(int line) {
        return text.get(line - 1);
    }

    private void showText(Language asked) {
        // A python3 program of the user's has no Java program beside it: its own source is all there is.
        boolean noJava = header.java().file() == null;
        javaButton.setDisable(noJava);
        Language language = noJava ? Language.PYTHON : asked;
        shown = language;
        boolean java = language == Language.JAVA;
        text = java ? header.java().lines() : header.listing();
        String file = java ? header.java().file() : header.listingFile();
        title.setText(file == null ? "" : file);
        if (languages.getSelectedToggle() != (java ? javaButton : pythonButton)) {
            show(language);
        }
        lineNumbers.setAll(IntStream.rangeClosed(1, text.size()).boxed().toList());
        cursors = Map.of();
        looks = Map.of();
        list.refresh();
        placeCursors();
    }

    private void placeCursors() {
        Map<Integer, List<ProcState>> now = new LinkedHashMap<>();
        for (ProcState p : placed) {
            int line = shown == Language.JAVA ? header.java().lineFor(p.line()) : p.line();
            if (line > 0) {
                now.computeIfAbsent(line, k -> new ArrayList<>()).add(p);
            }
        }
        if (!now.equals(cursors)) {
            cursors = now;
            Map<Integer, List<CursorLook>> nowLooks = new HashMap<>();
            now.forEach((line, procs) -> nowLooks.put(line, procs.stream().map(CursorLook::of).toList()));
            Set<Integer> changed = new HashSet<>();
            for (Integer line : union(looks.keySet(), nowLooks.keySet())) {
                if (!Objects.equals(looks.get(line), nowLooks.get(line))) {
                    changed.add(line);
                }
            }
            looks = nowLooks;
            redraw(changed::contains);
            keepCursorsInView();
        }
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Redraws in place the cells showing a line {@code which} accepts; the others stay as they are. */
    private void redraw(Predicate<Integer> which) {
        for (CodeLineCell cell : List.copyOf(cells)) {
            Integer line = cell.getItem();
            if (!cell.isEmpty() && line != null && which.test(line)) {
                cell.draw(line);
            }
        }
    }

    /** Scrolls to the first cursor when none is in view: a reader should never hunt for them. */
    private void keepCursorsInView() {
        if (cursors.isEmpty() || !(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)
                || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
            return;
        }
        int first = flow.getFirstVisibleCell().getIndex() + 1;
        int last = flow.getLastVisibleCell().getIndex() + 1;
        boolean anyInView = cursors.keySet().stream().anyMatch(line -> line >= first && line <= last);
        if (!anyInView) {
            int top = cursors.keySet().stream().min(Integer::compare).orElse(1);
            list.scrollTo(Math.max(0, top - 3));
        }
    }

    private Long selected;

    /** Marks the cursor of process {@code pid} (none for null): the process chosen elsewhere. */
    public void select(Long pid) {
        selected = pid;
        redraw(line -> cursors.containsKey(line));
    }

    /** Cursors shown by name on one line; the others are counted. */
    private static final int SHOWN_BY_NAME = 2;

    /**
     * One line of the text with its cursors. Its nodes are made once and changed in place: a line
     * with a crowd of cursors changes at most frames of a busy run, and a new row each time (a
     * tooltip is a window of its own) was most of the frame.
     */
    private final class CodeLineCell extends ListCell<Integer> {
        private final Label number = new Label();
        private final Label code = new Label();
        private final HBox row;
        private final List<CursorLabel> named = new ArrayList<>();
        private final Label more = new Label();
        private final Tooltip moreNames = new Tooltip();

        CodeLineCell() {
            // As wide as the view, never wider: the cursors at the end of a line stay in sight.
            setPrefWidth(0);
            number.getStyleClass().add("code-line-number");
            code.getStyleClass().add("code-text");
            // The code gives way (ellipsis) before a cursor does: who is here matters more than the line's tail.
            code.setMinWidth(0);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            row = new HBox(8, number, code, gap);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            for (int i = 0; i < SHOWN_BY_NAME; i++) {
                named.add(new CursorLabel());
            }
            more.getStyleClass().add("code-more-cursors");
            more.setMinWidth(Region.USE_PREF_SIZE);
            more.setTooltip(moreNames);
        }

        @Override
        protected void updateItem(Integer line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null || line > text.size()) {
                pseudoClassStateChanged(CURRENT, false);
                setGraphic(null);
                setText(null);
                return;
            }
            draw(line);
        }

        void draw(int line) {
            number.setText(String.format("%3d", line));
            code.setText(text.get(line - 1));
            List<ProcState> here = new ArrayList<>(cursors.getOrDefault(line, List.of()));
            // The process chosen elsewhere is always named, first: its mark must not hide in the count.
            here.sort(Comparator.comparing((ProcState p) -> selected == null || selected != p.pid()));
            // Two cursors by name; more on one line (five people in one wait) are counted, so the code stays readable.
            List<Node> children = new ArrayList<>(row.getChildren().subList(0, 3));
            for (int i = 0; i < Math.min(here.size(), SHOWN_BY_NAME); i++) {
                named.get(i).show(here.get(i));
                children.add(named.get(i));
            }
            if (here.size() > SHOWN_BY_NAME) {
                List<ProcState> rest = here.subList(SHOWN_BY_NAME, here.size());
                more.setText(Messages.text("code.moreCursors", rest.size()));
                moreNames.setText(String.join(", ", rest.stream().map(p -> p.name() + " " + p.pid()).toList()));
                children.add(more);
            }
            Children.arrange(row.getChildren(), children);
            pseudoClassStateChanged(CURRENT, !here.isEmpty());
            setText(null);
            setGraphic(row);
        }
    }

    /** A cursor shown by name, restyled only in what changed. */
    private final class CursorLabel extends Label {
        private String colorClass;
        private Ikon glyph;

        CursorLabel() {
            getStyleClass().add("code-cursor");
            setMinWidth(Region.USE_PREF_SIZE);
        }

        void show(ProcState p) {
            setText(p.name() + " " + p.pid());
            String color = ProcessColors.styleClass(p);
            if (!color.equals(colorClass)) {
                getStyleClass().remove(colorClass);
                getStyleClass().add(color);
                colorClass = color;
            }
            Ikon now = StatusLook.glyph(p);
            if (now != glyph) {
                setGraphic(StatusLook.icon(p));
                glyph = now;
            }
            pseudoClassStateChanged(SELECTED_PROCESS, selected != null && selected == p.pid());
        }
    }
}
