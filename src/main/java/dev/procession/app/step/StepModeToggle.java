package dev.procession.app.step;

import dev.procession.app.Messages;
import dev.procession.app.theme.Icons;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/**
 * The toolbar's "Step mode" switch and its Run-menu twin, both bound to the run's step mode: on
 * before Run, the run starts in step mode; switched during a run, it applies at once.
 */
public final class StepModeToggle {
    private StepModeToggle() {
    }

    public static ToggleButton button(BooleanProperty stepMode) {
        ToggleButton b = new ToggleButton(Messages.text("step.mode"), Icons.STEP_MODE.node());
        b.setId("step-mode");
        b.setTooltip(new Tooltip(Messages.text("step.mode.tooltip")));
        b.setFocusTraversable(false);
        b.selectedProperty().bindBidirectional(stepMode);
        return b;
    }

    /** {@code node}, shown (and given room) only while step mode is on. */
    public static <T extends Node> T shownWhileStepping(T node, BooleanProperty stepMode) {
        node.visibleProperty().bind(stepMode);
        node.managedProperty().bind(stepMode);
        return node;
    }

    public static CheckMenuItem menuItem(BooleanProperty stepMode, KeyCombination key) {
        CheckMenuItem item = new CheckMenuItem(Messages.text("step.mode"), Icons.STEP_MODE.node());
        item.setId("menu-step-mode");
        item.setAccelerator(key);
        item.selectedProperty().bindBidirectional(stepMode);
        return item;
    }
}
