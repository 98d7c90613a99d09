package dev.procession.app;

import javafx.application.Platform;

/**
 * The one place where work from other threads crosses into the JavaFX application thread: the
 * control front's results and uncaught exceptions of other threads. Views never call
 * {@link Platform#runLater} themselves (the run model's pump is an AnimationTimer, already on it).
 */
public final class FxThread {
    private FxThread() {
    }

    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
