package dev.procession.app.stage.tree;

import dev.procession.app.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;

/**
 * The parent-to-child edges of the tree, drawn behind the cards from where the layout put them;
 * a parent waiting in join() on a child gets a dashed edge labelled "join".
 */
final class EdgeLayer extends Pane {
    static final String EDGE = "tree-edge";
    static final String JOIN_EDGE = "join-edge";
    static final String JOIN_WORD = "join-word";

    /** One edge to draw: {@code join} when the parent waits on this child. */
    record Edge(Node parent, Node child, boolean join) {
    }

    private List<Edge> edges = List.of();

    EdgeLayer() {
        setMouseTransparent(true);
        setManaged(false);
    }

    void setEdges(List<Edge> edges) {
        this.edges = List.copyOf(edges);
    }

    List<Edge> edges() {
        return edges;
    }

    /** Redraws the edges; called after the cards were laid out. */
    void redraw() {
        List<Node> shapes = new ArrayList<>();
        for (Edge e : edges) {
            if (e.parent().getScene() != e.child().getScene() || e.parent().getParent() == null
                    || e.child().getParent() == null) {
                continue;
            }
            Point2D from = bottomCentre(e.parent());
            Point2D to = topCentre(e.child());
            Line line = new Line(from.getX(), from.getY(), to.getX(), to.getY());
            line.getStyleClass().add(e.join() ? JOIN_EDGE : EDGE);
            shapes.add(line);
            if (e.join()) {
                Label word = new Label(Messages.text("stage.tree.join"));
                word.getStyleClass().add(JOIN_WORD);
                word.relocate((from.getX() + to.getX()) / 2 + 4, (from.getY() + to.getY()) / 2 - 12);
                shapes.add(word);
            }
        }
        getChildren().setAll(shapes);
    }

    /** Where the layout put {@code n}, in this layer's coordinates, leaving out any glide under way. */
    private Bounds laidOut(Node n) {
        Bounds b = sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        return new javafx.geometry.BoundingBox(b.getMinX() - n.getTranslateX(), b.getMinY() - n.getTranslateY(),
                b.getWidth(), b.getHeight());
    }

    private Point2D bottomCentre(Node n) {
        Bounds b = laidOut(n);
        return new Point2D(b.getCenterX(), b.getMaxY());
    }

    private Point2D topCentre(Node n) {
        Bounds b = laidOut(n);
        return new Point2D(b.getCenterX(), b.getMinY());
    }
}
