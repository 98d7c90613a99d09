package dev.procession.app.stage.traffic;

import dev.procession.app.Messages;
import dev.procession.app.stage.Departures;
import dev.procession.app.stage.ProcessTag;
import dev.procession.app.stage.StageBase;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageIcons;
import dev.procession.app.stage.StageStyles;
import dev.procession.app.stage.Columns;
import dev.procession.app.stage.Zone;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.FlagState;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The traffic-light scenario: a daemon light process sets and clears an Event; car processes
 * queue before the stop line while they wait on it, and cross once the log says they went on.
 */
public final class TrafficLightStage extends StageBase {
    static final String CAR = "car";
    static final String ROAD = "road";
    static final String STOP_LINE = "stop-line";
    static final String WAITING_ZONE = "road-waiting";
    static final String PASSED_ZONE = "road-passed";
    private static final String LIGHT_ROLE = "traffic_light";
    private static final String CAR_ROLE = "car";
    /** The end of what a car prints once past the line: TrafficLightScenario.car prints "car3 through". */
    private static final String THROUGH_PRINT = " through";

    private final LightPole pole = new LightPole();
    private final VBox lightBox = new VBox(8, pole);
    private final Label through = new Label();
    private final VBox mainBox = new VBox(6);
    private final Zone waiting = new Zone(WAITING_ZONE, Messages.text("stage.traffic.waiting")).fromTheRight();
    private final Zone passed = new Zone(PASSED_ZONE, Messages.text("stage.traffic.passed"));
    private final Departures departures = new Departures(motion);
    /** Cars that crossed, in the order the log says they did. */
    private final Set<Long> crossed = new LinkedHashSet<>();
    /** Cars whose wait(timeout) on the Event expired: they stay before the line until they leave. */
    private final Set<Long> turnedBack = new LinkedHashSet<>();

    public TrafficLightStage(StageContext context) {
        super(context, "traffic-light-stage", new VBox(16));
        VBox content = (VBox) layoutRoot();
        through.getStyleClass().add(StageStyles.BIG_NUMBER);
        StageStyles.wrapInFull(through);
        VBox caption = new VBox(8, through, mainBox);
        lightBox.setMaxWidth(Region.USE_PREF_SIZE);
        Columns top = new Columns(24, StageStyles.ZONE_MIN_WIDTH, lightBox, caption);
        Region line = new Region();
        line.getStyleClass().add(STOP_LINE);
        Label stop = new Label(Messages.text("stage.traffic.stop"));
        stop.getStyleClass().add("stop-word");
        VBox lineBox = new VBox(4, stop, line);
        VBox.setVgrow(line, Priority.ALWAYS);
        lineBox.setMaxWidth(Region.USE_PREF_SIZE);
        Columns road = new Columns(12, StageStyles.ZONE_MIN_WIDTH, waiting, lineBox, passed);
        road.getStyleClass().add(ROAD);
        content.getChildren().addAll(top, road);
    }

    @Override
    protected void draw(RunState state, List<Event> newEvents) {
        FlagState flag = state.primitives(FlagState.class).stream().findFirst().orElse(null);
        noteCrossings(state, flag, newEvents);
        pole.show(flag != null && flag.set(), flag == null ? Messages.text("stage.traffic.theEvent") : flag.label());

        Map<Node, Point2D> before = motion.positions(tags.all().values());
        List<Node> queue = new ArrayList<>();
        List<Node> across = new ArrayList<>();
        if (flag != null) {
            for (long pid : flag.waiters()) {
                ProcState p = state.process(pid);
                if (p != null && CAR_ROLE.equals(p.role()) && !crossed.contains(pid)) {
                    queue.add(car(p, state));
                }
            }
        }
        for (ProcState p : state.processes().values()) {
            if (!isCar(p) || departures.gone(p.pid())) {
                continue;
            }
            ProcessTag tag = car(p, state);
            if (crossed.contains(p.pid())) {
                continue;
            }
            if (!queue.contains(tag)) {
                queue.add(tag);
            }
        }
        for (long pid : crossed) {
            if (!departures.gone(pid)) {
                across.add(tags.get(pid));
            }
        }
        List<Node> fresh = new ArrayList<>(queue);
        fresh.addAll(across);
        fresh.removeIf(before::containsKey);
        waiting.arrange(queue);
        passed.arrange(across);
        motion.glideFrom(before, layoutRoot());
        fresh.forEach(motion::fadeIn);
        for (ProcState p : state.processes().values()) {
            if (isCar(p) && !p.alive() && !departures.gone(p.pid())) {
                ProcessTag tag = tags.get(p.pid());
                departures.leave(p.pid(), tag, () -> {
                    waiting.items().remove(tag);
                    passed.items().remove(tag);
                });
            }
        }
        drawLightAndMain(state);
        long cars = state.processes().values().stream().filter(TrafficLightStage::isCar).count();
        through.setText(Messages.text("stage.traffic.caption", crossed.size(), cars));
        waiting.setTitle(Messages.text("stage.traffic.waiting.count", queue.size()));
        passed.setTitle(Messages.text("stage.traffic.passed.count", across.size()));
    }

