package dev.procession.app.waitfor;

import dev.procession.model.LockState;
import dev.procession.model.PrimitiveState;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import dev.procession.model.WaitCycle;
import dev.procession.model.WaitForGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/**
 * The wait-for graph drawn round a table: the processes on an outer ring, the locks on an inner
 * ring half a place round from them (so each lock lies between two neighbours, as a fork between
 * two plates), semaphores in the middle; an arrow from a process to what it waits for, and from
 * a primitive to the process holding it. The edges of a deadlock's cycle are drawn thicker in
 * another colour and another dash, so the cycle does not rest on colour alone.
 */
public final class WaitForDiagram extends Region {
    public static final String STYLESHEET = WaitForDiagram.class.getResource("waitfor.css").toExternalForm();
    /** On a node or an edge of the current deadlock's cycle. */
    public static final PseudoClass IN_CYCLE = PseudoClass.getPseudoClass("in-cycle");
    private static final double ARROW = 12;
    private static final double MARGIN = 8;

    /** Makes and updates the node of each process and primitive: the stage's tags, or the view's plain marks. */
    public interface Marks {
        Node process(ProcState p, RunState s, boolean inCycle);

        Node primitive(PrimitiveState p, RunState s, boolean inCycle);
    }

    private final Marks marks;
    private final boolean table;
    private final Ellipse tableTop = new Ellipse();
    private final List<Circle> plates = new ArrayList<>();
    private final Group edgeLayer = new Group();
    private final Map<Node, Long> processNodes = new LinkedHashMap<>();
    private final Map<Node, PrimitiveState> primitiveNodes = new LinkedHashMap<>();
    private List<DrawnEdge> edges = List.of();

    private record DrawnEdge(WaitForGraph.Edge edge, Node from, Node to, Line line, Polygon head) {
    }

    public WaitForDiagram(Marks marks, boolean table) {
        this.marks = marks;
        this.table = table;
        getStyleClass().add("wait-for-diagram");
        getStylesheets().add(STYLESHEET);
        tableTop.getStyleClass().add("wait-for-table");
        tableTop.setVisible(table);
    }

