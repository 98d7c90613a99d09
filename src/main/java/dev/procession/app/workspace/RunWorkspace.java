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
import dev.procession.app.waitfor.WaitForView;
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
    private final WaitForView waitFor = new WaitForView();
    private final TabPane side;
    private final TabPane bottom;
    private final SplitPane top;
    private final BooleanProperty sideShown = new SimpleBooleanProperty(true);
    private final BooleanProperty bottomShown = new SimpleBooleanProperty(true);
    private final BooleanProperty presenting = new SimpleBooleanProperty();
    private final NarrationView presentedNarration;

    public RunWorkspace(RunPump pump, ProcessMenus menus, ProcessActions actions) {
        setId("run-workspace");
        getStyleClass().add("run-workspace");
        processes = new ProcessTable(menus);
        inspector = new InspectorView(actions::forceRelease, menus.replayingProperty());
        stageSlot.getStyleClass().add("stage-slot");
        side = tabs(tab("code", code), tab("inspector", inspector), tab("narration", new NarrationView(narration)),
                tab("waitFor", waitFor));
        bottom = tabs(tab("processes", processes), tab("timeline", timeline), tab("console", console));
        top = new SplitPane();
        setOrientation(Orientation.VERTICAL);
        presentedNarration = new NarrationView(narration);
        presentedNarration.setId("presented-narration");
        layOut();
        sideShown.addListener((obs, old, now) -> layOut());
        bottomShown.addListener((obs, old, now) -> layOut());
        presenting.addListener((obs, old, now) -> layOut());
        // The timeline draws the status changes it saw frame by frame, so it is fed every frame; it
        // only leaves its drawing for when it is seen. The other views show a state, so they catch up.
        // A dock hidden by the presentation view is not seen either.
        ObservableBooleanValue sideSeen = sideShown.and(presenting.not());
        ObservableBooleanValue bottomSeen = bottomShown.and(presenting.not());
        pump.addListener(whileShown(pump, processes, bottom, bottomSeen, e -> false));
        pump.addListener(timeline);
        // A story that grows, like the timeline: told every frame, so nothing is missed while hidden.
        pump.addListener(narration);
        timeline.shownProperty().bind(shown(tabOf(bottom, timeline), bottomSeen));
        pump.addListener(whileShown(pump, console, bottom, bottomSeen, ConsoleView::reads));
        pump.addListener(whileShown(pump, code, side, sideSeen, e -> false));
        pump.addListener(whileShown(pump, inspector, side, sideSeen, e -> false));
        pump.addListener(whileShown(pump, waitFor, side, sideSeen, e -> false));
        // A deadlock that forms brings its graph forward: the cycle is the lesson of that moment.
        pump.addListener((before, after, events) -> {
            if (after.deadlock() != null && before.deadlock() == null) {
                side.getSelectionModel().select(tabOf(side, waitFor));
            }
        });
    }

    /** {@code view}, the content of one of {@code pane}'s tabs, fed while it can be seen. */
    private static RunPump.FrameListener whileShown(RunPump pump, Node view, TabPane pane, ObservableBooleanValue dockShown,
                                                    Predicate<Event> reads) {
        return new HiddenViewFeed((RunPump.FrameListener) view, shown(tabOf(pane, view), dockShown), pump::state,
                reads);
    }

    private static Tab tabOf(TabPane pane, Node view) {
        return pane.getTabs().stream().filter(t -> t.getContent() == view).findFirst().orElseThrow();
    }

    private static ObservableBooleanValue shown(Tab tab, ObservableBooleanValue dockShown) {
        return tab.selectedProperty().and(javafx.beans.binding.BooleanExpression.booleanExpression(dockShown));
    }

    /**
     * The stage with the docks that are shown; when presenting, the stage and the narration
     * alone. The stage gets two thirds: its scenes (the manager's floor, a queue's belt) need the
     * width more than the code.
     */
    private void layOut() {
        if (presenting.get()) {
            top.getItems().setAll(stageSlot, presentedNarration);
            // Sentences need the width: read aloud, they must not wrap every third word.
            top.setDividerPositions(0.6);
            getItems().setAll(top);
            return;
        }
        top.getItems().setAll(sideShown.get() ? List.of(stageSlot, side) : List.of(stageSlot));
        top.setDividerPositions(0.66);
        getItems().setAll(bottomShown.get() ? List.of(top, bottom) : List.of(top));
        setDividerPositions(0.62);
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

    /** Whether only the stage and the narration are shown (the presentation view). */
    public BooleanProperty presentingProperty() {
        return presenting;
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

    public WaitForView waitFor() {
        return waitFor;
    }
}
