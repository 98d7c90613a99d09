package dev.procession.app.stage.pool;

import dev.procession.app.Messages;
import dev.procession.app.Children;
import dev.procession.app.stage.FlightLayer;
import dev.procession.app.stage.ItemLane;
import dev.procession.app.stage.ProcessTag;
import dev.procession.app.stage.StageBase;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageIcons;
import dev.procession.app.stage.StageStyles;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.PoolState;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The pool scenario: one desk per worker process with the task it runs, the task inbox with the
 * tasks not taken yet, and the results tray in the order tasks finished; the owner waits for
 * results. A task flies from the inbox to the desk that took it, a result from the desk to the tray.
 */
public final class PoolStage extends StageBase {
    static final String WORKER = "pool-worker";
    static final String DESKS = "pool-desks";
    static final String INBOX = "pool-inbox";
    static final String RESULTS = "pool-results";
    private static final String WORKER_ROLE = "$pool-worker";

    private final FlightLayer flights = new FlightLayer();
    private final Label headline = new Label();
    private final VBox mainBox = new VBox();
    private final ItemLane inbox = new ItemLane(INBOX, Messages.text("stage.pool.inbox"));
    private final FlowPane deskRow = new FlowPane(12, 12);
    private final ItemLane results = new ItemLane(RESULTS, Messages.text("stage.pool.results"));
    private final Map<Long, DeskView> desks = new LinkedHashMap<>();
    /** The tasks handed to the pool and not taken yet, oldest first: "job/task" to its label. */
    private final Map<String, String> waiting = new LinkedHashMap<>();

    public PoolStage(StageContext context) {
        super(context, "pool-stage", new StackPane());
        headline.getStyleClass().add(StageStyles.BIG_NUMBER);
        deskRow.setPrefWrapLength(500);
        Label desksTitle = new Label(Messages.text("stage.pool.desks"), StageIcons.WORKER.node());
        desksTitle.getStyleClass().add(StageStyles.ZONE_TITLE);
        VBox deskZone = new VBox(8, desksTitle, deskRow);
        deskZone.getStyleClass().addAll(StageStyles.ZONE, DESKS);
        HBox floor = new HBox(12, inbox, deskZone, results);
        HBox.setHgrow(deskZone, Priority.ALWAYS);
        inbox.setPrefWidth(260);
        inbox.setMinWidth(220);
        results.setPrefWidth(300);
        results.setMinWidth(240);
        VBox content = new VBox(16, new HBox(24, headline, mainBox), floor);
        ((StackPane) layoutRoot()).getChildren().addAll(content, flights);
    }

    @Override
    protected void draw(RunState state, List<Event> newEvents) {
        PoolState pool = state.primitives(PoolState.class).stream().findFirst().orElse(null);
        Map<Node, Point2D> before = positionsBefore(inbox, results);
        showDesks(state, pool);
        showOwner(state, pool);
        if (pool != null) {
            for (Event e : newEvents) {
                if (pool.ref().equals(e.obj())) {
                    follow(e);
                }
            }
            inbox.sync(List.copyOf(waiting.values()), 0, before);
            results.sync(pool.results(), 0, before);
        }
        glideFrom(before);
        motion.afterLayout(() -> {
            inbox.animate(flights, motion);
            results.animate(flights, motion);
        });
        captions(pool);
    }