    /**
     * A car crossed when its check found the Event set, its wait on the Event ended, or (when its
     * wait() found the flag set already, which the hub does not log) it said it went through. A
     * car whose wait(timeout) timed out turned back: it never crosses.
     */
    private void noteCrossings(RunState state, FlagState flag, List<Event> newEvents) {
        for (Event e : newEvents) {
            ProcState p = state.process(e.pid());
            if (p == null || !CAR_ROLE.equals(p.role()) || flag == null) {
                continue;
            }
            boolean onFlag = flag.ref().equals(e.obj());
            boolean foundSet = onFlag && e.kind() == EventKind.CHECK && Boolean.TRUE.equals(e.get("set"));
            boolean woke = onFlag && e.kind() == EventKind.WOKE;
            boolean saidSo = e.kind() == EventKind.PRINT && e.text("text") != null
                    && e.text("text").endsWith(THROUGH_PRINT);
            if (onFlag && e.kind() == EventKind.TIMEOUT) {
                turnedBack.add(e.pid());
            }
            boolean done = e.kind() == EventKind.EXIT && Long.valueOf(0).equals(e.get("exitcode"))
                    && !turnedBack.contains(e.pid());
            if (foundSet || woke || saidSo || done) {
                crossed.add(e.pid());
            }
        }
    }

    private static boolean isCar(ProcState p) {
        return CAR_ROLE.equals(p.role());
    }

    private ProcessTag car(ProcState p, RunState state) {
        ProcessTag tag = tags.of(p.pid(), pid -> new ProcessTag(pid, CAR));
        if (!p.alive()) {
            tag.update(p, state);
        } else if (crossed.contains(p.pid())) {
            tag.update(p, Messages.text("stage.traffic.car.through"), StageIcons.CAR);
        } else if (turnedBack.contains(p.pid())) {
            tag.update(p, Messages.text("stage.traffic.car.turnedBack"), StageIcons.CAR);
        } else if (p.status() == ProcStatus.BLOCKED) {
            tag.update(p, Messages.text("stage.traffic.car.waiting"), StageIcons.BLOCKED);
        } else if (p.status() == ProcStatus.PAUSED || p.status() == ProcStatus.STARTING) {
            tag.update(p, state);
        } else {
            tag.update(p, Messages.text("stage.traffic.car.arriving"), StageIcons.CAR);
        }
        return tag;
    }

    private void drawLightAndMain(RunState state) {
        for (ProcState p : state.processes().values()) {
            if (LIGHT_ROLE.equals(p.role())) {
                ProcessTag tag = tags.of(p.pid(), pid -> new ProcessTag(pid, "light"));
                tag.update(p, state);
                if (!lightBox.getChildren().contains(tag)) {
                    lightBox.getChildren().add(tag);
                }
            } else if ("main".equals(p.role())) {
                ProcessTag tag = tags.of(p.pid(), pid -> new ProcessTag(pid, "main-program"));
                tag.update(p, state);
                if (!mainBox.getChildren().contains(tag)) {
                    mainBox.getChildren().add(tag);
                }
            }
        }
    }

    // ---------------------------------------------------------------- what tests read

    /** The pids of the cars drawn before the stop line, nearest the line first. */
    public List<Long> waitingCars() {
        return pidsIn(waiting);
    }

    /** The pids of the cars drawn past the stop line. */
    public List<Long> passedCars() {
        return pidsIn(passed);
    }

    public boolean showsGreen() {
        return pole.getPseudoClassStates().contains(StageStyles.ON);
    }

    public String caption() {
        return through.getText();
    }

    private static List<Long> pidsIn(Zone zone) {
        return zone.items().stream().map(n -> (Long) n.getProperties().get(StageStyles.PID_KEY)).toList();
    }
}
