package dev.procession.app.shell;

import dev.procession.app.Messages;
import dev.procession.app.WindowOptions;
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
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window: menu bar and toolbar on top, the scenario library and its parameters on the
 * left, the {@link StageHost} in the centre, the status bar below.
 */
public final class MainWindow extends BorderPane {
    private static final ObservableBooleanValue ALWAYS = new SimpleBooleanProperty(true);
    private final ShellModel shell;
    private final StageHost stageHost = new StageHost();
    private final ScenarioLibrary library;
    private final VBox parameterPane = new VBox();
    private final RunScreen runScreen;

    private MainWindow(ShellModel shell) {
        this.shell = shell;
        runScreen = new RunScreen(shell.run(), shell.run().front(), stageHost, this::showIntroduction,
                error -> stageHost.setNotice(error.getMessage()));
        getStyleClass().add(Styles.MAIN_WINDOW);
        library = new ScenarioLibrary(Scenarios.all(), shell::choose);
        List<AppAction> runActions = runActions();
        setTop(new VBox(menuBar(runActions), toolBar(runActions)));
        VBox sidebar = sidebar();
        SplitPane split = new SplitPane(sidebar, stageHost);
        // The stage and its views need the room: the library keeps what its longest title needs.
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(sidebar, false);
        setCenter(split);
        setBottom(new StatusBarView(shell.run()));
        shell.parametersProperty().addListener((obs, old, sheet) -> {
            stageHost.setContent(new ScenarioIntroduction(sheet.scenario()));
            Label title = new Label(Messages.text("parameters.title"));
            title.getStyleClass().add(Styles.SECTION_TITLE);
            parameterPane.getChildren().setAll(title, new ParameterSheet(sheet));
        });
        shell.run().failureProperty().addListener((obs, old, now) -> stageHost.setNotice(now));
    }

    private void showIntroduction() {
        ParameterSheetModel sheet = shell.parametersProperty().get();
        if (sheet != null) {
            stageHost.setContent(new ScenarioIntroduction(sheet.scenario()));
        }
    }

    /** The run on screen: its pump and the workspace of views. */
    public RunScreen runScreen() {
        return runScreen;
    }

    /** Builds the window into {@code stage}, applies {@code options} and shows it. */
    public static MainWindow open(Stage stage, ShellModel shell, WindowOptions options) {
        options.theme().apply();
        MainWindow window = new MainWindow(shell);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // A lecture-hall app: it opens on the whole screen (sized, not maximized: that needs a window manager).
        Scene scene = new Scene(window, screen.getWidth(), screen.getHeight());
        Theme.style(scene);
        stage.setScene(scene);
        stage.setTitle(Messages.text("app.title"));
        stage.getIcons().setAll(AppIcon.images());
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        // Closing the window ends the run first: no process of it outlives the window.
        stage.setOnCloseRequest(e -> shell.run().shutdown());
        options.scenario().ifPresent(window.library::select);
        shell.fill(options.settings());
        stage.show();
        if (options.run()) {
            shell.runChosen();
        }
        return window;
    }

    /** Where the animated stage and the shared views go. */
    public StageHost stageHost() {
        return stageHost;
    }

    private List<AppAction> runActions() {
        RunViewModel run = shell.run();
        return List.of(
                new AppAction("run", Icons.RUN, new KeyCodeCombination(KeyCode.F5), shell.canRunProperty(),
                        shell::runChosen),
                new AppAction("pauseAll", Icons.PAUSE_ALL, new KeyCodeCombination(KeyCode.F6),
                        shell.runningProperty(), run::pauseAll),
                new AppAction("resumeAll", Icons.RESUME_ALL, new KeyCodeCombination(KeyCode.F7),
                        shell.runningProperty(), run::resumeAll),
                new AppAction("stop", Icons.STOP, new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN),
                        shell.runningProperty(), run::stop),
                new AppAction("reset", Icons.RESET, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                        shell.canResetProperty(), run::reset));
    }

    private MenuBar menuBar(List<AppAction> runActions) {
        Menu file = new Menu(Messages.text("menu.file"));
        AppAction quit = new AppAction("quit", Icons.QUIT,
                new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), ALWAYS,
                () -> {
                    shell.run().shutdown();
                    Platform.exit();
                });
        file.getItems().add(quit.menuItem());
        Menu runMenu = new Menu(Messages.text("menu.run"));
        runActions.forEach(a -> runMenu.getItems().add(a.menuItem()));
        Menu view = new Menu(Messages.text("menu.view"));
        view.getItems().addAll(
                new AppAction("themeLight", Icons.THEME_LIGHT, null, ALWAYS,
                        Theme.LIGHT::apply).menuItem(),
                new AppAction("themeDark", Icons.THEME_DARK, null, ALWAYS,
                        Theme.DARK::apply).menuItem());
        view.getItems().addAll(new SeparatorMenuItem(), dockToggle("view.dock.side", KeyCode.F8,
                runScreen().workspace().sideShownProperty()), dockToggle("view.dock.bottom", KeyCode.F9,
                runScreen().workspace().bottomShownProperty()));
        return new MenuBar(file, runMenu, view);
    }

    private static CheckMenuItem dockToggle(String key, KeyCode accelerator, BooleanProperty shown) {
        CheckMenuItem item = new CheckMenuItem(Messages.text(key));
        item.setAccelerator(new KeyCodeCombination(accelerator));
        item.selectedProperty().bindBidirectional(shown);
        return item;
    }

    private ToolBar toolBar(List<AppAction> runActions) {
        ToolBar bar = new ToolBar();
        runActions.forEach(a -> bar.getItems().add(a.button()));
        bar.getItems().addAll(new Separator(Orientation.VERTICAL), new SpeedControl(shell.run().speedProperty()));
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
        VBox sidebar = new VBox(8, title, library, parameters);
        sidebar.getStyleClass().add(Styles.SIDEBAR);
        sidebar.setMinWidth(260);
        return sidebar;
    }
}