    /** A pool event moves a task into the inbox, from the inbox to a desk, or a result to the tray. */
    private void follow(Event e) {
        String job = String.valueOf(e.get("job"));
        switch (e.kind()) {
            case SUBMIT -> {
                long n = e.get("tasks") instanceof Number t ? t.longValue() : 0;
                for (long i = 0; i < n; i++) {
                    String label = Messages.text("stage.pool.task", String.valueOf(e.get("target")), i, job);
                    waiting.put(job + "/" + i, label);
                    inbox.put(label, tags.get(e.pid()));
                }
            }
            case TASK -> {
                int index = new ArrayList<>(waiting.keySet()).indexOf(job + "/" + e.get("task"));
                if (index >= 0) {
                    waiting.remove(job + "/" + e.get("task"));
                    inbox.take(index, desks.containsKey(e.pid()) ? desks.get(e.pid()) : null);
                }
            }
            // The fold's own text for a result (PoolState), so that the chip reads the same once it lands.
            case TASK_DONE, TASK_FAILED -> results.put(e.kind() == EventKind.TASK_DONE
                    ? job + "/" + e.get("task") + " = " + e.get("result")
                    : job + "/" + e.get("task") + " raised " + e.get("error"), desks.get(e.pid()));
            case TERMINATE -> waiting.clear();
            default -> { }
        }
    }

    private void showDesks(RunState state, PoolState pool) {
        List<Long> pids = new ArrayList<>(pool == null ? List.of() : pool.workers());
        for (ProcState p : state.processes().values()) {
            if (WORKER_ROLE.equals(p.role()) && !pids.contains(p.pid())) {
                pids.add(p.pid());
            }
        }
        for (long pid : pids) {
            ProcState p = state.process(pid);
            if (p == null) {
                continue;
            }
            ProcessTag tag = tags.of(pid, id -> new ProcessTag(id, WORKER));
            DeskView desk = desks.computeIfAbsent(pid, id -> new DeskView(tag));
            String task = pool == null ? null : pool.running().get(pid);
            boolean idle = pool != null && pool.idle().contains(pid);
            if (task != null) {
                tag.updateStory(p, state, p.status() == ProcStatus.SLEEPING
                        ? Messages.text("stage.pool.worker.sleeping") : Messages.text("stage.pool.worker.working"),
                        StageIcons.TASK);
            } else if (idle) {
                tag.updateStory(p, state, Messages.text("stage.pool.worker.waiting"), StageIcons.BLOCKED);
            } else {
                tag.update(p, state);
            }
            desk.show(task, idle ? DeskView.IDLE : p.alive() ? Messages.text("stage.pool.desk.noTask")
                    : Messages.text("stage.pool.desk.gone"));
        }
        List<Node> row = pids.stream().filter(desks::containsKey).map(desks::get).map(Node.class::cast).toList();
        Children.arrange(deskRow.getChildren(), row);
    }

    private void showOwner(RunState state, PoolState pool) {
        showMain(state, mainBox);
        ProcState main = state.main();
        if (main != null && pool != null && main.status() == ProcStatus.BLOCKED
                && pool.ref().equals(main.blockedOn())) {
            tags.get(main.pid()).updateStory(main, state, Messages.text("stage.pool.owner.waiting"),
                    StageIcons.BLOCKED);
        }
    }

    private void captions(PoolState pool) {
        if (pool == null) {
            headline.setText(Messages.text("stage.pool.none"));
            return;
        }
        headline.setText(Messages.text("stage.pool.headline", pool.processes(), pool.state(), pool.results().size()));
        inbox.setTitle(Messages.text("stage.pool.inbox.count", pool.queued()));
        results.setTitle(pool.failed() > 0
                ? Messages.text("stage.pool.results.countFailed", pool.results().size(), pool.failed())
                : Messages.text("stage.pool.results.count", pool.results().size()));
    }

    // ---------------------------------------------------------------- what tests read

    /** Each desk's worker pid to what its desk shows: the running task, or "idle". */
    public Map<Long, String> desks() {
        Map<Long, String> out = new LinkedHashMap<>();
        desks.forEach((pid, desk) -> {
            if (deskRow.getChildren().contains(desk)) {
                out.put(pid, desk.shown());
            }
        });
        return out;
    }

    /** The tasks drawn in the inbox, oldest first. */
    public List<String> inboxTasks() {
        return inbox.shownItems();
    }

    public String inboxTitle() {
        return inbox.titleText();
    }

    public List<String> resultsShown() {
        return results.shownItems();
    }
}
