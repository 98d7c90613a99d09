package dev.procession.app.shell;

import dev.procession.app.Language;
import dev.procession.app.Messages;
import dev.procession.app.settings.Profile;
import dev.procession.app.settings.Settings;
import dev.procession.app.settings.SettingsFile;
import dev.procession.app.step.StepModeToggle;
import dev.procession.app.workspace.RunWorkspace;
import dev.procession.app.replay.ReplayControl;
import dev.procession.app.replay.RunExport;
import javafx.scene.control.MenuItem;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import dev.procession.app.WindowOptions;
import dev.procession.app.compare.ComparisonView;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.theme.AppIcon;
import dev.procession.app.theme.Icons;
import dev.procession.app.theme.Styles;
import dev.procession.app.theme.Theme;
import dev.procession.scenario.Scenarios;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.beans.property.BooleanProperty;
import dev.procession.app.workspace.RunScreen;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window: menu bar and toolbar on top, the scenario library and its parameters on the
 * left, the {@link StageHost} in the centre, the status bar below.
 */
public final class MainWindow extends BorderPane {
    private static final ObservableBooleanValue ALWAYS = new SimpleBooleanProperty(true);
    /** The id of the action that lets the oldest held call go (step mode). */
    private static final String STEP_NEXT = "stepNext";
    private static final String COMPARE = "compare";
    /** The text size of the theme's root (app.css): what the zoom multiplies in menus and tooltips. */
    private static final double BASE_FONT_PX = 16;
    private final ShellModel shell;
    private final Projection projection;
    private final StageHost stageHost = new StageHost();
    private final ScenarioLibrary library;
    private final VBox parameterPane = new VBox();
    private final RunScreen runScreen;
    private final ReplayControl replay;
    private final VBox bars;
    private final VBox sidebar;
    private final SplitPane split;
    private final StatusBarView statusBar;
    private final List<AppAction> actions = new ArrayList<>();
    private final ChangeListener<ParameterSheetModel> sheetShown = (obs, old, sheet) -> showSheet(sheet, true);
    private final ChangeListener<String> failureShown = (obs, old, now) -> stageHost.setNotice(now);
    private final ChangeListener<Boolean> presentingShown = (obs, old, now) -> present(now);
    private final ChangeListener<Boolean> comparingShown = (obs, old, now) -> showIntroduction();
    /** The side-by-side comparison while the window shows it, else null. */
    private ComparisonView comparisonView;
    private Stage stage;
    private Frame frame;

    /** What outlives a rebuild of the window in another language: the stage and its zoom. */
    private static final class Frame {
        private final ZoomPane zoomPane;
        private MainWindow current;

        Frame(MainWindow first, ZoomPane zoomPane) {
            this.current = first;
            this.zoomPane = zoomPane;
        }
    }

