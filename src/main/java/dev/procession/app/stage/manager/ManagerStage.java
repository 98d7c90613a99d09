package dev.procession.app.stage.manager;

import dev.procession.app.Messages;
import dev.procession.app.stage.FlightLayer;
import dev.procession.app.stage.PadlockView;
import dev.procession.app.stage.ProcessTag;
import dev.procession.app.stage.StageBase;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageIcons;
import dev.procession.app.stage.StageStyles;
import dev.procession.app.stage.ProcessNames;
import dev.procession.app.stage.Zone;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.LockState;
import dev.procession.model.ManagerState;
import dev.procession.model.PrimitiveState;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import dev.procession.model.RunState;
import dev.procession.model.SharedObjectState;
import dev.procession.protocol.PyRepr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The manager scenario: the Manager's server process holds the shared dict, worker processes
 * around it send it their reads and writes, each call a message to the server and its answer
 * back. Without the lock, updates get lost and the stage counts them; with it, the padlock shows
 * who holds it. Each round (a Manager of its own) replaces the last; finished rounds keep a line.
 */
public final class ManagerStage extends StageBase {
    static final String WORKER = "manager-worker";
    static final String SERVER = "manager-server-process";
    static final String WORKERS_ZONE = "manager-workers";
    private static final String WORKER_ROLE = "work";
    private static final String SERVER_ROLE = "$manager";
    private static final String KEY = "count";
    /** What main prints after each round: ManagerScenario.main prints "without lock 37" (or "with lock 0"). */
    private static final Pattern ROUND_PRINT = Pattern.compile("^(with|without) lock (-?\\d+)$");

    /** One Manager with the dict and Lock main made next to it. */
    private record Round(ManagerState manager, SharedObjectState dict, LockState lock) {
    }

    private final FlightLayer flights = new FlightLayer().lettingFlightsLand();
    private final Label headline = new Label();
    private final VBox history = new VBox(4);
    private final Zone workers = new Zone(WORKERS_ZONE, Messages.text("stage.manager.workers"));
    private final ServerView server = new ServerView();
    private final PadlockView padlock = new PadlockView();
    private final Label noLock = new Label();
    private final VBox mainBox = new VBox();
    /** The round each process (not main) first appeared in. */
    private final Map<Long, Integer> roundOf = new HashMap<>();
    /** Calls waiting for the server, in the order they were made: caller to the call's op. */
    private final Map<Long, String> pending = new LinkedHashMap<>();
    /**
     * The last answer each worker got, shown on its element: at a high call rate the answers' flights
     * are cut short by the caller's next call, and this is where an answer can still be read.
     */
    private final Map<Long, String> lastAnswer = new HashMap<>();
    private final Map<Integer, Long> printed = new HashMap<>();
    private final Map<Integer, Long> startOf = new HashMap<>();
    private final Set<String> usedLocks = new HashSet<>();
    private final List<LostUpdates> results = new ArrayList<>();

    public ManagerStage(StageContext context) {
        super(context, "manager-stage", new StackPane());
        headline.getStyleClass().add(StageStyles.BIG_NUMBER);
        noLock.getStyleClass().add(StageStyles.CAPTION);
        noLock.setWrapText(true);
        noLock.setMaxWidth(320);
        VBox lockSide = new VBox(12, padlock, noLock, mainBox);
        lockSide.setMinWidth(300);
        lockSide.setMaxWidth(340);
        workers.setMinWidth(270);
        // The server keeps the width its count and its calls need; the workers take what is left.
        server.setMinWidth(Region.USE_PREF_SIZE);
        HBox floor = new HBox(12, workers, server);
        HBox.setHgrow(workers, Priority.ALWAYS);
        workers.setPrefWidth(1);
        // The lock and the main program go under the floor: beside it they squeezed the server on a
        // stage of ordinary width, and its calls spilled over the workers.
        VBox content = new VBox(16, headline, history, floor, lockSide);
        ((StackPane) layoutRoot()).getChildren().addAll(content, flights);
    }

    @Override
    protected void draw(RunState state, List<Event> newEvents) {
        List<Round> rounds = rounds(state);
        int r = rounds.size() - 1;
        for (ProcState p : state.processes().values()) {
            if (!"main".equals(p.role())) {
                roundOf.putIfAbsent(p.pid(), Math.max(0, r));
            }
        }
        Map<Node, Point2D> before = positionsBefore(server.calls());
        Round round = r < 0 ? null : rounds.get(r);
        callsToTheServer(state, newEvents, r, rounds, before);
        // The scenario's second round takes the lock (for use_lock in (False, True)); an acquire says so too.
        boolean withLock = round != null && round.lock() != null && (locked(state, r) || usedLocks.contains(round.lock().ref()));
        showProcesses(state, r, round, withLock);
        showMain(state, mainBox);
        LostUpdates score = round == null || round.dict() == null ? null : score(state, r, round.dict());
        Map<Object, Object> contents = round == null || round.dict() == null ? null : dict(round.dict());
        server.show(serverTag(state, r, round), "d", contents, contents == null ? null : contents.get(KEY), score);
        glideFrom(before);
        motion.afterLayout(() -> {
            flights.landMoved();
            server.calls().animate(flights, motion);
        });
        captions(rounds, r, withLock, state);
    }

