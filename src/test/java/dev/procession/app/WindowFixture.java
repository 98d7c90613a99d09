package dev.procession.app;

import atlantafx.base.controls.ToggleSwitch;
import dev.procession.app.processes.ProcessActions.Kind;
import dev.procession.app.processes.ProcessRow;
import dev.procession.app.processes.ProcessTable;
import dev.procession.app.run.AsyncControlFront;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.shell.MainWindow;
import dev.procession.app.shell.ShellModel;
import dev.procession.archive.RunArchive;
import dev.procession.app.stage.ProcessTag;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.ProcFs;
import dev.procession.supervisor.ProcStat;
import dev.procession.supervisor.Run;
import dev.procession.testing.OsProcesses;
import dev.procession.testing.RealRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.DialogPane;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on JavaFX's headless platform, opened once for a test class (register it
 * as a static {@code @RegisterExtension}), with the
 * steps a person takes in it: choose a scenario, set its parameters, run it, open a process's
 * menu in the table or on the stage. It remembers every PID its runs showed, so {@link #endRun}
 * proves none is left even when a test failed half-way.
 */
public final class WindowFixture implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration GONE_LIMIT = Duration.ofSeconds(15);
    private static final double HEIGHT = 720;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private RunViewModel runs;
    private ShellModel shell;
    private MainWindow window;
    /** Every PID a run of this window showed, remembered (with its start time) on first sight. */
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();
    private volatile RunState latest = RunState.EMPTY;
    private Path settingsDir;

    /** Opens the main window in a stage of its own, once for the test class. */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // Each test class opens a window as a first start would: with no settings remembered.
        settingsDir = Files.createTempDirectory("procession-settings");
        System.setProperty("procession.settings", settingsDir.resolve("settings.json").toString());
        FxToolkit.registerPrimaryStage();
        onFx(() -> {
            // A window of its own, not the toolkit's primary stage, which other test classes reuse.
            stage = new Stage();
            // Runs are saved as the window saves them, into a folder of the test's own.
            runs = new RunViewModel(new AsyncControlFront(), new RunArchive(dataFolder()));
            shell = new ShellModel(runs);
            window = MainWindow.open(stage, shell, WindowOptions.parse());
            // The headless platform copies every window into its 1000x1000 screen unclipped: a
            // window or menu reaching past the screen's edge throws. Leave room below for menus.
            stage.setX(0);
            stage.setY(0);
            stage.setHeight(HEIGHT);
            return null;
        });
        window.runScreen().pump().addListener((before, after, events) -> {
            latest = after;
            for (long pid : after.processes().keySet()) {
                if (seen.add(pid)) {
                    OsProcesses.remember(pid);
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();         // laid out at its new size before any lookup
    }

    @Override
    public void afterEach(ExtensionContext context) {
        endRun();
    }

    /** Ends the run and closes the window; for the end of a test class. */
    @Override
    public void afterAll(ExtensionContext context) {
        try {
            endRun();
        } finally {
            onFx(() -> {
                shell.shutdown();
                stage.close();
                return null;
            });
            deleteSettings();
        }
    }

    /** The folder this window saves its runs in. */
    public Path dataFolder() {
        return settingsDir.resolve("runs");
    }

    /** The settings file this window reads and writes. */
    public Path settingsFile() {
        return settingsDir.resolve("settings.json");
    }

    private void deleteSettings() {
        try (var files = Files.walk(settingsDir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public FxRobot robot() {
        return robot;
    }

    public RunViewModel runs() {
        return runs;
    }

    /** The window's shell: the chosen scenario, the run, the side-by-side comparison. */
    public ShellModel shell() {
        return shell;
    }

    public MainWindow window() {
        return window;
    }

    /** The fold as of the pump's last frame: what every view shows. */
    public RunState fold() {
        return latest;
    }

    // ---------------------------------------------------------------- starting and ending runs

    /** Chooses {@code scenario} in the library, types {@code params}, sets the speed and clicks Run. */
    public Run start(String scenario, Map<String, String> params, double speed) {
        choose(scenario);
        robot.interact(() -> {
            params.forEach((key, value) -> {
                Node field = robot.lookup("#parameter-" + key).query();
                if (field instanceof ToggleSwitch toggle) {
                    toggle.setSelected(Boolean.parseBoolean(value));
                } else if (field instanceof javafx.scene.control.ChoiceBox<?> choice) {
                    choice.getSelectionModel().select(choice.getItems().indexOf(value));
                } else {
                    ((TextField) field).setText(value);
                }
            });
            runs.speedProperty().set(speed);
        });
        robot.clickOn("#action-run");
        await("the run of " + scenario + " to start", () -> runs.runProperty().get() != null);
        return runs.runProperty().get();
    }

    /** Clicks the scenario's row in the library, scrolled into view first as a person would. */
    public void choose(String scenarioId) {
        String title = Scenarios.byId(scenarioId).title().get("en");
        TreeView<?> library = robot.lookup(".scenario-library").queryAs(TreeView.class);
        // Row by row, as far as needed: with titles that wrap, a row in the middle may be off screen.
        for (int row = 0; row < library.getExpandedItemCount() && shown(library, title).isEmpty(); row++) {
            int next = row;
            robot.interact(() -> library.scrollTo(next));
            WaitForAsyncUtils.waitForFxEvents();
        }
        // At the top, wholly in view: a row cut by the bottom edge may not take the click.
        int index = ((IndexedCell<?>) shown(library, title).orElseThrow(() -> new AssertionError("no row " + title)))
                .getIndex();
        robot.interact(() -> library.scrollTo(index));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(shown(library, title).orElseThrow(() -> new AssertionError("no row " + title)));
        await("the introduction of " + scenarioId, () -> robot.lookup("#intro-title").tryQuery()
                .filter(n -> title.equals(((Labeled) n).getText())).isPresent());
    }

    /**
     * The library's scenario cell titled {@code title}, if it is on screen (a virtual flow keeps
     * spare cells off it); a heading may have the same words ("Creating processes").
     */
    private Optional<Node> shown(Node library, String title) {
        return robot.from(library).lookup(".library-scenario").queryAll().stream()
                .filter(n -> n instanceof Labeled cell && title.equals(cell.getText()))
                .filter(n -> n.getScene() != null && n.isVisible()).findFirst();
    }

    /**
     * Ends whatever run is on screen, proves every process any run of this window showed is gone
     * from /proc, and puts the window back to its idle state. Safe after a failed test.
     */
    public void endRun() {
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage) {
                    w.hide();                        // a confirmation or menu a failed test left open
                }
            }
        });
        runs.closeNow();
        try {
            OsProcesses.awaitGone(Set.copyOf(seen), GONE_LIMIT, "every process of the test's runs ends");
        } finally {
            seen.clear();
            robot.interact(runs::reset);
            await("the window to be idle", () -> runs.stateProperty().get() == dev.procession.app.run.RunState.IDLE);
        }
    }

    // ---------------------------------------------------------------- the process table

    public ProcessTable table() {
        return window.runScreen().workspace().processes();
    }

    /** The table's row of {@code pid}, scrolled into view. */
    @SuppressWarnings("unchecked")
    public TableRow<ProcessRow> row(long pid) {
        await("a row for pid " + pid, () -> table().getItems().stream().anyMatch(r -> r.pid() == pid));
        robot.interact(() -> table().getItems().stream().filter(r -> r.pid() == pid).findFirst()
                .ifPresent(r -> table().scrollTo(r)));
        return robot.from(table()).lookup(".table-row-cell").match((Predicate<Node>) n ->
                n instanceof TableRow<?> r && r.getItem() instanceof ProcessRow p && p.pid() == pid
                        && r.isVisible()).queryAs(TableRow.class);
    }

    /** The text a cell of {@code pid}'s row shows, in the column titled by message {@code columnKey}. */
    public String cell(long pid, String columnKey) {
        String title = Messages.text(columnKey);
        TableRow<ProcessRow> row = row(pid);
        return onFx(() -> row.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && title.equals(c.getTableColumn().getText()))
                .map(n -> ((TableCell<?, ?>) n).getText()).findFirst().orElse(null));
    }

    /** Right-clicks {@code pid}'s row and chooses {@code kind} in its menu. */
    public void rowAction(long pid, Kind kind) {
        robot.rightClickOn(row(pid));
        choose(kind);
    }

    /** The same without a mouse: the row selected, Shift+F10 opens its menu. */
    public void keyboardRowAction(long pid, Kind kind) {
        robot.interact(() -> {
            table().requestFocus();
            table().select(pid);
        });
        robot.push(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.F10);
        choose(kind);
    }

    // ---------------------------------------------------------------- the stage

    /** The stage's element of {@code pid}, once the stage shows one. */
    public ProcessTag tag(long pid) {
        await("a stage element for pid " + pid, () -> findTag(pid).isPresent());
        return findTag(pid).orElseThrow();
    }

    private Optional<ProcessTag> findTag(long pid) {
        return robot.lookup(".stage-process").match((Predicate<Node>) n -> n instanceof ProcessTag t && t.pid() == pid
                && t.isVisible()).tryQuery().map(ProcessTag.class::cast);
    }

    /** Right-clicks {@code pid}'s element on the stage and chooses {@code kind} in its menu. */
    public void stageAction(long pid, Kind kind) {
        ProcessTag tag = tag(pid);
        robot.interact(() -> scrollIntoView(tag));
        WaitForAsyncUtils.waitForFxEvents();
        robot.rightClickOn(tag);
        choose(kind);
    }

    /**
     * Scrolls the stage so that {@code node} is in view, as a person would before clicking it: at
     * a narrow width a stage stacks its zones, and a car may wait below the visible part.
     */
    private static void scrollIntoView(Node node) {
        Node n = node.getParent();
        while (n != null && !(n instanceof ScrollPane)) {
            n = n.getParent();
        }
        if (!(n instanceof ScrollPane pane) || pane.getContent() == null) {
            return;
        }
        Bounds inContent = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        Bounds content = pane.getContent().getLayoutBounds();
        Bounds viewport = pane.getViewportBounds();
        double spareHeight = content.getHeight() - viewport.getHeight();
        if (spareHeight > 0) {
            double top = Math.max(0, inContent.getMinY() - viewport.getHeight() / 3);
            pane.setVvalue(pane.getVmin() + Math.min(1, top / spareHeight) * (pane.getVmax() - pane.getVmin()));
        }
        double spareWidth = content.getWidth() - viewport.getWidth();
        if (spareWidth > 0) {
            double left = Math.max(0, inContent.getMinX() - viewport.getWidth() / 3);
            pane.setHvalue(pane.getHmin() + Math.min(1, left / spareWidth) * (pane.getHmax() - pane.getHmin()));
        }
        pane.layout();
    }

    /**
     * Chooses {@code kind} in the menu a right-click opened. The right-click is real; the item is
     * fired on the FX thread, because on the headless platform a robot's click on a context
     * menu's item never reaches it (the menu stays open and the action does not run).
     */
    private void choose(Kind kind) {
        String id = "process-action-" + kind.key();
        await("an open menu with " + id, () -> openMenuItem(id).isPresent());
        MenuItem item = openMenuItem(id).orElseThrow();
        if (item.isDisable()) {
            throw new AssertionError(id + " is disabled in the menu");
        }
        // Not waited for: Kill's confirmation runs a nested event loop until it is answered.
        Platform.runLater(() -> {
            item.getParentPopup().hide();
            item.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Optional<MenuItem> openMenuItem(String id) {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && w.isShowing())
                .flatMap(w -> ((ContextMenu) w).getItems().stream())
                .filter(item -> id.equals(item.getId())).findFirst());
    }

    /** Clicks OK in the kill confirmation. */
    public void confirm() {
        await("a confirmation dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn(pane.lookupButton(ButtonType.OK));
    }

    // ---------------------------------------------------------------- what the log and /proc say

    /** The run's events of {@code kind} for {@code pid} (any pid for 0). */
    public static List<Event> events(Run run, EventKind kind, long pid) {
        return run.log().snapshot().stream().filter(e -> e.kind() == kind && (pid == 0 || e.pid() == pid)).toList();
    }

    /** The /proc state letter of {@code pid} ('T' stopped, 'S' sleeping...), or '-' when it is gone. */
    public static char procState(long pid) {
        return ProcFs.read(pid).map(ProcStat::state).orElse('-');
    }

    /** The first process of the fold that satisfies {@code which}, once there is one. */
    public ProcState awaitProcess(String what, Predicate<ProcState> which) {
        await(what, () -> fold().processes().values().stream().anyMatch(which));
        return fold().processes().values().stream().filter(which).findFirst().orElseThrow();
    }

    /** The first event of the run that matches, as soon as the log has it (no polling delay). */
    public static Event awaitEvent(Run run, Predicate<Event> which) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long seq = 0;
        while (System.nanoTime() < deadline) {
            for (Event e : run.log().awaitSince(seq, Duration.ofMillis(200))) {
                if (which.test(e)) {
                    return e;
                }
                seq = e.seq();
            }
        }
        throw new AssertionError("no such event within " + WAIT);
    }

    /** Waits, polling, up to {@link #WAIT}; fails naming {@code what}. */
    public static void await(String what, BooleanSupplier condition) {
        RealRun.await(WAIT, condition, what);
    }

    /** Waits until {@code pid}'s cell in the column titled by {@code columnKey} reads {@code text}. */
    public void awaitCell(long pid, String columnKey, Predicate<String> text, String what) {
        String[] last = new String[1];
        try {
            await(what, () -> text.test(last[0] = cell(pid, columnKey)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the cell reads '" + last[0] + "', /proc state "
                    + procState(pid) + ", the fold " + fold().process(pid), e);
        }
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
