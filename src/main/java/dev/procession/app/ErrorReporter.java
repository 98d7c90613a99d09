package dev.procession.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/**
 * What happens to an exception nobody caught, on the FX thread or any other: it is logged to
 * standard error and shown in a dialog, and the app goes on.
 */
public final class ErrorReporter {
    /** Set when the JVM exits: JavaFX tears its pipeline down under a last frame, and no dialog can show. */
    private static volatile boolean exiting;

    private ErrorReporter() {
    }

    /** From the JVM's shutdown hook: from now on errors get one line, not a dialog. */
    public static void exiting() {
        exiting = true;
    }

    /** Makes this the handler of every thread, the FX application thread included. */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> report(thread, error));
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> report(thread, error));
    }

    public static void report(Thread thread, Throwable error) {
        if (exiting) {
            System.err.println("procession: while exiting, in thread " + thread.getName() + ": " + error);
            return;
        }
        System.err.println("procession: uncaught exception in thread " + thread.getName());
        error.printStackTrace();
        FxThread.run(() -> show(error));
    }

    private static void show(Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(Messages.text("error.title"));
        alert.setHeaderText(Messages.text("error.header"));
        alert.setContentText(String.valueOf(error.getMessage() != null ? error.getMessage() : error));
        TextArea trace = new TextArea(stackTrace(error));
        trace.setEditable(false);
        trace.setWrapText(false);
        alert.getDialogPane().setExpandableContent(trace);
        alert.show();
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
