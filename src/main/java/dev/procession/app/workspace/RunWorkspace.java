package dev.procession.app.workspace;

import dev.procession.app.Messages;
import dev.procession.app.code.CodeView;
import dev.procession.app.console.ConsoleView;
import dev.procession.app.inspector.InspectorView;
import dev.procession.app.narration.NarrationModel;
import dev.procession.app.narration.NarrationView;
import dev.procession.app.processes.ProcessActions;
import dev.procession.app.processes.ProcessMenus;
import dev.procession.app.processes.ProcessTable;
import dev.procession.app.run.RunPump;
import dev.procession.app.timeline.TimelineView;
import dev.procession.events.Event;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

/**
 * A run on screen: the scenario's animated stage in the middle, the code and the primitive
 * inspector beside it, the process table, timeline and console below; every view fed by the one
 * {@link RunPump}. The side and bottom docks can each be hidden.
 */
public final class RunWorkspace extends SplitPane {
    private final StackPane stageSlot = new StackPane();
    private final ProcessTable processes;
    private final TimelineView timeline = new TimelineView();
    private final ConsoleView console = new ConsoleView();
    private final CodeView code = new CodeView();
    private final InspectorView inspector;
    private final NarrationModel narration = new NarrationModel();
    private final TabPane side;
    private final TabPane bottom;
    private final SplitPane top;
    private final BooleanProperty sideShown = new SimpleBooleanProperty(true);
    private final BooleanProperty bottomShown = new SimpleBooleanProperty(true);

    public RunWorkspace(RunPump pump, ProcessMenus menus, ProcessActions actions) {
        setId("run-workspace");
        getStyleClass().add("run-workspace");
        processes = new ProcessTable(menus);
        inspector = new InspectorView(actions::forceRelease);
        stageSlot.getStyleClass().add("stage-slot");
        side = tabs(tab("code", code), tab("inspector", inspector), tab("narration", new NarrationView(narration)));
        bottom = tabs(tab("processes", processes), tab("timeline", timeline), tab("console", console));
        top = new SplitPane(stageSlot, side);
        // The stage gets two thirds: its scenes (the manager's floor, a queue's belt) need the width more than the code.
        top.setDividerPositions(0.66);
        setOrientation(Orientation.VERTICAL);
        getItems().setAll(top, bottom);
        setDividerPositions(0.62);
        sideShown.addListener((obs, old, now) -> dock(top, side, now, 0.66));
        bottomShown.addListener((obs, old, now) -> dock(this, bottom, now, 0.62));
        // The timeline draws the status changes it saw frame by frame, so it is fed every frame; it
        // only leaves its drawing for when it is seen. The other views show a state, so they catch up.
        pump.addListener(whileShown(pump, processes, bottom, bottomShown, e -> false));
        pump.addListener(timeline);
        // A story that grows, like the timeline: told every frame, so nothing is missed while hidden.
        pump.addListener(narration);
        timeline.shownProperty().bind(shown(tabOf(bottom, timeline), bottomShown));
        pump.addListener(whileShown(pump, console, bottom, bottomShown, ConsoleView::reads));
        pump.addListener(whileShown(pump, code, side, sideShown, e -> false));
        pump.addListener(whileShown(pump, inspector, side, sideShown, e -> false));
    }

    /** {@code view}, the content of one of {@code pane}'s tabs, fed while it can be seen. */
    private static RunPump.FrameListener whileShown(RunPump pump, Node view, TabPane pane, BooleanProperty dockShown,
                                                    Predicate<Event> reads) {
        return new HiddenViewFeed((RunPump.FrameListener) view, shown(tabOf(pane, view), dockShown), pump::state,
                reads);
    }

    private static Tab tabOf(TabPane pane, Node view) {
        return pane.getTabs().stream().filter(t -> t.getContent() == view).findFirst().orElseThrow();
    }

    private static ObservableBooleanValue shown(Tab tab, BooleanProperty dockShown) {
        return tab.selectedProperty().and(dockShown);
    }

    private static void dock(SplitPane pane, Node view, boolean shown, double divider) {
        if (shown && !pane.getItems().contains(view)) {
            pane.getItems().add(view);
            pane.setDividerPositions(divider);
        } else if (!shown) {
            pane.getItems().remove(view);
        }
    }

    private static TabPane tabs(Tab... tabs) {
        TabPane pane = new TabPane(tabs);
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return pane;
    }

    private static Tab tab(String key, Node content) {
        Tab tab = new Tab(Messages.text("view." + key), content);
        tab.setId("tab-" + key);
        return tab;
    }

    /** Marks process {@code pid} (none for null) in every view: its row, lane, console lines and cursor. */
    public void select(Long pid) {
        processes.select(pid);
        timeline.select(pid);
        console.select(pid);
        code.select(pid);
    }

    /** Puts the scenario's stage in the middle (null leaves it empty). */
    public void setStage(Node stage) {
        stageSlot.getChildren().setAll(stage == null ? List.of() : List.of(stage));
    }

    public BooleanProperty sideShownProperty() {
        return sideShown;
    }

    public BooleanProperty bottomShownProperty() {
        return bottomShown;
    }

    public ProcessTable processes() {
        return processes;
    }

    public ConsoleView console() {
        return console;
    }

    public CodeView code() {
        return code;
    }

    public NarrationModel narration() {
        return narration;
    }

    public InspectorView inspector() {
        return inspector;
    }

    public TimelineView timeline() {
        return timeline;
    }
}