    /** Draws {@code s}'s graph; the nodes are laid out round the table at the next layout pass. */
    public void show(RunState s) {
        WaitForGraph graph = s.waitForGraph();
        WaitCycle cycle = s.deadlock();
        processNodes.clear();
        primitiveNodes.clear();
        for (ProcState p : processes(s, graph)) {
            processNodes.put(marks.process(p, s, cycle != null && cycle.involves(p.pid())), p.pid());
        }
        for (String ref : graph.refs()) {
            PrimitiveState p = s.primitive(ref);
            primitiveNodes.put(marks.primitive(p, s, cycle != null && cycle.involves(ref)), p);
        }
        List<DrawnEdge> drawn = new ArrayList<>();
        for (WaitForGraph.Edge e : graph.edges()) {
            Node proc = nodeOf(processNodes, e.pid());
            Node prim = primitiveNodes.entrySet().stream().filter(n -> n.getValue().ref().equals(e.ref()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (proc == null || prim == null) {
                continue;
            }
            boolean waits = e.kind() == WaitForGraph.EdgeKind.WAITS_FOR;
            Line line = new Line();
            Polygon head = new Polygon();
            String kind = waits ? "wait-for-waits" : "wait-for-held";
            line.getStyleClass().addAll("wait-for-edge", kind);
            head.getStyleClass().addAll("wait-for-head", kind);
            boolean inCycle = cycle != null && cycle.hasEdge(e);
            line.pseudoClassStateChanged(IN_CYCLE, inCycle);
            head.pseudoClassStateChanged(IN_CYCLE, inCycle);
            drawn.add(new DrawnEdge(e, waits ? proc : prim, waits ? prim : proc, line, head));
        }
        edges = drawn;
        edgeLayer.getChildren().setAll(drawn.stream().flatMap(d -> java.util.stream.Stream.of((Node) d.line(), d.head()))
                .toList());
        List<Node> children = new ArrayList<>();
        children.add(tableTop);
        children.addAll(platesFor(processNodes.size()));
        children.add(edgeLayer);
        children.addAll(primitiveNodes.keySet());
        children.addAll(processNodes.keySet());
        getChildren().setAll(children);
        requestLayout();
    }

    /** Every process but the main program (unless it holds or waits), dead ones too: a seat stays a seat. */
    private static List<ProcState> processes(RunState s, WaitForGraph graph) {
        return s.processes().values().stream()
                .filter(p -> !"main".equals(p.role()) || graph.pids().contains(p.pid())
                        && graph.edges().stream().anyMatch(e -> e.pid() == p.pid()))
                .toList();
    }

    private List<Circle> platesFor(int n) {
        while (plates.size() < n) {
            Circle plate = new Circle();
            plate.getStyleClass().add("wait-for-plate");
            plates.add(plate);
        }
        return table ? plates.subList(0, n) : List.of();
    }

    private static Node nodeOf(Map<Node, Long> nodes, long pid) {
        return nodes.entrySet().stream().filter(n -> n.getValue() == pid).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    private double widest() {
        return processNodes.keySet().stream().mapToDouble(n -> n.prefWidth(-1)).max().orElse(0);
    }

    private double tallest() {
        return processNodes.keySet().stream().mapToDouble(n -> n.prefHeight(-1)).max().orElse(0);
    }

    /** The smallest height of the outer ring: a wide, low space is used by a flatter ring. */
    private double neededHeightRadius() {
        return Math.max(110, tallest() * 2.2);
    }

    /** The smallest outer ring on which neighbouring processes do not overlap, with room for the locks inside. */
    private double neededRadius() {
        int n = Math.max(2, processNodes.size());
        double apart = Math.max(widest(), tallest() * 1.6) / (2 * Math.sin(Math.PI / n));
        return Math.max(130, apart * 1.1);
    }

    @Override
    protected double computeMinWidth(double height) {
        return 2 * neededRadius() + widest() + 2 * MARGIN;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 2 * neededHeightRadius() + tallest() + 2 * MARGIN;
    }

    @Override
    protected double computePrefWidth(double height) {
        return computeMinWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return computeMinHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        Point2D centre = new Point2D(w / 2, h / 2);
        double widest = widest();
        double tallest = tallest();
        // An ellipse that fills the space: the stage is often wider than it is high.
        Point2D outer = new Point2D(Math.max(60, (w - widest) / 2 - MARGIN), Math.max(60, (h - tallest) / 2 - MARGIN));
        Point2D inner = outer.multiply(0.5);
        int n = processNodes.size();
        tableTop.setCenterX(centre.getX());
        tableTop.setCenterY(centre.getY());
        tableTop.setRadiusX(outer.getX() * 0.72);
        tableTop.setRadiusY(outer.getY() * 0.72);
        int i = 0;
        for (Node node : processNodes.keySet()) {
            place(node, ring(centre, outer, i, n, 0));
            if (table && i < plates.size()) {
                Point2D plate = ring(centre, inner.multiply(1.05), i, n, 0);
                plates.get(i).setCenterX(plate.getX());
                plates.get(i).setCenterY(plate.getY());
                plates.get(i).setRadius(Math.max(10, Math.min(outer.getX(), outer.getY()) * 0.11));
            }
            i++;
        }
        List<Node> locks = primitiveNodes.entrySet().stream().filter(e -> e.getValue() instanceof LockState)
                .map(Map.Entry::getKey).toList();
        List<Node> middle = primitiveNodes.entrySet().stream().filter(e -> !(e.getValue() instanceof LockState))
                .map(Map.Entry::getKey).toList();
        for (int j = 0; j < locks.size(); j++) {
            place(locks.get(j), locks.size() == 1 ? centre : ring(centre, inner, j, locks.size(), -0.5));
        }
        for (int j = 0; j < middle.size(); j++) {
            place(middle.get(j), middle.size() == 1 ? centre : ring(centre, inner.multiply(0.35), j, middle.size(), 0));
        }
        edges.forEach(WaitForDiagram::route);
    }

    /**
     * Place {@code i} of {@code n} round a ring from the top, clockwise, shifted by {@code offset}
     * places; {@code radius} holds the ring's half width and half height.
     */
    private static Point2D ring(Point2D centre, Point2D radius, int i, int n, double offset) {
        double angle = -Math.PI / 2 + 2 * Math.PI * (i + offset) / Math.max(1, n);
        return centre.add(radius.getX() * Math.cos(angle), radius.getY() * Math.sin(angle));
    }

    private static void place(Node node, Point2D at) {
        double pw = node.prefWidth(-1);
        double ph = node.prefHeight(pw);
        node.resizeRelocate(Math.round(at.getX() - pw / 2), Math.round(at.getY() - ph / 2), pw, ph);
    }

    /** The edge from the border of one node to the border of the other, with its head at the second. */
    private static void route(DrawnEdge d) {
        Point2D a = centreOf(d.from());
        Point2D b = centreOf(d.to());
        Point2D start = border(d.from(), a, b);
        Point2D end = border(d.to(), b, a);
        d.line().setStartX(start.getX());
        d.line().setStartY(start.getY());
        d.line().setEndX(end.getX());
        d.line().setEndY(end.getY());
        Point2D dir = end.subtract(start);
        double length = dir.magnitude();
        if (length < 1) {
            d.head().getPoints().clear();
            return;
        }
        Point2D u = dir.multiply(1 / length);
        Point2D normal = new Point2D(-u.getY(), u.getX());
        Point2D base = end.subtract(u.multiply(ARROW));
        Point2D left = base.add(normal.multiply(ARROW / 2));
        Point2D right = base.subtract(normal.multiply(ARROW / 2));
        d.head().getPoints().setAll(end.getX(), end.getY(), left.getX(), left.getY(), right.getX(), right.getY());
    }

    private static Point2D centreOf(Node n) {
        var b = n.getBoundsInParent();
        return new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
    }

    /** Where the segment from {@code centre} towards {@code toward} leaves {@code n}'s box. */
    private static Point2D border(Node n, Point2D centre, Point2D toward) {
        var b = n.getBoundsInParent();
        Point2D d = toward.subtract(centre);
        double sx = d.getX() == 0 ? Double.MAX_VALUE : (b.getWidth() / 2 + 3) / Math.abs(d.getX());
        double sy = d.getY() == 0 ? Double.MAX_VALUE : (b.getHeight() / 2 + 3) / Math.abs(d.getY());
        double s = Math.min(1, Math.min(sx, sy));
        return centre.add(d.multiply(s));
    }

    /** {@code diagram} in a pane that gives it all its room and scrolls when that is less than it needs. */
    public static ScrollPane scrolling(WaitForDiagram diagram) {
        ScrollPane scroll = new ScrollPane(diagram);
        scroll.getStyleClass().add("wait-for-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    /** Whether {@code n} is marked as part of the deadlock's cycle. */
    public static boolean inCycle(Node n) {
        return n.getPseudoClassStates().contains(IN_CYCLE);
    }

    /** The pid of each process node, for tests and the stage. */
    public Map<Node, Long> processNodes() {
        return processNodes;
    }

    /** The edges drawn, with whether each belongs to the cycle: for tests. */
    public List<Node> edgeLines() {
        return edges.stream().map(d -> (Node) d.line()).toList();
    }
}
