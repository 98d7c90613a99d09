package dev.procession.app;

import dev.procession.app.run.AsyncControlFront;
import dev.procession.archive.RunArchive;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.shell.MainWindow;
import dev.procession.app.shell.ShellModel;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window over one shell model. Started by {@link ProcessionMain}. */
public final class ProcessionApp extends Application {
    private ShellModel shell;

    @Override
    public void start(Stage stage) {
        ErrorReporter.install();
        WindowOptions options = WindowOptions.parse(getParameters().getRaw().toArray(String[]::new));
        ShellModel shell = new ShellModel(new RunViewModel(new AsyncControlFront(), RunArchive.forThisUser()));
        this.shell = shell;
        // A JVM that exits by any other road (a signal, System.exit) still leaves no process behind.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("procession-teardown").unstarted(() -> {
            ErrorReporter.exiting();
            shell.closeNow();
        }));
        MainWindow.open(stage, shell, options);
    }

    /** The last window closed, or Platform.exit: the run ends before the JVM does. */
    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
    }
}
