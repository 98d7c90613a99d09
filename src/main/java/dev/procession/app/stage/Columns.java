package dev.procession.app.stage;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Areas of a stage side by side in columns of equal width while each column is at least
 * {@code minColumn} wide, and one under another at the full width on a stage too narrow for that:
 * an area never gets less room than one process element needs, however narrow the window. An area
 * whose maximum width is its preferred one (a stop line between two zones) keeps that width.
 */
public final class Columns extends Pane {
    private final double gap;
    private final double minColumn;

    public Columns(double gap, double minColumn, Node... areas) {
        super(areas);
        this.gap = gap;
        this.minColumn = minColumn;
    }

    private List<Node> areas() {
        return getManagedChildren();
    }

    private static boolean fixed(Node area) {
        return area.maxWidth(-1) < Double.MAX_VALUE;
    }

    /** Whether {@code inner} (the width inside the insets) is too narrow for the columns side by side. */
    private boolean stacked(double inner) {
        return areas().size() > 1 && columnWidth(inner) < minColumn;
    }

    /** The width of each column that is not fixed. */
    private double columnWidth(double inner) {
        List<Node> areas = areas();
        double left = inner - gap * Math.max(0, areas.size() - 1);
        int flexible = 0;
        for (Node area : areas) {
            if (fixed(area)) {
                left -= area.prefWidth(-1);
            } else {
                flexible++;
            }
        }
        return flexible == 0 ? minColumn : left / flexible;
    }

    private double widthOf(Node area, double column) {
        return fixed(area) ? area.prefWidth(-1) : column;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + minColumn + in.getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        double w = gap * Math.max(0, areas().size() - 1);
        for (Node area : areas()) {
            w += widthOf(area, minColumn);
        }
        return in.getLeft() + w + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = (width < 0 ? prefWidth(-1) : width) - in.getLeft() - in.getRight();
        double h = 0;
        if (stacked(inner)) {
            for (Node area : areas()) {
                h += area.prefHeight(inner);
            }
            h += gap * Math.max(0, areas().size() - 1);
        } else {
            double column = columnWidth(inner);
            for (Node area : areas()) {
                h = Math.max(h, area.prefHeight(widthOf(area, column)));
            }
        }
        return in.getTop() + h + in.getBottom();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double inner = getWidth() - in.getLeft() - in.getRight();
        double x = in.getLeft();
        double y = in.getTop();
        if (stacked(inner)) {
            for (Node area : areas()) {
                double h = snapSizeY(area.prefHeight(inner));
                area.resizeRelocate(x, y, inner, h);
                y += h + gap;
            }
            return;
        }
        double column = snapSizeX(columnWidth(inner));
        double height = getHeight() - in.getTop() - in.getBottom();
        for (Node area : areas()) {
            double w = snapSizeX(widthOf(area, column));
            area.resizeRelocate(x, y, w, height);
            x += w + gap;
        }
    }
}
