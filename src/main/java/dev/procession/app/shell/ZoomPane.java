package dev.procession.app.shell;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Zooms everything in the window at once: the content is laid out in a space {@code zoom} times
 * smaller than the window and drawn {@code zoom} times larger, so text, icons, the stage's shapes
 * and every pane grow together and still fill the window. (Menus and tooltips open in windows of
 * their own; the scene's zoom stylesheet sizes their text.)
 */
final class ZoomPane extends Region {
    private final ObservableDoubleValue zoom;
    private final Scale scale = new Scale();
    private Parent content;

    ZoomPane(Parent content, ObservableDoubleValue zoom) {
        this.zoom = zoom;
        scale.xProperty().bind(zoom);
        scale.yProperty().bind(zoom);
        getStyleClass().add("zoom-pane");
        zoom.addListener((obs, old, now) -> requestLayout());
        setContent(content);
    }

    /** Shows {@code next} in place of the content (the window rebuilt in another language). */
    void setContent(Parent next) {
        if (content != null) {
            content.getTransforms().remove(scale);
        }
        content = next;
        next.getTransforms().add(scale);
        getChildren().setAll(next);
    }

    @Override
    protected void layoutChildren() {
        double z = zoom.get();
        content.resizeRelocate(0, 0, getWidth() / z, getHeight() / z);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) * zoom.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) * zoom.get();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }
}
