package dev.procession.app.stage.ktv;

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
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import dev.procession.model.RunState;
import dev.procession.model.SemaphoreState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The KTV scenario: a room of {@code initial} seats guarded by a Semaphore. People queue at the
 * door in the order they wait, sit while they hold a unit, and walk out when they release it.
 */
public final class KtvStage extends StageBase {
    static final String PERSON = "person";
    static final String ROOM = "ktv-room";
    static final String DOOR_ZONE = "ktv-door";
    static final String OUT_ZONE = "ktv-out";
    private static final String PERSON_ROLE = "ktv";
    private static final double MICROS = 1_000_000.0;

    private final Label taken = new Label();
    private final Label semaphoreLine = new Label();
    private final VBox mainBox = new VBox();
    private final Zone door = new Zone(DOOR_ZONE, Messages.text("stage.ktv.door")).fromTheRight();
    private final FlowPane seats = new FlowPane(12, 12);
    private final Zone out = new Zone(OUT_ZONE, Messages.text("stage.ktv.out"));
    private final List<SeatView> seatViews = new ArrayList<>();
    private final Map<Long, Integer> seatOf = new HashMap<>();
    private final Map<Long, Long> satAt = new HashMap<>();
    /** People who have sat at least once: after they stand up they are on their way out. */
    private final Set<Long> hasSat = new HashSet<>();
    private final Departures departures = new Departures(motion);

    public KtvStage(StageContext context) {
        super(context, "ktv-stage", new VBox(16));
        VBox content = (VBox) layoutRoot();
        taken.getStyleClass().add(StageStyles.BIG_NUMBER);
        semaphoreLine.getStyleClass().add(StageStyles.CAPTION);
        Label roomTitle = new Label(Messages.text("stage.ktv.room"));
        roomTitle.getStyleClass().add(StageStyles.ZONE_TITLE);
        VBox room = new VBox(8, roomTitle, seats);
        room.getStyleClass().addAll(StageStyles.ZONE, ROOM);
        Columns floor = new Columns(12, StageStyles.ZONE_MIN_WIDTH, door, room, out);
        seats.setPrefWrapLength(200);
        StageStyles.wrapInFull(taken);
        StageStyles.wrapInFull(semaphoreLine);
        Columns top = new Columns(24, StageStyles.ZONE_MIN_WIDTH, new VBox(4, taken, semaphoreLine), mainBox);
        content.getChildren().addAll(top, floor);
    }

    @Override
    protected void draw(RunState state, List<Event> newEvents) {
        SemaphoreState sem = state.primitives(SemaphoreState.class).stream().findFirst().orElse(null);
        for (Event e : newEvents) {
            if (e.kind() == EventKind.ACQUIRED && sem != null && sem.ref().equals(e.obj())) {
                satAt.put(e.pid(), e.micros());
            }
        }
        Map<Node, Point2D> before = motion.positions(tags.all().values());
        Set<Long> holders = sem == null ? Set.of() : new LinkedHashSet<>(sem.holders());
        ensureSeats(sem == null ? 0 : (int) Math.max(sem.initial(), holders.size()));
        seatOf.keySet().removeIf(pid -> !holders.contains(pid));
        for (long pid : holders) {
            hasSat.add(pid);
            if (!seatOf.containsKey(pid)) {
                seatOf.put(pid, firstFreeSeat());
            }
        }
        List<Node> queue = new ArrayList<>();
        if (sem != null) {
            sem.waiters().stream().map(state::process).filter(p -> p != null && isPerson(p))
                    .forEach(p -> queue.add(person(p, state, Messages.text("stage.ktv.person.waiting"),
                            StageIcons.BLOCKED)));
        }
        List<Node> leaving = new ArrayList<>();
        Node[] seated = new Node[seatViews.size()];
        for (ProcState p : state.processes().values()) {
            if (!isPerson(p) || departures.gone(p.pid())) {
                continue;
            }
            if (seatOf.containsKey(p.pid())) {
                seated[seatOf.get(p.pid())] = person(p, state, Messages.text("stage.ktv.person.singing"),
                        StageIcons.PERSON);
            } else if (hasSat.contains(p.pid()) || !p.alive()) {
                leaving.add(person(p, state, Messages.text("stage.ktv.person.left"), StageIcons.PERSON));
            } else if (sem == null || !sem.waiters().contains(p.pid())) {
                queue.add(person(p, state, Messages.text("stage.ktv.person.arriving"), StageIcons.PERSON));
            }
        }
        List<Node> fresh = new ArrayList<>(queue);
        fresh.addAll(leaving);
        fresh.removeIf(before::containsKey);
        door.arrange(queue);
        out.arrange(leaving);
        for (int i = 0; i < seatViews.size(); i++) {
            seatViews.get(i).seat(seated[i], seconds(seated[i], state));
        }
        motion.glideFrom(before, layoutRoot());
        fresh.forEach(motion::fadeIn);
        for (ProcState p : state.processes().values()) {
            if (isPerson(p) && !p.alive() && !departures.gone(p.pid()) && !seatOf.containsKey(p.pid())) {
                ProcessTag tag = tags.get(p.pid());
                departures.leave(p.pid(), tag, () -> {
                    door.items().remove(tag);
                    out.items().remove(tag);
                });
            }
        }
        showMain(state, mainBox);
        caption(sem, holders.size(), queue.size());
    }

