package dev.procession.app.stage;

import dev.procession.app.theme.Theme;
import dev.procession.events.Event;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Puts a stage in a window of JavaFX's headless platform and feeds it a recorded log frame by
 * frame, as the window's pump would: each frame the events of about 1/60 s of the run.
 */
public final class StageHarness {
    /** A pump frame at 60 frames a second, in the log's microseconds. */
    public static final long FRAME_MICROS = 16_667;

    private StageHarness() {
    }

    /** Starts the toolkit (once per JVM) with the theme the app uses. */
    public static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        onFx(() -> {
            Theme.LIGHT.apply();
            return null;
        });
    }

    /** Makes a stage on the FX thread and shows it in the primary window at {@code width x height}. */
    public static <S extends ScenarioStage> S mount(Supplier<S> make, double width, double height) throws Exception {
        return onFx(() -> {
            S stage = make.get();
            Stage window = FxToolkit.toolkitContext().getRegisteredStage();
            window.setScene(new Scene(new javafx.scene.layout.StackPane(stage.node()), width, height));
            window.show();
            return stage;
        });
    }

    public static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }

    /** One pump frame: the state after it and the events folded in it. */
    public record Frame(RunState state, List<Event> events) {
    }

    /** The log cut into pump frames of {@link #FRAME_MICROS}, each with the fold up to its end. */
    public static List<Frame> frames(List<Event> log) {
        List<Frame> frames = new ArrayList<>();
        RunState state = RunState.EMPTY;
        List<Event> pending = new ArrayList<>();
        long frameEnd = FRAME_MICROS;
        for (Event e : log) {
            if (e.micros() >= frameEnd && !pending.isEmpty()) {
                frames.add(new Frame(state, List.copyOf(pending)));
                pending.clear();
                frameEnd = (e.micros() / FRAME_MICROS + 1) * FRAME_MICROS;
            }
            state = state.apply(e);
            pending.add(e);
        }
        if (!pending.isEmpty()) {
            frames.add(new Frame(state, List.copyOf(pending)));
        }
        return frames;
    }
}
