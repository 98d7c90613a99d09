package dev.procession.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * An exception nobody catches, on the FX thread or on a thread of its own, is logged to standard
 * error and shown in a dialog with its message and stack trace, and the app goes on.
 */
class ErrorReporterTest {
    private Thread.UncaughtExceptionHandler defaultBefore;
    private Thread.UncaughtExceptionHandler fxBefore;
    private PrintStream errBefore;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** As the app does at start (on the FX thread), with standard error captured. */
    @BeforeEach
    void install() {
        defaultBefore = Thread.getDefaultUncaughtExceptionHandler();
        errBefore = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        fxBefore = WindowFixture.onFx(() -> {
            Thread.UncaughtExceptionHandler h = Thread.currentThread().getUncaughtExceptionHandler();
            ErrorReporter.install();
            return h;
        });
    }

    /** Every handler and standard error as they were, and no dialog left open. */
    @AfterEach
    void restore() {
        WindowFixture.onFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(fxBefore);
            errorDialogs().forEach(Window::hide);
            return null;
        });
        Thread.setDefaultUncaughtExceptionHandler(defaultBefore);
        System.setErr(errBefore);
    }

    @Test
    void anExceptionOnTheFxThreadShowsADialogAndIsLogged() {
        Platform.runLater(() -> {
            throw new IllegalStateException("a view broke on purpose");
        });
        DialogPane pane = awaitDialog("a view broke on purpose");
        assertThat(pane.getHeaderText()).isEqualTo(Messages.text("error.header"));
        assertThat(((TextArea) pane.getExpandableContent()).getText())
                .contains("IllegalStateException: a view broke on purpose").contains("ErrorReporterTest");
        String logged = err.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("uncaught exception in thread JavaFX Application Thread")
                .contains("a view broke on purpose");
        // The app goes on: the FX thread still runs what it is given.
        assertThat(WindowFixture.onFx(() -> "alive")).isEqualTo("alive");
    }

    @Test
    void anExceptionOnAnotherThreadShowsADialogToo() throws InterruptedException {
        Thread worker = Thread.ofPlatform().name("procession-test-worker").start(() -> {
            throw new UnsupportedOperationException("a worker broke on purpose");
        });
        worker.join();
        awaitDialog("a worker broke on purpose");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("in thread procession-test-worker");
    }

    private static DialogPane awaitDialog(String message) {
        WindowFixture.await("an error dialog saying '" + message + "'", () -> dialogSaying(message).isPresent());
        return dialogSaying(message).orElseThrow();
    }

    private static Optional<DialogPane> dialogSaying(String message) {
        return WindowFixture.onFx(() -> errorDialogs().stream().map(w -> (DialogPane) w.getScene().getRoot())
                .filter(p -> message.equals(p.getContentText())).findFirst());
    }

    private static List<Window> errorDialogs() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .filter(w -> w instanceof javafx.stage.Stage s && Messages.text("error.title").equals(s.getTitle()))
                .toList();
    }
}
