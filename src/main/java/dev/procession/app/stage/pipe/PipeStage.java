package dev.procession.app.stage.pipe;

import dev.procession.app.Messages;
import dev.procession.app.stage.FlightLayer;
import dev.procession.app.stage.ItemLane;
import dev.procession.app.stage.ProcessTag;
import dev.procession.app.stage.StageBase;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageIcons;
import dev.procession.app.stage.StageStyles;
import dev.procession.app.stage.ProcessNames;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.PipeEndState;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The pipe scenario: a tube between the process holding one end (the parent) and the process
 * holding the other (the worker). The messages in flight towards each end travel inside it, a
 * receiver waits at its end while blocked in recv(), and a closed end says so.
 */
public final class PipeStage extends StageBase {
    static final String END_PROCESS = "pipe-process";
    static final String TUBE = "pipe-tube";

    private final FlightLayer flights = new FlightLayer();
    private final Label headline = new Label();
    private final PipeEndView left = new PipeEndView();
    private final PipeEndView right = new PipeEndView();
    private final ItemLane towardsRight = new ItemLane(TUBE, "").towardsTheRight();
    private final ItemLane towardsLeft = new ItemLane(TUBE, "");
    /** Which process uses each end, as its sends and receives show; the end's ref to the pid. */
    private final Map<String, Long> holderOf = new HashMap<>();
    private final Map<String, String> eofFor = new HashMap<>();
    private final Map<String, String> closedBy = new HashMap<>();
    private long sent;
    private long received;

    public PipeStage(StageContext context) {
        super(context, "pipe-stage", new StackPane());
        headline.getStyleClass().add(StageStyles.BIG_NUMBER);
        VBox tube = new VBox(12, towardsRight, towardsLeft);
        HBox.setHgrow(tube, Priority.ALWAYS);
        tube.setPrefWidth(1);
        HBox floor = new HBox(12, left, tube, right);
        VBox content = new VBox(16, headline, floor);
        ((StackPane) layoutRoot()).getChildren().addAll(content, flights);
    }

    @Override
    protected void draw(RunState state, List<Event> newEvents) {
        List<PipeEndState> ends = state.primitives(PipeEndState.class);
        if (ends.isEmpty()) {
            headline.setText(Messages.text("stage.pipe.none"));
            return;
        }
        PipeEndState a = ends.getFirst();
        PipeEndState b = state.primitive(a.peer()) instanceof PipeEndState peer ? peer : a;
        for (Event e : newEvents) {
            note(e, state);
        }
        Map<Node, Point2D> before = positionsBefore(towardsRight, towardsLeft);
        showEnd(left, a, holder(a, state, true), state);
        showEnd(right, b, holder(b, state, false), state);
        for (Event e : newEvents) {
            ItemLane to = b.ref().equals(e.get("to")) ? towardsRight : towardsLeft;
            ItemLane from = b.ref().equals(e.obj()) ? towardsRight : towardsLeft;
            if (e.kind() == EventKind.SEND && (a.ref().equals(e.obj()) || b.ref().equals(e.obj()))) {
                to.put(String.valueOf(e.get("item")), tags.get(e.pid()));
            } else if (e.kind() == EventKind.RECV && (a.ref().equals(e.obj()) || b.ref().equals(e.obj()))) {
                from.take(0, tags.get(e.pid()));
            }
        }
        towardsRight.sync(b.inbox().toList(), 0, before);
        towardsLeft.sync(a.inbox().toList(), 0, before);
        towardsRight.setTitle(Messages.text("stage.pipe.towardsRight", b.label(), b.inbox().size()));
        towardsLeft.setTitle(Messages.text("stage.pipe.towardsLeft", a.label(), a.inbox().size()));
        glideFrom(before);
        motion.afterLayout(() -> {
            towardsRight.animate(flights, motion);
            towardsLeft.animate(flights, motion);
        });
        headline.setText(Messages.text("stage.pipe.headline", sent, received));
    }

    private void note(Event e, RunState state) {
        if (e.obj() == null || !(state.primitive(e.obj()) instanceof PipeEndState)) {
            return;
        }
        ProcState p = state.process(e.pid());
        switch (e.kind()) {
            case SEND -> sent++;
            case RECV -> received++;
            case EOF -> eofFor.put(e.obj(), p == null ? ProcessNames.pid(e.pid()) : ProcessNames.nameAndPid(p));
            case CLOSE -> closedBy.put(e.obj(), p == null ? ProcessNames.pid(e.pid()) : ProcessNames.nameAndPid(p));
            default -> { }
        }
        if (e.pid() > 0 && e.kind() != EventKind.NEW) {
            holderOf.putIfAbsent(e.obj(), e.pid());
        }
    }

    /**
     * The process that uses {@code end}; until its first send or receive, the main program holds
     * the first end (Pipe() returns it first) and its first child the second.
     */
    private ProcState holder(PipeEndState end, RunState state, boolean first) {
        Long pid = holderOf.get(end.ref());
        if (pid != null) {
            return state.process(pid);
        }
        ProcState main = state.main();
        if (first || main == null) {
            return main;
        }
        return state.processes().values().stream().filter(p -> p.ppid() == main.pid()).findFirst().orElse(null);
    }

    private void showEnd(PipeEndView view, PipeEndState end, ProcState holder, RunState state) {
        List<Node> waiting = new ArrayList<>();
        for (long pid : end.receivers()) {
            ProcState p = state.process(pid);
            if (p != null) {
                ProcessTag tag = tags.of(pid, id -> new ProcessTag(id, END_PROCESS));
                tag.updateStory(p, state, Messages.text("stage.pipe.receiving"), StageIcons.BLOCKED);
                waiting.add(tag);
            }
        }
        List<Node> holding = new ArrayList<>();
        if (holder != null && !end.receivers().contains(holder.pid())) {
            ProcessTag tag = tags.of(holder.pid(), id -> new ProcessTag(id, END_PROCESS));
            tag.update(holder, state);
            holding.add(tag);
        }
        view.show(end, holding, waiting, eofFor.get(end.ref()), closedBy.get(end.ref()));
    }

    // ---------------------------------------------------------------- what tests read

    /** The messages drawn in flight towards the first end (the parent's), oldest first. */
    public List<String> inFlightTowardsFirst() {
        return towardsLeft.shownItems();
    }

    /** The messages drawn in flight towards the second end (the worker's), oldest first. */
    public List<String> inFlightTowardsSecond() {
        return towardsRight.shownItems();
    }

    public List<Long> receiversAtFirst() {
        return left.receiverPids();
    }

    public List<Long> receiversAtSecond() {
        return right.receiverPids();
    }

    public String firstEndState() {
        return left.stateText();
    }

    public String secondEndState() {
        return right.stateText();
    }
}