    private List<Round> rounds(RunState state) {
        List<Round> out = new ArrayList<>();
        for (PrimitiveState p : state.primitives().values()) {
            if (p instanceof ManagerState m) {
                out.add(new Round(m, null, null));
            } else if (!out.isEmpty() && p instanceof SharedObjectState d && out.getLast().dict() == null
                    && (d.manager() == null || d.manager().equals(out.getLast().manager().ref()))) {
                out.set(out.size() - 1, new Round(out.getLast().manager(), d, null));
            } else if (!out.isEmpty() && p instanceof LockState l && out.getLast().lock() == null) {
                out.set(out.size() - 1, new Round(out.getLast().manager(), out.getLast().dict(), l));
            }
        }
        return out;
    }

    private void showProcesses(RunState state, int r, Round round, boolean withLock) {
        LockState lock = round == null ? null : round.lock();
        Node holder = null;
        List<Node> lockWaiters = new ArrayList<>();
        List<Node> others = new ArrayList<>();
        for (ProcState p : state.processes().values()) {
            if (!WORKER_ROLE.equals(p.role()) || roundOf.getOrDefault(p.pid(), -1) != r) {
                continue;
            }
            ProcessTag tag = tags.of(p.pid(), pid -> new ProcessTag(pid, WORKER));
            tag.setNote(lastAnswer.get(p.pid()), StageIcons.MESSAGE);
            String call = pending.get(p.pid());
            boolean holds = lock != null && p.alive() && Long.valueOf(p.pid()).equals(lock.holder());
            if (call != null && p.status() == ProcStatus.BLOCKED) {
                tag.updateStory(p, state, holds ? Messages.text("stage.manager.worker.asksHolding", call)
                        : Messages.text("stage.manager.worker.asks", call), StageIcons.MESSAGE);
            } else if (holds) {
                tag.updateStory(p, state, Messages.text("stage.manager.worker.holds"), StageIcons.LOCKED);
            } else if (lock != null && lock.waiters().contains(p.pid())) {
                tag.updateStory(p, state, Messages.text("stage.common.lock.waiting"), StageIcons.BLOCKED);
            } else {
                tag.update(p, state);
            }
            if (holds) {
                holder = tag;
            } else if (lock == null || !lock.waiters().contains(p.pid())) {
                others.add(tag);
            }
        }
        if (lock != null) {
            lock.waiters().stream().map(tags::get).filter(t -> t != null).forEach(lockWaiters::add);
        }
        workers.arrange(others);
        workers.setTitle(withLock ? Messages.text("stage.manager.workers.countNotAtLock", others.size())
                : Messages.text("stage.manager.workers.count", others.size()));
        padlock.setVisible(withLock);
        padlock.setManaged(withLock);
        noLock.setVisible(!withLock && round != null);
        noLock.setManaged(!withLock && round != null);
        if (lock != null) {
            padlock.show(lock, state, withLock ? holder : null, withLock ? lockWaiters : List.of());
        }
    }

    private Node serverTag(RunState state, int r, Round round) {
        Long pid = round == null ? null : round.manager().server();
        if (pid == null) {
            pid = state.processes().values().stream()
                    .filter(p -> SERVER_ROLE.equals(p.role()) && roundOf.getOrDefault(p.pid(), -1) == r)
                    .map(ProcState::pid).findFirst().orElse(null);
        }
        ProcState p = pid == null ? null : state.process(pid);
        if (p == null) {
            return null;
        }
        ProcessTag tag = tags.of(p.pid(), id -> new ProcessTag(id, SERVER));
        tag.updateStory(p, state, round.manager().state(), StageIcons.SERVER);
        return tag;
    }

    /**
     * This frame's proxy calls, in log order: a call goes to the server when its caller starts to
     * wait, and its answer comes back when the call ends. The lane then shows the fold's waiters.
     */
    private void callsToTheServer(RunState state, List<Event> newEvents, int r, List<Round> rounds,
                                  Map<Node, Point2D> before) {
        for (Event e : newEvents) {
            // What a caller does next lands the answer still flying to it: it is shown as done before.
            flights.land(tags.get(e.pid()));
            if (e.kind() == EventKind.ACQUIRED && e.obj() != null) {
                usedLocks.add(e.obj());
            }
            if (e.kind() == EventKind.PRINT && e.pid() == mainPid(state) && e.text("text") != null) {
                Matcher m = ROUND_PRINT.matcher(e.text("text"));
                if (m.matches() && r >= 0) {
                    printed.put(r, Long.parseLong(m.group(2)));
                }
            }
            if (e.kind() == EventKind.PROXY_WAIT) {
                pending.remove(e.pid());
                pending.put(e.pid(), String.valueOf(e.get("op")));
                server.calls().put(callText(state, e.pid()), tags.get(e.pid()));
            } else if (e.data().containsKey("outcome") && pending.containsKey(e.pid())) {
                int index = new ArrayList<>(pending.keySet()).indexOf(e.pid());
                String reply = e.kind() == EventKind.PROXY_ERROR ? Messages.text("stage.manager.reply.error")
                        : "→ " + PyRepr.of(e.get("value"));
                server.calls().answer(index, tags.get(e.pid()), reply);
                lastAnswer.put(e.pid(), Messages.text("stage.manager.worker.answer", pending.get(e.pid()), reply));
                pending.remove(e.pid());
            } else if (e.kind() == EventKind.EXIT) {
                pending.remove(e.pid());
            }
        }
        Set<String> proxies = new HashSet<>();
        rounds.forEach(x -> {
            if (x.dict() != null) {
                proxies.add(x.dict().ref());
            }
        });
        List<Long> order = new ArrayList<>(pending.keySet());
        List<String> waiting = state.processes().values().stream()
                .filter(p -> p.status() == ProcStatus.BLOCKED && proxies.contains(p.blockedOn()))
                .sorted(Comparator.comparingInt((ProcState p) -> order.contains(p.pid()) ? order.indexOf(p.pid())
                        : order.size()).thenComparingLong(ProcState::since))
                .map(p -> callText(state, p.pid())).toList();
        server.calls().sync(waiting, 0, before);
    }

