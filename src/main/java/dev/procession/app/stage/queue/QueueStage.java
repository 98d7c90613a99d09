package dev.procession.app.stage.queue;

import dev.procession.app.Messages;
import dev.procession.app.stage.FlightLayer;
import dev.procession.app.stage.ItemLane;
import dev.procession.app.stage.ProcessTag;
import dev.procession.app.stage.StageBase;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageIcons;
import dev.procession.app.stage.StageStyles;
import dev.procession.app.stage.Zone;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.ProcState;
import dev.procession.model.QueueState;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The queue scenario as a conveyor belt: producers on the left put items on it, the consumer on
 * the right takes them off, oldest first. A bounded belt has {@code maxsize} places; producers
 * that find it full wait at its entrance, a consumer that finds it empty waits at its exit.
 */
public final class QueueStage extends StageBase {
    static final String PRODUCER = "producer";
    static final String CONSUMER = "consumer";
    static final String BELT = "queue-belt";
    static final String PRODUCERS_ZONE = "queue-producers";
    static final String PUTTERS_ZONE = "queue-putters";
    static final String DONE_ZONE = "queue-done";
    static final String GETTERS_ZONE = "queue-getters";
    static final String CONSUMERS_ZONE = "queue-consumers";

    private final FlightLayer flights = new FlightLayer();
    private final Label headline = new Label();
    private final Label counts = new Label();
    private final Zone producers = new Zone(PRODUCERS_ZONE, Messages.text("stage.queue.producers"));
    private final Zone putters = new Zone(PUTTERS_ZONE, Messages.text("stage.queue.putters")).fromTheRight();
    private final Zone done = new Zone(DONE_ZONE, Messages.text("stage.queue.done"));
    private final ItemLane belt = new ItemLane(BELT, Messages.text("stage.queue.theQueue")).towardsTheRight();
    private final Zone getters = new Zone(GETTERS_ZONE, Messages.text("stage.queue.getters"));
    private final Zone consumers = new Zone(CONSUMERS_ZONE, Messages.text("stage.queue.consumer"));
    /** What each producer put, or is waiting to put: its item's repr. */
    private final Map<Long, String> itemOf = new HashMap<>();
    private final Map<Long, Boolean> hasPut = new HashMap<>();
    /** Producers whose put_nowait found the queue full (queue.Full): their item is lost. */
    private final Set<Long> refusedPut = new HashSet<>();
    private long puts;
    private long gets;
    /** Non-blocking puts refused with Full and gets refused with Empty. */
    private long fulls;
    private long empties;

    public QueueStage(StageContext context) {
        super(context, "queue-stage", new StackPane());
        headline.getStyleClass().add(StageStyles.BIG_NUMBER);
        counts.getStyleClass().add(StageStyles.CAPTION);
        VBox left = new VBox(12, producers, putters, done);
        VBox right = new VBox(12, getters, consumers);
        HBox floor = new HBox(12, left, belt, right);
        for (var column : List.of(left, belt, right)) {
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setPrefWidth(1);
        }
        HBox.setHgrow(belt, Priority.ALWAYS);
        belt.setPrefWidth(2);
        VBox content = new VBox(16, new VBox(4, headline, counts), floor);
        ((StackPane) layoutRoot()).getChildren().addAll(content, flights);
    }

