package dev.procession.app.stage.tree;

import dev.procession.app.Messages;
import dev.procession.app.Children;
import dev.procession.app.stage.ProcessNames;
import dev.procession.app.stage.ProcessTag;
import dev.procession.app.stage.StageBase;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageStyles;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.Activity;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The process tree as ps shows it: one row per generation, each card under its parent's row,
 * parent-to-child edges behind, join waits as dashed edges, signals as bolts in flight; the run's
 * primitives as a strip below. The stage of every scenario that has none of its own.
 */
public final class ProcessTreeStage extends StageBase {
    static final String CARD = "tree-card";
    static final String GENERATION = "tree-generation";

    private final VBox generations = new VBox(48);
    private final EdgeLayer edges = new EdgeLayer();
    private final Pane flights = new Pane();
    private final PrimitiveStrip strip = new PrimitiveStrip();
    private final Label primitivesTitle = new Label(Messages.text("stage.tree.primitives"));

    public ProcessTreeStage(StageContext context) {
        super(context, "tree-stage", new VBox(24));
        VBox content = (VBox) layoutRoot();
        flights.setMouseTransparent(true);
        flights.setManaged(false);
        StackPane canvas = new StackPane(edges, generations, flights) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                edges.resizeRelocate(0, 0, getWidth(), getHeight());
                flights.resizeRelocate(0, 0, getWidth(), getHeight());
                edges.redraw();
            }
        };
        primitivesTitle.getStyleClass().add(StageStyles.ZONE_TITLE);
        content.getChildren().addAll(canvas, primitivesTitle, strip);
    }

    @Override
    protected void draw(RunState state, List<Event> newEvents) {
        Map<Node, Point2D> before = motion.positions(tags.all().values());
        Map<Long, Integer> depth = new HashMap<>();
        List<List<ProcessTag>> rows = new ArrayList<>();
        Map<Long, Integer> order = new HashMap<>();
        for (ProcState p : byGeneration(state, depth)) {
            int d = depth.get(p.pid());
            while (rows.size() <= d) {
                rows.add(new ArrayList<>());
            }
            ProcessTag card = tags.of(p.pid(), pid -> new ProcessTag(pid, CARD));
            card.update(p, state);
            order.put(p.pid(), rows.get(d).size());
            rows.get(d).add(card);
        }
        while (generations.getChildren().size() < rows.size()) {
            FlowPane row = new FlowPane(16, 16);
            row.getStyleClass().add(GENERATION);
            generations.getChildren().add(row);
        }
        for (int d = 0; d < rows.size(); d++) {
            FlowPane row = (FlowPane) generations.getChildren().get(d);
            Children.arrange(row.getChildren(), rows.get(d));
        }
        edges.setEdges(edgesOf(state));
        List<Node> fresh = new ArrayList<>(tags.all().values());
        fresh.removeIf(before::containsKey);
        motion.glideFrom(before, layoutRoot());
        fresh.forEach(motion::fadeIn);
        motion.afterLayout(() -> {
            edges.redraw();
            flySignals(state, newEvents);
        });
        strip.show(state);
        primitivesTitle.setVisible(!state.primitives().isEmpty());
        primitivesTitle.setManaged(!state.primitives().isEmpty());
    }

    /**
     * Every process with its generation, parents before children: a process whose parent is not
     * in the run (the main program, whose parent is the supervisor) is generation 0.
     */
    private static List<ProcState> byGeneration(RunState state, Map<Long, Integer> depth) {
        for (ProcState p : state.processes().values()) {
            depth(p, state, depth);
        }
        // Siblings stay together, in the order their parents are drawn, then by appearance.
        Map<Long, Integer> rank = new HashMap<>();
        List<ProcState> sorted = new ArrayList<>(state.processes().values());
        sorted.sort(Comparator.comparingInt((ProcState p) -> depth.get(p.pid())).thenComparingInt(ProcState::index));
        List<ProcState> out = new ArrayList<>();
        for (int d = 0; !sorted.isEmpty(); d++) {
            final int gen = d;
            List<ProcState> row = new ArrayList<>(sorted.stream().filter(p -> depth.get(p.pid()) == gen).toList());
            sorted.removeAll(row);
            row.sort(Comparator.comparingInt((ProcState p) -> rank.getOrDefault(p.ppid(), -1))
                    .thenComparingInt(ProcState::index));
            for (int i = 0; i < row.size(); i++) {
                rank.put(row.get(i).pid(), i);
            }
            out.addAll(row);
        }
        return out;
    }

    private static int depth(ProcState p, RunState state, Map<Long, Integer> depth) {
        Integer known = depth.get(p.pid());
        if (known != null) {
            return known;
        }
        depth.put(p.pid(), 0); // guards against a cycle in a malformed log
        ProcState parent = state.process(p.ppid());
        int d = parent == null || parent.pid() == p.pid() ? 0 : depth(parent, state, depth) + 1;
        depth.put(p.pid(), d);
        return d;
    }

    private List<EdgeLayer.Edge> edgesOf(RunState state) {
        List<EdgeLayer.Edge> out = new ArrayList<>();
        for (ProcState child : state.processes().values()) {
            ProcState parent = state.process(child.ppid());
            if (parent == null || parent.pid() == child.pid()) {
                continue;
            }
            boolean join = parent.activity() == Activity.BLOCKED && child.name() != null
                    && child.name().equals(parent.blockedOn());
            out.add(new EdgeLayer.Edge(tags.get(parent.pid()), tags.get(child.pid()), join));
        }
        return out;
    }

    /** A SIGNAL event of this frame flies from its sender (a process by name, or the supervisor). */
    private void flySignals(RunState state, List<Event> newEvents) {
        for (Event e : newEvents) {
            if (e.kind() != EventKind.SIGNAL || tags.get(e.pid()) == null) {
                continue;
            }
            String by = e.text("by");
            ProcState sender = state.processes().values().stream().filter(p -> p.name() != null
                    && p.name().equals(by)).findFirst().orElse(null);
            Point2D to = centreOf(tags.get(e.pid()));
            Point2D from = sender == null || tags.get(sender.pid()) == null ? new Point2D(0, 0)
                    : centreOf(tags.get(sender.pid()));
            SignalFlight.fly(flights, motion, String.valueOf(e.get("signal")),
                    sender == null ? by : ProcessNames.nameAndPid(sender), from, to);
        }
    }

    private Point2D centreOf(Node n) {
        Bounds b = flights.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        return new Point2D(b.getMinX() + 8, b.getCenterY());
    }

    // ---------------------------------------------------------------- what tests read

    /** The edges drawn: child pid to whether it is a join edge. */
    public Map<Long, Boolean> edgesByChild() {
        Map<Long, Boolean> out = new HashMap<>();
        for (EdgeLayer.Edge e : edges.edges()) {
            out.put((Long) e.child().getProperties().get(StageStyles.PID_KEY), e.join());
        }
        return out;
    }

    /** The card of {@code pid}, or null. */
    public ProcessTag card(long pid) {
        return tags.get(pid);
    }

    public int generationCount() {
        return (int) generations.getChildren().stream().filter(r -> !((FlowPane) r).getChildren().isEmpty())
                .count();
    }

    public int signalsInFlight() {
        return flights.getChildren().size();
    }
}