    /** "getitem from Process-3 · 4121": a call drawn at the server names its caller. */
    private String callText(RunState state, long pid) {
        ProcState p = state.process(pid);
        String op = pending.getOrDefault(pid, Messages.text("stage.manager.call.unknown"));
        return Messages.text("stage.manager.call", op, p == null ? ProcessNames.pid(pid) : ProcessNames.nameAndPid(p));
    }

    private static long mainPid(RunState state) {
        ProcState main = state.main();
        return main == null ? -1 : main.pid();
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(SharedObjectState d) {
        return d.contents() instanceof Map<?, ?> m ? (Map<Object, Object>) m : Map.of();
    }

    /** The round's lost updates, from the scenario's parameters (or the count first seen) and the dict's writes. */
    private LostUpdates score(RunState state, int r, SharedObjectState d) {
        Object value = dict(d).get(KEY);
        Map<String, Object> params = state.header().params();
        if (value instanceof Number n) {
            startOf.putIfAbsent(r, params.get("count") instanceof Number c ? c.longValue() : n.longValue() + d.writes());
        }
        long planned = params.get("processes") instanceof Number ps && params.get("decrements") instanceof Number ds
                ? ps.longValue() * ds.longValue() : d.writes();
        LostUpdates score = new LostUpdates(startOf.getOrDefault(r, 0L), planned, d.writes(),
                value instanceof Number n ? n.longValue() : null, printed.containsKey(r));
        while (results.size() <= r) {
            results.add(null);
        }
        results.set(r, score);
        return score;
    }

    /**
     * Whether round {@code r} (from 0) is the one under the lock: the second of the seed's two, or
     * the only one when the run leaves out the round without it.
     */
    private static boolean locked(RunState state, int r) {
        boolean withoutFirst = !Boolean.FALSE.equals(state.header().params().get("unlocked"));
        return withoutFirst ? r % 2 == 1 : r % 2 == 0;
    }

    private void captions(List<Round> rounds, int r, boolean withLock, RunState state) {
        if (r < 0) {
            headline.setText(Messages.text("stage.manager.none"));
            return;
        }
        headline.setText(withLock ? Messages.text("stage.manager.round.withLock", r + 1)
                : Messages.text("stage.manager.round.withoutLock", r + 1));
        noLock.setText(Messages.text("stage.manager.noLock"));
        List<Node> lines = new ArrayList<>();
        for (int i = 0; i < r && i < results.size(); i++) {
            LostUpdates done = results.get(i);
            if (done != null) {
                Label line = new Label(locked(state, i) ? Messages.text("stage.manager.history.withLock", i + 1, done.text())
                        : Messages.text("stage.manager.history.withoutLock", i + 1, done.text()));
                line.getStyleClass().add(StageStyles.CAPTION);
                if (done.lost() > 0) {
                    line.getStyleClass().add(StageStyles.WARNING);
                    line.setGraphic(StageIcons.WARNING.node());
                }
                lines.add(line);
            }
        }
        if (history.getChildren().size() != lines.size()) {
            history.getChildren().setAll(lines);
        }
    }

    // ---------------------------------------------------------------- what tests read

    /** The count shown in large: the dict's, or "?" before the log has shown it. */
    public String countText() {
        return server.countText();
    }

    public String lostText() {
        return server.lostText();
    }

    /** Each round's score as last drawn, round 1 first. */
    public List<LostUpdates> rounds() {
        return List.copyOf(results.stream().filter(x -> x != null).toList());
    }

    /** The calls drawn waiting for the server, oldest first. */
    public List<String> callsAtTheServer() {
        return server.calls().shownItems();
    }

    public List<Long> lockQueue() {
        return padlock.waitersZone().pids();
    }

    public String padlockText() {
        return padlock.headlineText();
    }

    public boolean showsPadlock() {
        return padlock.isVisible();
    }
}