    @Override
    protected void draw(RunState state, List<Event> newEvents) {
        QueueState q = state.primitives(QueueState.class).stream().findFirst().orElse(null);
        Map<Node, Point2D> before = positionsBefore(belt);
        List<Node> waitingToPut = new ArrayList<>();
        List<Node> waitingToGet = new ArrayList<>();
        List<Node> toPut = new ArrayList<>();
        List<Node> finished = new ArrayList<>();
        List<Node> consuming = new ArrayList<>();
        for (Event e : newEvents) {
            noteItem(e, q);
        }
        for (ProcState p : state.processes().values()) {
            ProcessTag tag = tags.of(p.pid(), pid -> new ProcessTag(pid, "main".equals(p.role()) ? CONSUMER : PRODUCER));
            String label = q == null ? Messages.text("stage.queue.theQueue") : q.label();
            if (q != null && q.putters().contains(p.pid())) {
                tag.updateStory(p, state, Messages.text("stage.queue.producer.waiting", itemOf.get(p.pid()), label),
                        StageIcons.BLOCKED);
            } else if (q != null && q.getters().contains(p.pid())) {
                tag.updateStory(p, state, Messages.text("stage.queue.consumer.waiting", label), StageIcons.BLOCKED);
                waitingToGet.add(tag);
            } else if ("main".equals(p.role())) {
                tag.update(p, state);
                consuming.add(tag);
            } else if (refusedPut.contains(p.pid())) {
                tag.update(p, Messages.text("stage.queue.producer.full", label), StageIcons.CLOSED);
                finished.add(tag);
            } else if (hasPut.containsKey(p.pid())) {
                tag.update(p, p.alive() ? Messages.text("stage.queue.producer.put", itemOf.get(p.pid()))
                        : Messages.text("stage.queue.producer.putExited", itemOf.get(p.pid()), p.exitCode()),
                        StageIcons.PUT);
                finished.add(tag);
            } else {
                tag.update(p, state);
                toPut.add(tag);
            }
        }
        if (q != null) {
            q.putters().stream().map(tags::get).filter(t -> t != null).forEach(waitingToPut::add);
        }
        producers.arrange(toPut);
        putters.arrange(waitingToPut);
        done.arrange(finished);
        getters.arrange(waitingToGet);
        consumers.arrange(consuming);
        if (q != null) {
            for (Event e : newEvents) {
                if (q.ref().equals(e.obj()) && e.kind() == EventKind.PUT) {
                    belt.put(String.valueOf(e.get("item")), tags.get(e.pid()));
                } else if (q.ref().equals(e.obj()) && e.kind() == EventKind.GOT) {
                    belt.take(0, tags.get(e.pid()));
                }
            }
            int room = q.bounded() ? (int) Math.max(0, q.maxsize() - q.size()) : 0;
            belt.sync(q.items().toList(), room, before);
        }
        glideFrom(before);
        motion.afterLayout(() -> belt.animate(flights, motion));
        caption(q);
    }

    private void noteItem(Event e, QueueState q) {
        if (q == null || !q.ref().equals(e.obj())) {
            return;
        }
        switch (e.kind()) {
            case PUT_WAIT -> itemOf.put(e.pid(), String.valueOf(e.get("item")));
            case PUT -> {
                itemOf.put(e.pid(), String.valueOf(e.get("item")));
                hasPut.put(e.pid(), true);
                puts++;
            }
            case GOT -> gets++;
            case TIMEOUT -> noteRefusal(e);
            default -> { }
        }
    }

    /** A put that raised Full or a get that raised Empty (at once, or when its timeout expired). */
    private void noteRefusal(Event e) {
        if ("put".equals(e.get("op"))) {
            refusedPut.add(e.pid());
            fulls++;
        } else if ("get".equals(e.get("op"))) {
            empties++;
        }
    }

    private void caption(QueueState q) {
        if (q == null) {
            headline.setText(Messages.text("stage.queue.none"));
            counts.setText(" ");
            return;
        }
        String kind = q.type() + "(" + (q.bounded() ? "maxsize=" + q.maxsize() : "") + ")";
        String fill;
        if (!q.bounded()) {
            fill = q.size() == 1 ? Messages.text("stage.queue.fill.one", q.size())
                    : Messages.text("stage.queue.fill.many", q.size());
        } else if (q.size() >= q.maxsize()) {
            fill = Messages.text("stage.queue.fill.full", q.size(), q.maxsize());
        } else {
            fill = Messages.text("stage.queue.fill.bounded", q.size(), q.maxsize());
        }
        headline.setText(q.closed() ? Messages.text("stage.queue.headline.closed", q.label(), kind, fill)
                : Messages.text("stage.queue.headline", q.label(), kind, fill));
        counts.setText(fulls + empties == 0 ? Messages.text("stage.queue.counts", puts, gets)
                : Messages.text("stage.queue.counts.refused", puts, gets, fulls, empties));
        belt.setTitle(Messages.text("stage.queue.belt", q.label()));
        putters.setTitle(Messages.text("stage.queue.putters.count", q.putters().size()));
        getters.setTitle(Messages.text("stage.queue.getters.count", q.getters().size()));
        // Refused producers finish too, but put nothing: the title says how many of each.
        done.setTitle(refusedPut.isEmpty() ? Messages.text("stage.queue.done.count", done.items().size())
                : Messages.text("stage.queue.done.count.refused", done.items().size() - refusedPut.size(),
                        refusedPut.size()));
    }

    // ---------------------------------------------------------------- what tests read

    /** The items on the belt, oldest first. */
    public List<String> beltItems() {
        return belt.shownItems();
    }

    /** The producers waiting at the belt's entrance, first in line first. */
    public List<Long> waitingPutters() {
        return putters.pids();
    }

    /** The consumers waiting at the belt's exit. */
    public List<Long> waitingGetters() {
        return getters.pids();
    }

    public String headlineText() {
        return headline.getText();
    }

    public String countsText() {
        return counts.getText();
    }
}
