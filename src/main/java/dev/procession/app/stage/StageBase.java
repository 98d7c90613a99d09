package dev.procession.app.stage;

import dev.procession.app.theme.ProcessColors;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * What every stage shares: a scrolling root with the stages' stylesheet, the process elements
 * with their click and menu, and the motion that ends the last frame's animations first.
 */
public abstract class StageBase implements ScenarioStage {
    protected final StageContext context;
    protected final ProcessElements<ProcessTag> tags;
    protected final Motion motion = new Motion();
    /** The shape of the main program's element. */
    protected static final String MAIN_PROGRAM = "main-program";
    private final ScrollPane root = new ScrollPane();
    private final Region content;
    private RunState shown;

    protected StageBase(StageContext context, String stageClass, Region content) {
        this.context = context;
        this.tags = new ProcessElements<>(context);
        this.content = content;
        root.getStylesheets().addAll(ProcessColors.STYLESHEET, StageStyles.STYLESHEET);
        root.getStyleClass().addAll(StageStyles.STAGE, stageClass);
        // Many processes wrap to more rows rather than run off the side: scroll down, never across.
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        content.getStyleClass().add(StageStyles.CONTENT);
        root.setContent(content);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public final void show(RunState state, List<Event> newEvents, double speed) {
        if (state == shown && newEvents.isEmpty()) {
            // The pump calls every frame; nothing new means the animations go on undisturbed.
            return;
        }
        RunState was = shown;
        shown = state;
        motion.finishAll();
        motion.setSpeed(speed);
        if (was != null && onlyUsage(was, state, newEvents)) {
            // A sample's frame (every second, every process) changes what no stage draws: the
            // picture stays as it is, only the clock moves.
            clockMoved(state);
            return;
        }
        draw(state, newEvents);
    }

    /** Draws {@code state}; the animations of the previous frame have ended. */
    protected abstract void draw(RunState state, List<Event> newEvents);

    /** The run's clock moved to {@code state}'s and nothing else a stage draws changed; most stages show no clock. */
    protected void clockMoved(RunState state) {
    }

    /** True when {@code events} are samples that changed only the processes' CPU and memory. */
    private static boolean onlyUsage(RunState was, RunState now, List<Event> events) {
        if (!events.stream().allMatch(e -> e.kind() == EventKind.SAMPLE) || was.primitives() != now.primitives()
                || was.processes().size() != now.processes().size()) {
            return false;
        }
        for (ProcState p : now.processes().values()) {
            ProcState before = was.process(p.pid());
            if (before != p && (before == null || !before.withUsage(p.usage()).equals(p))) {
                return false;
            }
        }
        return true;
    }

    /** The node layouts are computed in before a glide: the stage's content. */
    protected Region layoutRoot() {
        return content;
    }

    /** Where every process element and the items of {@code lanes} are before this frame changes them. */
    protected Map<Node, Point2D> positionsBefore(ItemLane... lanes) {
        List<Node> moving = new ArrayList<>(tags.all().values());
        for (ItemLane lane : lanes) {
            moving.addAll(lane.chips());
        }
        return motion.positions(moving);
    }

    /**
     * Lays the stage out, glides what moved from where {@code before} says it was, and fades in
     * the process elements that were not on the stage before.
     */
    protected void glideFrom(Map<Node, Point2D> before) {
        List<Node> fresh = new ArrayList<>(tags.all().values());
        fresh.removeIf(before::containsKey);
        motion.glideFrom(before, layoutRoot());
        fresh.forEach(motion::fadeIn);
    }

    /**
     * Draws the main program with its own status word in {@code box}, once it is in the run: the
     * stages that show it beside their story.
     */
    protected void showMain(RunState state, Pane box) {
        ProcState main = state.main();
        if (main != null) {
            ProcessTag tag = tags.of(main.pid(), pid -> new ProcessTag(pid, MAIN_PROGRAM));
            tag.update(main, state);
            if (!box.getChildren().contains(tag)) {
                box.getChildren().add(tag);
            }
        }
    }

    /** Ends every animation under way, as for a still picture (an export, a screenshot). */
    public void settle() {
        motion.finishAll();
    }

    @Override
    public void select(Long pid) {
        tags.select(pid);
    }

    @Override
    public void dispose() {
        motion.dispose();
        tags.dispose();
    }
}
