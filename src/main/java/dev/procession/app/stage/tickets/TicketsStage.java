package dev.procession.app.stage.tickets;

import dev.procession.app.Messages;
import dev.procession.app.stage.PadlockView;
import dev.procession.app.stage.ProcessTag;
import dev.procession.app.stage.StageBase;
import dev.procession.app.stage.StageContext;
import dev.procession.app.stage.StageIcons;
import dev.procession.app.stage.StageStyles;
import dev.procession.app.stage.Columns;
import dev.procession.app.stage.Zone;
import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.LockState;
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
import javafx.scene.layout.VBox;

/**
 * The tickets scenario: the database file with its count, buyer processes, and the Lock as a
 * padlock. Without the lock there is no padlock, and selling more than the stock shows as such.
 */
public final class TicketsStage extends StageBase {
    static final String BUYER = "buyer";
    static final String BUYERS_ZONE = "buyers";
    static final String SALES = "ticket-sales";
    /** The start of a successful buyer's print: TicketsScenario.buy prints "ticket bought by 2". */
    private static final String BOUGHT_PRINT = "ticket bought by ";
    private static final String BUYER_ROLE = "get_ticket";

    private final DatabaseView database = new DatabaseView();
    private final Label sales = new Label();
    private final PadlockView padlock = new PadlockView();
    private final Zone buyers = new Zone(BUYERS_ZONE, Messages.text("stage.tickets.buyers"));
    private final VBox mainBox = new VBox();
    /** Buyers whose print says they bought, in the order they did. */
    private final Set<Long> bought = new LinkedHashSet<>();
    /** The count main wrote before any buyer started: the stock, when the log's header lacks it. */
    private Long firstWrite;

    public TicketsStage(StageContext context) {
        super(context, "tickets-stage", new VBox(16));
        VBox content = (VBox) layoutRoot();
        sales.getStyleClass().add(SALES);
        StageStyles.wrapInFull(sales);
        VBox left = new VBox(12, database, sales, mainBox);
        left.setMinWidth(260);
        left.setMaxWidth(320);
        VBox right = new VBox(12, padlock, buyers);
        content.getChildren().add(new Columns(24, StageStyles.ZONE_MIN_WIDTH, left, right));
        padlock.setManaged(false);
        padlock.setVisible(false);
    }

    @Override
    protected void draw(RunState state, List<Event> newEvents) {
        for (Event e : newEvents) {
            if (e.kind() == EventKind.FILE_WRITE && firstWrite == null && e.get("count") instanceof Number n) {
                firstWrite = n.longValue();
            }
            if (e.kind() == EventKind.PRINT && e.text("text") != null && e.text("text").startsWith(BOUGHT_PRINT)) {
                bought.add(e.pid());
            }
        }
        database.show(state.tickets());
        LockState lock = state.primitives(LockState.class).stream().findFirst().orElse(null);
        Map<Node, Point2D> before = motion.positions(tags.all().values());
        Node holder = null;
        List<Node> waiting = new ArrayList<>();
        List<Node> others = new ArrayList<>();
        if (lock != null) {
            for (long pid : lock.waiters()) {
                ProcState p = state.process(pid);
                if (p != null) {
                    waiting.add(buyer(p, state, Messages.text("stage.common.lock.waiting"), StageIcons.BLOCKED));
                }
            }
        }
        for (ProcState p : state.processes().values()) {
            if (!BUYER_ROLE.equals(p.role()) || (lock != null && lock.waiters().contains(p.pid()))) {
                continue;
            }
            boolean holds = lock != null && Long.valueOf(p.pid()).equals(lock.holder()) && p.alive();
            if (holds) {
                holder = buyer(p, state, Messages.text("stage.tickets.buyer.buying"), StageIcons.LOCKED);
            } else {
                others.add(buyer(p, state, null, null));
            }
        }
        List<Node> fresh = new ArrayList<>(waiting);
        fresh.addAll(others);
        fresh.removeIf(before::containsKey);
        if (lock != null) {
            padlock.setManaged(true);
            padlock.setVisible(true);
            padlock.show(lock, state, holder, waiting);
        }
        buyers.arrange(others);
        buyers.setTitle(lock == null ? Messages.text("stage.tickets.buyers.count", others.size())
                : Messages.text("stage.tickets.buyers.countNotAtLock", others.size()));
        motion.glideFrom(before, layoutRoot());
        fresh.forEach(motion::fadeIn);
        drawSales(state, lock);
        showMain(state, mainBox);
    }

    /** "2 sold, 1 in stock at the start": a warning when more were sold than there were. */
    private void drawSales(RunState state, LockState lock) {
        long stock = state.header().params().get("stock") instanceof Number n ? n.longValue()
                : firstWrite == null ? -1 : firstWrite;
        boolean oversold = stock >= 0 && bought.size() > stock;
        String text = stock < 0 ? Messages.text("stage.tickets.sold", bought.size())
                : oversold ? Messages.text("stage.tickets.sold.oversold", bought.size(), stock, bought.size() - stock)
                : Messages.text("stage.tickets.sold.stock", bought.size(), stock);
        if (withoutLock(state, lock)) {
            text += "\n" + Messages.text("stage.tickets.noLock");
        }
        sales.setText(text);
        sales.setGraphic(oversold ? StageIcons.WARNING.node() : null);
        sales.getStyleClass().remove(StageStyles.WARNING);
        if (oversold) {
            sales.getStyleClass().add(StageStyles.WARNING);
        }
    }

    /**
     * The parameter says so; a log without it tells too: main makes the Lock before it starts
     * any buyer, so buyers without a Lock buy without one.
     */
    private static boolean withoutLock(RunState state, LockState lock) {
        Object param = state.header().params().get("lock");
        if (param != null) {
            return Boolean.FALSE.equals(param);
        }
        return lock == null && state.processes().values().stream().anyMatch(p -> BUYER_ROLE.equals(p.role()));
    }

    private ProcessTag buyer(ProcState p, RunState state, String word, StageIcons icon) {
        ProcessTag tag = tags.of(p.pid(), pid -> new ProcessTag(pid, BUYER));
        boolean own = p.status() == ProcStatus.PAUSED || p.status() == ProcStatus.STARTING;
        if (word != null && !own && p.alive()) {
            tag.update(p, word, icon);
        } else if (bought.contains(p.pid())) {
            tag.update(p, p.alive() ? Messages.text("stage.tickets.buyer.bought")
                            : Messages.text("stage.tickets.buyer.boughtExited", p.exitCode()),
                    p.alive() ? StageIcons.DATABASE : StageIcons.EXITED);
        } else if (!p.alive() && p.exitCode() != null && p.exitCode() == 0) {
            tag.update(p, Messages.text("stage.tickets.buyer.noTicket"), StageIcons.EXITED);
        } else {
            tag.update(p, state);
        }
        return tag;
    }


    // ---------------------------------------------------------------- what tests read

    public String countText() {
        return database.countText();
    }

    public String salesText() {
        return sales.getText();
    }

    public boolean showsPadlock() {
        return padlock.isVisible();
    }

    public String padlockText() {
        return padlock.headlineText();
    }

    /** The waiters drawn at the padlock, first in line first. */
    public List<Long> lockQueue() {
        return padlock.waitersZone().items().stream()
                .map(n -> (Long) n.getProperties().get(StageStyles.PID_KEY)).toList();
    }

    public int soldCount() {
        return bought.size();
    }
}