    private MainWindow(ShellModel shell, Projection projection) {
        this.shell = shell;
        this.projection = projection;
        runScreen = new RunScreen(shell.run(), shell.run().front(), stageHost, this::showIntroduction,
                error -> stageHost.setNotice(error.getMessage()));
        replay = new ReplayControl(runScreen, shell.run(), stageHost::setNotice, () -> stage);
        getStyleClass().add(Styles.MAIN_WINDOW);
        library = new ScenarioLibrary(Scenarios.all(), shell::choose);
        RunWorkspace workspace = runScreen.workspace();
        workspace.sideShownProperty().bindBidirectional(projection.sideShownProperty());
        workspace.bottomShownProperty().bindBidirectional(projection.bottomShownProperty());
        workspace.presentingProperty().bind(projection.presentingProperty());
        List<AppAction> runActions = runActions();
        bars = new VBox(menuBar(runActions), toolBar(runActions));
        sidebar = sidebar();
        split = new SplitPane(sidebar, stageHost);
        // The stage and its views need the room: the library keeps what its longest title needs.
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(sidebar, false);
        setCenter(split);
        statusBar = new StatusBarView(shell.run(), replay.activeProperty());
        present(projection.presentingProperty().get());
        projection.presentingProperty().addListener(presentingShown);
        stageHost.setOnContextMenuRequested(e -> {
            contextMenu().show(stageHost, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        shell.parametersProperty().addListener(sheetShown);
        shell.run().failureProperty().addListener(failureShown);
        shell.comparingProperty().addListener(comparingShown);
    }

    /** The chosen scenario's parameters, and its introduction unless a run holds the centre. */
    private void showSheet(ParameterSheetModel sheet, boolean introduce) {
        if (sheet == null) {
            return;
        }
        if (introduce) {
            showIntroduction();
        }
        Label title = new Label(Messages.text("parameters.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        parameterPane.getChildren().setAll(title, new ParameterSheet(sheet, shell.comparingProperty()));
    }

    /**
     * Speaks {@code language} from now on, live: the window is built again in it over the same
     * shell and run (nothing stops; every view replays the run's log from its start, the
     * narration included), and the choice is remembered.
     */
    private void speak(Language language) {
        Messages.use(language);
        projection.rememberLanguage(language.id());
        if (shell.parametersProperty().get() != null) {
            shell.parametersProperty().get().fields().forEach(ParameterField::recheck);
        }
        MainWindow next = new MainWindow(shell, projection);
        next.stage = stage;
        next.frame = frame;
        frame.current = next;
        ParameterSheetModel sheet = shell.parametersProperty().get();
        if (sheet != null) {
            next.library.select(sheet.scenario());
        }
        next.showSheet(sheet, shell.run().runProperty().get() == null || shell.comparingProperty().get());
        next.stageHost.setNotice(shell.run().failureProperty().get());
        frame.zoomPane.setContent(next);
        // A replay goes on in the new language, at the same event.
        java.util.Optional.ofNullable(replay.currentProperty().get())
                .ifPresent(shown -> next.replay.show(shown.run()).seek(shown.seq()));
        dispose();
        if (stage != null) {
            stage.setTitle(Messages.text("app.title"));
            stage.setFullScreenExitHint(Messages.text("fullScreen.hint"));
        }
    }

    /** Lets go of the shell and the run: this window was replaced by one in another language. */
    private void dispose() {
        shell.parametersProperty().removeListener(sheetShown);
        shell.comparingProperty().removeListener(comparingShown);
        dropComparison();
        shell.run().failureProperty().removeListener(failureShown);
        projection.presentingProperty().removeListener(presentingShown);
        RunWorkspace workspace = runScreen.workspace();
        workspace.sideShownProperty().unbindBidirectional(projection.sideShownProperty());
        workspace.bottomShownProperty().unbindBidirectional(projection.bottomShownProperty());
        workspace.presentingProperty().unbind();
        replay.dispose();
        runScreen.dispose();
    }

    /** The window on screen now: this one, or the one that replaced it in another language. */
    public MainWindow current() {
        return frame == null ? this : frame.current;
    }

    /** The centre when no single run holds it: the chosen scenario's introduction, or its comparison. */
    private void showIntroduction() {
        dropComparison();
        ParameterSheetModel sheet = shell.parametersProperty().get();
        if (sheet == null) {
            return;
        }
        if (shell.comparingProperty().get()) {
            comparisonView = new ComparisonView(shell.comparison(), sheet.scenario());
            stageHost.setContent(comparisonView);
        } else {
            stageHost.setContent(new ScenarioIntroduction(sheet.scenario()));
        }
    }

    private void dropComparison() {
        if (comparisonView != null) {
            comparisonView.dispose();
            comparisonView = null;
        }
    }

    /** The presentation view shows the stage and the narration alone; leaving it brings the rest back. */
    private void present(boolean presenting) {
        setTop(presenting ? null : bars);
        split.getItems().setAll(presenting ? List.of(stageHost) : List.of(sidebar, stageHost));
        if (!presenting) {
            split.setDividerPositions(0.2);
        }
        setBottom(presenting ? null : statusBar);
    }

    /** The run on screen: its pump and the workspace of views. */
    public RunScreen runScreen() {
        return runScreen;
    }

    /** Saved runs: open, replay, export. */
    public ReplayControl replay() {
        return replay;
    }

    /** How the window is shown to the room: profile, zoom, presentation, blank screen. */
    public Projection projection() {
        return projection;
    }

    /** Every command of the window, each with its key: the keyboard map lists these. */
    public List<AppAction> actions() {
        return List.copyOf(actions);
    }

    /** Builds the window into {@code stage}, applies {@code options} and shows it. */
    public static MainWindow open(Stage stage, ShellModel shell, WindowOptions options) {
        List<String> problems = new ArrayList<>();
        Projection projection = new Projection(SettingsFile.forThisUser(), problems::add);
        options.profile().ifPresent(projection::use);
        // Otherwise the system's language, as the bundle found it.
        options.language().or(() -> Language.byId(projection.settings().language())).ifPresent(Messages::use);
        Theme theme = options.theme().orElseGet(() -> Theme.named(projection.settings().theme()).orElse(Theme.LIGHT));
        theme.apply();
        MainWindow window = new MainWindow(shell, projection);
        window.stage = stage;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Settings.Layout layout = projection.settings().layout();
        // A lecture-hall app: it opens on the whole screen (sized, not maximized: that needs a window
        // manager), or as large as it was left.
        double width = layout.width() > 0 ? Math.min(layout.width(), screen.getWidth()) : screen.getWidth();
        double height = layout.height() > 0 ? Math.min(layout.height(), screen.getHeight()) : screen.getHeight();
        Region blank = new Region();
        blank.getStyleClass().add(Styles.BLANK_SCREEN);
        blank.setId("blank-screen");
        blank.visibleProperty().bind(projection.blankedProperty());
        blank.setOnMouseClicked(e -> projection.unblank());
        ZoomPane zoomPane = new ZoomPane(window, projection.zoomProperty());
        window.frame = new Frame(window, zoomPane);
        StackPane root = new StackPane(zoomPane, blank);
        Scene scene = new Scene(root, width, height);
        Theme.style(scene);
        window.zoomPopups(scene);
        projection.zoomProperty().addListener((obs, old, now) -> window.zoomPopups(scene));
        // While the screen is blank, any key brings it back (and does nothing else).
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (projection.blankedProperty().get()) {
                projection.unblank();
                e.consume();
            }
        });
        window.extraZoomKeys(scene);
        window.plainKeysFirst(scene);
        stage.setScene(scene);
        stage.setTitle(Messages.text("app.title"));
        stage.getIcons().setAll(AppIcon.images());
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        // Esc is the window's own key (see leave()): it must not leave full screen behind our back.
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint(Messages.text("fullScreen.hint"));
        stage.widthProperty().addListener((obs, old, now) -> window.sized());
        stage.heightProperty().addListener((obs, old, now) -> window.sized());
        projection.profileProperty().addListener((obs, old, now) -> window.resizeTo(projection.settings().layout()));
        // Closing the window ends the run first: no process of it outlives the window.
        stage.setOnCloseRequest(e -> {
            projection.save();
            shell.shutdown();
        });
        options.scenario().ifPresent(window.library::select);
        shell.fill(options.settings());
        stage.show();
        problems.forEach(window.stageHost::setNotice);
        if (options.present()) {
            projection.togglePresentation();
        }
        shell.run().stepModeProperty().set(options.step());
        if (options.compare()) {
            shell.toggleComparison();
        }
        if (options.run()) {
            shell.runChosen();
        }
        options.python().ifPresent(shell::runPython);
        options.replay().filter(window.replay::open).ifPresent(file -> window.replay.seekTo(options.at()));
        return window;
    }

    /** Where the animated stage and the shared views go. */
    public StageHost stageHost() {
        return stageHost;
    }

    private void sized() {
        if (stage != null && !stage.isFullScreen()) {
            projection.windowResized(stage.getWidth(), stage.getHeight());
        }
    }

    private void resizeTo(Settings.Layout layout) {
        if (stage != null && !stage.isFullScreen() && layout.width() > 0 && layout.height() > 0) {
            stage.setWidth(layout.width());
            stage.setHeight(layout.height());
        }
    }

    /**
     * Menus, context menus and tooltips open in windows of their own, which take the scene's
     * stylesheets when shown: a stylesheet of the zoom's text size reaches them.
     */
    private void zoomPopups(Scene scene) {
        scene.getStylesheets().removeIf(sheet -> sheet.startsWith("data:text/css"));
        String css = ".context-menu, .tooltip { -fx-font-size: " + Math.round(BASE_FONT_PX * projection.zoomProperty().get())
                + "px; }";
        scene.getStylesheets().add("data:text/css;base64,"
                + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8)));
    }

    /** Ctrl+= and the keypad's + zoom in too, as Ctrl+minus has the keypad's - beside it. */
    private void extraZoomKeys(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), projection::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), projection::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), projection::zoomOut);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN), projection::zoomReset);
    }

    /**
     * A key without modifiers (Space, Page Down, Esc, '.', the F keys: what a presenter's remote
     * sends) is the window's before any control's, which would otherwise take Space or Page Down
     * for itself; but not while the user types in a text field.
     */
    private void plainKeysFirst(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed() || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()
                    || scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            // A key two commands share (Page Down) goes to the first that applies now.
            for (AppAction a : current().actions) {
                if (a.accelerator() instanceof KeyCodeCombination k && k.getCode() == e.getCode() && k.match(e)) {
                    e.consume();
                    if (a.enabled().get()) {
                        a.handler().run();
                        return;
                    }
                }
            }
        });
    }

    // ---------------------------------------------------------------- commands

    /**
     * Esc, as a presenter's remote sends it: brings back a blank screen, else leaves the
     * presentation view, else full screen, else stops the run.
     */
    private void leave() {
        if (projection.blankedProperty().get()) {
            projection.unblank();
        } else if (projection.presentingProperty().get()) {
            projection.leavePresentation();
        } else if (stage != null && stage.isFullScreen()) {
            stage.setFullScreen(false);
        } else if (shell.runningProperty().get()) {
            shell.stop();
        }
    }

    /** Space: pauses the whole run, or resumes it when its main program is paused. */
    private void togglePause() {
        if (comparisonView != null) {
            if (comparisonView.mainPaused()) {
                shell.resumeAll();
            } else {
                shell.pauseAll();
            }
            return;
        }
        ProcState main = runScreen.pump().state().main();
        if (main != null && main.status() == ProcStatus.PAUSED) {
            shell.run().resumeAll();
        } else {
            shell.run().pauseAll();
        }
    }

    private void toggleFullScreen() {
        if (stage != null) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    private void showKeyboardMap() {
        KeyboardMap.show(stage, actions);
    }

    private AppAction action(String id, Icons icon, KeyCombination key, ObservableBooleanValue enabled, Runnable handler) {
        AppAction action = new AppAction(id, icon, key, enabled, handler);
        actions.add(action);
        return action;
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    private List<AppAction> runActions() {
        RunViewModel run = shell.run();
        // Page Down is the next step only while a single run is in step mode; otherwise, the next scenario.
        ObservableBooleanValue stepping = shell.runningProperty().and(run.stepModeProperty())
                .and(shell.comparingProperty().not());
        return List.of(
                action("run", Icons.RUN, key(KeyCode.F5), shell.canRunProperty(), shell::runChosen),
                action("pauseAll", Icons.PAUSE_ALL, key(KeyCode.F6), shell.runningProperty(), shell::pauseAll),
                action("resumeAll", Icons.RESUME_ALL, key(KeyCode.F7), shell.runningProperty(), shell::resumeAll),
                action("stop", Icons.STOP, key(KeyCode.F5, KeyCombination.SHIFT_DOWN), shell.runningProperty(), shell::stop),
                action("reset", Icons.RESET, key(KeyCode.R, KeyCombination.SHORTCUT_DOWN), shell.canResetProperty(),
                        shell::reset),
                action("compare", Icons.COMPARE, key(KeyCode.D, KeyCombination.SHORTCUT_DOWN), shell.canCompareProperty(),
                        shell::toggleComparison),
                action("stepNext", Icons.STEP_NEXT, key(KeyCode.PAGE_DOWN), stepping, run::stepOldest));
    }

    private MenuBar menuBar(List<AppAction> runActions) {
        Menu file = new Menu(Messages.text("menu.file"));
        file.getItems().add(action("quit", Icons.QUIT, key(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), ALWAYS, () -> {
            projection.save();
            shell.shutdown();
            Platform.exit();
        }).menuItem());
        file.getItems().addAll(0, savedRunItems());
        file.getItems().addAll(0, List.of(action("openPython", Icons.PYTHON, null, shell.idleProperty(),
                this::chooseAndRunPython).menuItem(), new SeparatorMenuItem()));
        Menu runMenu = new Menu(Messages.text("menu.run"));
        runActions.forEach(a -> runMenu.getItems().add(a.menuItem()));
        runMenu.getItems().add(StepModeToggle.menuItem(shell.run().stepModeProperty(), KeyboardMap.STEP_MODE.key()));
        runMenu.getItems().addAll(new SeparatorMenuItem(),
                action("togglePause", Icons.TOGGLE_PAUSE, key(KeyCode.SPACE), shell.runningProperty(),
                        this::togglePause).menuItem(),
                action("leave", Icons.LEAVE, key(KeyCode.ESCAPE), ALWAYS, this::leave).menuItem(),
                new SeparatorMenuItem(),
                action("nextScenario", Icons.NEXT, key(KeyCode.PAGE_DOWN), ALWAYS, () -> library.step(1)).menuItem(),
                action("previousScenario", Icons.PREVIOUS, key(KeyCode.PAGE_UP), ALWAYS, () -> library.step(-1))
                        .menuItem());
        runMenu.getItems().addAll(new SeparatorMenuItem(),
                action("replayPlay", Icons.PLAY, null, replay.activeProperty(), replay::togglePlay).menuItem(),
                action("replayStepBack", Icons.STEP_BACK, key(KeyCode.LEFT, KeyCombination.SHORTCUT_DOWN),
                        replay.activeProperty(), replay::stepBack).menuItem(),
                action("replayStepForward", Icons.STEP_FORWARD, key(KeyCode.RIGHT, KeyCombination.SHORTCUT_DOWN),
                        replay.activeProperty(), replay::stepForward).menuItem());
        Menu view = new Menu(Messages.text("menu.view"));
        view.getItems().addAll(
                action("zoomIn", Icons.ZOOM_IN, key(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), ALWAYS,
                        projection::zoomIn).menuItem(),
                action("zoomOut", Icons.ZOOM_OUT, key(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), ALWAYS,
                        projection::zoomOut).menuItem(),
                action("zoomReset", Icons.ZOOM_RESET, key(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), ALWAYS,
                        projection::zoomReset).menuItem(),
                new SeparatorMenuItem(),
                action("profileLaptop", Icons.LAPTOP, key(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), ALWAYS,
                        () -> projection.use(Profile.LAPTOP)).menuItem(),
                action("profileProjector", Icons.PROJECTOR, key(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), ALWAYS,
                        () -> projection.use(Profile.PROJECTOR)).menuItem(),
                action("fullScreen", Icons.FULL_SCREEN, key(KeyCode.F11), ALWAYS, this::toggleFullScreen).menuItem(),
                action("presentation", Icons.PRESENTATION, key(KeyCode.F12), ALWAYS, projection::togglePresentation)
                        .menuItem(),
                action("blank", Icons.BLANK, key(KeyCode.PERIOD), ALWAYS, projection::toggleBlank).menuItem(),
                new SeparatorMenuItem(),
                action("themeLight", Icons.THEME_LIGHT, null, ALWAYS, () -> useTheme(Theme.LIGHT)).menuItem(),
                action("themeDark", Icons.THEME_DARK, null, ALWAYS, () -> useTheme(Theme.DARK)).menuItem(),
                action("themeProjector", Icons.THEME_PROJECTOR, null, ALWAYS, () -> useTheme(Theme.PROJECTOR))
                        .menuItem(),
                new SeparatorMenuItem(),
                action("languageEnglish", Icons.LANGUAGE, null, ALWAYS, () -> speak(Language.ENGLISH)).menuItem(),
                action("languageChinese", Icons.LANGUAGE, null, ALWAYS, () -> speak(Language.CHINESE))
                        .menuItem());
        view.getItems().addAll(new SeparatorMenuItem(),
                dockToggle(KeyboardMap.SIDE_DOCK, runScreen().workspace().sideShownProperty()),
                dockToggle(KeyboardMap.BOTTOM_DOCK, runScreen().workspace().bottomShownProperty()));
        Menu help = new Menu(Messages.text("menu.help"));
        help.getItems().add(action("keyboardMap", Icons.KEYBOARD, key(KeyCode.F1), ALWAYS, this::showKeyboardMap)
                .menuItem());
        return new MenuBar(file, runMenu, view, help);
    }

    /** File menu: open a saved run, the recent ones, replay the last run; export what is on screen. */
    private List<MenuItem> savedRunItems() {
        Menu export = new Menu(Messages.text("menu.export"), Icons.EXPORT.node());
        export.setId("menu-export");
        export.getItems().addAll(
                action("exportLog", Icons.EXPORT, null, replay.canExportProperty(),
                        () -> replay.chooseAndExport(RunExport.LOG)).menuItem(),
                action("exportTimeline", Icons.EXPORT, null, replay.canExportProperty(),
                        () -> replay.chooseAndExport(RunExport.TIMELINE)).menuItem(),
                action("exportTable", Icons.EXPORT, null, replay.canExportProperty(),
                        () -> replay.chooseAndExport(RunExport.TABLE)).menuItem(),
                action("exportTimes", Icons.EXPORT, null, replay.canExportProperty(),
                        () -> replay.chooseAndExport(RunExport.TIMES)).menuItem());
        return List.of(
                action("openRun", Icons.OPEN_RUN, key(KeyCode.O, KeyCombination.SHORTCUT_DOWN), replay.canOpenProperty(),
                        replay::chooseAndOpen).menuItem(),
                replay.recentMenu(Messages.text("menu.recentRuns")),
                action("replayThisRun", Icons.REPLAY_RUN, null, replay.canReplayLastProperty(), replay::replayLast)
                        .menuItem(),
                new SeparatorMenuItem(), export, new SeparatorMenuItem());
    }

    /** File > Open a Python script...: the user's own program, run in the folder it is in (docs/python.md). */
    private void chooseAndRunPython() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.text("python.open.title"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(Messages.text("python.filter.scripts"), "*.py"),
                new FileChooser.ExtensionFilter(Messages.text("replay.filter.all"), "*"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            shell.runPython(chosen.toPath());
        }
    }

    private void useTheme(Theme theme) {
        theme.apply();
        projection.rememberTheme(theme.id());
    }

    /** Right-click on the stage: what a teacher reaches for while pointing at it. */
    private ContextMenu contextMenu() {
        ContextMenu menu = new ContextMenu();
        for (String id : List.of("run", "togglePause", "stop", "presentation", "fullScreen", "zoomIn", "zoomOut")) {
            actions.stream().filter(a -> a.id().equals(id)).findFirst().ifPresent(a -> menu.getItems().add(a.menuItem()));
        }
        return menu;
    }

    private static CheckMenuItem dockToggle(KeyboardMap.ViewKey key, BooleanProperty shown) {
        CheckMenuItem item = new CheckMenuItem(Messages.text(key.messageKey()));
        item.setAccelerator(key.key());
        item.selectedProperty().bindBidirectional(shown);
        return item;
    }

    private ToolBar toolBar(List<AppAction> runActions) {
        ToolBar bar = new ToolBar();
        runActions.stream().filter(a -> !a.id().equals(STEP_NEXT) && !a.id().equals(COMPARE))
                .forEach(a -> bar.getItems().add(a.button()));
        bar.getItems().addAll(new Separator(Orientation.VERTICAL), new SpeedControl(shell.run().speedProperty()),
                new Separator(Orientation.VERTICAL));
        // After the speed, so a narrow window keeps the speed in view; Next only while stepping.
        runActions.stream().filter(a -> a.id().equals(STEP_NEXT)).findFirst().ifPresent(next ->
                bar.getItems().addAll(StepModeToggle.button(shell.run().stepModeProperty()), StepModeToggle.shownWhileStepping(
                        next.button(), shell.run().stepModeProperty()), new Separator(Orientation.VERTICAL)));
        // The lessons' extras after the speed too: at the headless screen's 1000 px the speed stays in view.
        runActions.stream().filter(a -> a.id().equals(COMPARE)).findFirst().ifPresent(compare ->
                bar.getItems().addAll(compare.button(), new Separator(Orientation.VERTICAL)));
        bar.getItems().add(new ProfileSwitch(projection));
        return bar;
    }

    private VBox sidebar() {
        Label title = new Label(Messages.text("library.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        VBox.setVgrow(library, Priority.ALWAYS);
        parameterPane.setSpacing(8);
        ScrollPane parameters = new ScrollPane(parameterPane);
        parameters.setFitToWidth(true);
        parameters.setMinHeight(180);
        VBox box = new VBox(8, title, library, parameters);
        box.getStyleClass().add(Styles.SIDEBAR);
        box.setMinWidth(260);
        return box;
    }
}