    @Override
    protected void clockMoved(RunState state) {
        for (SeatView seat : seatViews) {
            if (seat.person() != null) {
                seat.seat(seat.person(), seconds(seat.person(), state));
            }
        }
    }

    /** How long the person in a seat has sat there, by the run's clock. */
    private double seconds(Node person, RunState state) {
        Long pid = person == null ? null : (Long) person.getProperties().get(StageStyles.PID_KEY);
        return pid == null ? 0 : (state.micros() - satAt.getOrDefault(pid, state.micros())) / MICROS;
    }

    private void caption(SemaphoreState sem, int seated, int queued) {
        if (sem == null) {
            taken.setText(Messages.text("stage.ktv.noRoom"));
            semaphoreLine.setText(" ");
            return;
        }
        taken.setText(Messages.text("stage.ktv.caption", seated, sem.initial()));
        semaphoreLine.setText(Messages.text("stage.ktv.semaphore", sem.label(), sem.initial(), sem.value(),
                sem.waiters().size()));
        door.setTitle(Messages.text("stage.ktv.door.count", queued));
        out.setTitle(Messages.text("stage.ktv.out.count", departures.goneCount()));
    }

    private void ensureSeats(int count) {
        while (seatViews.size() < count) {
            SeatView seat = new SeatView(seatViews.size());
            seatViews.add(seat);
            seats.getChildren().add(seat);
        }
    }

    private int firstFreeSeat() {
        for (int i = 0; i < seatViews.size(); i++) {
            if (!seatOf.containsValue(i)) {
                return i;
            }
        }
        throw new IllegalStateException("more holders than seats");
    }

    private static boolean isPerson(ProcState p) {
        return PERSON_ROLE.equals(p.role());
    }

    private ProcessTag person(ProcState p, RunState state, String word, StageIcons icon) {
        ProcessTag tag = tags.of(p.pid(), pid -> new ProcessTag(pid, PERSON));
        if (!p.alive() || p.status() == ProcStatus.PAUSED || p.status() == ProcStatus.STARTING) {
            tag.update(p, state);
        } else {
            tag.update(p, word, icon);
        }
        return tag;
    }


    // ---------------------------------------------------------------- what tests read

    /** The pids seated, seat by seat (null for a free seat). */
    public List<Long> seatedPids() {
        return seatViews.stream().map(s -> s.person() == null ? null
                : (Long) s.person().getProperties().get(StageStyles.PID_KEY)).toList();
    }

    /** The pids queued at the door, first in line first. */
    public List<Long> doorQueue() {
        return door.items().stream().map(n -> (Long) n.getProperties().get(StageStyles.PID_KEY)).toList();
    }

    public String caption() {
        return taken.getText();
    }
}
