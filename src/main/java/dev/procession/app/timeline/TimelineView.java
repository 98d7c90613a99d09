package dev.procession.app.timeline;

import dev.procession.app.Messages;
import dev.procession.app.run.RunPump;
import dev.procession.app.theme.ProcessColors;
import dev.procession.app.theme.StatusLook;
import dev.procession.events.Event;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * One swimlane per process, its status over scenario time as coloured bars with the status's
 * letter, and a tick for each acquire, release, set, clear, put, get and signal. It follows
 * the present; unticking "Follow" (or scrolling) lets a reader look back.
 */
public final class TimelineView extends BorderPane implements RunPump.FrameListener {
    private static final double LANE_HEIGHT = 28;
    private static final double NAME_WIDTH = 190;
    private static final double PIXELS_PER_SECOND = 80;
    /** A generous width of one letter at the lanes' 15 px font: a word is drawn only where it fits. */
    private static final double WORD_PIXELS_PER_CHAR = 9;
    /** The widest picture an export makes: a long run is drawn at a smaller scale. */
    private static final double PICTURE_MAX_WIDTH = 8000;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final CheckBox follow = new CheckBox(Messages.text("timeline.follow"));
    private final Map<Long, Lane> lanes = new LinkedHashMap<>();
    private final Map<ProcStatus, Region> statusProbes = new EnumMap<>(ProcStatus.class);
    private final Map<ProcStatus, String> statusWords = new EnumMap<>(ProcStatus.class);
    private final List<Region> colorProbes = new ArrayList<>();
    private final Region textProbe = probe("timeline-probe", "timeline-text");
    private final Region selectedProbe = probe("timeline-probe", "timeline-selected");
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    /** A drawing was left while the view could not be seen. */
    private boolean stale;
    private long nowMicros;
    private Long selected;

    public TimelineView() {
        setId("timeline");
        getStyleClass().add("timeline");
        Pane holder = new Pane(canvas);
        // The theme decides the colours: invisible probes carry the style classes the CSS colours.
        for (ProcStatus s : ProcStatus.values()) {
            Region probe = probe("timeline-probe", StatusLook.styleClass(s));
            statusProbes.put(s, probe);
            statusWords.put(s, StatusLook.shortWord(s));
            holder.getChildren().add(probe);
        }
        for (int i = 0; i < ProcessColors.COUNT; i++) {
            Region probe = probe("timeline-probe", "proc-color-" + i);
            colorProbes.add(probe);
            holder.getChildren().add(probe);
        }
        holder.getChildren().addAll(textProbe, selectedProbe);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        scroll.setOrientation(Orientation.HORIZONTAL);
        scroll.valueProperty().addListener((obs, old, now) -> {
            if (scroll.isPressed() || scroll.isFocused()) {
                follow.setSelected(false);
            }
            draw();
        });
        follow.setSelected(true);
        follow.selectedProperty().addListener(o -> draw());
        HBox bar = new HBox(12, follow);
        bar.getStyleClass().add("view-bar");
        setTop(bar);
        setCenter(holder);
        setBottom(scroll);
        shown.addListener((obs, was, is) -> {
            if (is && stale) {
                draw();
            }
        });
    }

    /** Whether the view can be seen (its tab chosen); unseen, it keeps its lanes but leaves the drawing. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    private static Region probe(String... classes) {
        Region r = new Region();
        r.getStyleClass().addAll(classes);
        r.setManaged(false);
        r.setVisible(false);
        return r;
    }

    @Override
    public void onFrame(RunState before, RunState after, List<Event> events) {
        if (after.seq() == 0) {
            lanes.clear();
            nowMicros = 0;
            draw();
            return;
        }
        nowMicros = after.micros();
        boolean whole = !events.isEmpty() && events.getFirst().seq() == before.seq() + 1
                && events.getLast().seq() == after.seq();
        if (whole && events.size() > 1) {
            // Each change at its own event's time, as frames of one event each would draw it: a frame
            // of many (a burst, a replay's jump) draws the same lanes, whatever the frame rate was.
            RunState s = before;
            for (Event e : events) {
                RunState next = s.apply(e);
                changes(s, next);
                s = next;
            }
        } else {
            changes(before, after);
        }
        for (Event e : events) {
            Lane lane = lanes.get(e.pid());
            String label = TimelineMarks.label(e);
            if (lane != null && label != null) {
                lane.markers.add(new Lane.Marker(e.micros(), label));
            }
        }
        double visible = Math.max(1, (canvas.getWidth() - NAME_WIDTH) / PIXELS_PER_SECOND);
        double total = nowMicros / 1e6;
        scroll.setMax(Math.max(0, total - visible));
        scroll.setVisibleAmount(visible);
        if (follow.isSelected()) {
            scroll.setValue(scroll.getMax());
        }
        draw();
    }

    private void changes(RunState before, RunState after) {
        if (before.processes() == after.processes()) {
            return;
        }
        for (ProcState p : after.processes().values()) {
            Lane lane = lanes.computeIfAbsent(p.pid(), pid -> new Lane(pid, p.name(), p.index()));
            lane.name = p.name();
            if (before.process(p.pid()) != p) {
                lane.change(after.micros(), p.status());
            }
        }
    }

    /**
     * Every lane as text, one line per lane: its process, each status change with its time, and its
     * markers; for tests that compare what two timelines show.
     */
    public List<String> lanesText() {
        List<String> out = new ArrayList<>();
        for (Lane lane : lanes.values()) {
            StringBuilder b = new StringBuilder(lane.pid + " " + lane.name + ":");
            lane.changes.forEach(c -> b.append(' ').append(c.micros()).append('=').append(c.status()));
            lane.markers.forEach(m -> b.append(' ').append(m.micros()).append('^').append(m.label()));
            out.add(b.toString());
        }
        return out;
    }

    /**
     * The whole timeline from the run's start to now as a picture, for an export: every lane, at
     * the view's scale unless that would make it wider than {@value #PICTURE_MAX_WIDTH} px.
     */
    public javafx.scene.image.WritableImage picture() {
        double seconds = Math.max(1, nowMicros / 1e6);
        double scale = Math.min(PIXELS_PER_SECOND, (PICTURE_MAX_WIDTH - NAME_WIDTH - 20) / seconds);
        double w = Math.ceil(NAME_WIDTH + seconds * scale + 20);
        double h = Math.ceil(8 + Math.max(1, lanes.size()) * LANE_HEIGHT);
        Canvas picture = new Canvas(w, h);
        javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
        params.setFill(background() instanceof Color c && c.getOpacity() > 0 ? c : Color.WHITE);
        paint(picture.getGraphicsContext2D(), w, h, 0, scale);
        return picture.snapshot(params, null);
    }

    private void draw() {
        stale = !shown.get();
        if (stale) {
            return;
        }
        paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), scroll.getValue(),
                PIXELS_PER_SECOND);
    }

    private void paint(GraphicsContext g, double w, double h, double fromSeconds, double scale) {
        g.setFill(background());
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font(15));
        int row = 0;
        for (Lane lane : lanes.values()) {
            double y = 4 + row * LANE_HEIGHT;
            if (y > h) {
                break;
            }
            drawLane(g, lane, y, fromSeconds, w, scale);
            row++;
        }
    }

    private void drawLane(GraphicsContext g, Lane lane, double y, double fromSeconds, double w, double scale) {
        if (selected != null && selected == lane.pid) {
            g.setFill(fill(selectedProbe, Color.LIGHTGRAY));
            g.fillRect(0, y, w, LANE_HEIGHT);
        }
        g.setFill(fill(colorProbes.get(Math.floorMod(lane.colorIndex, colorProbes.size())), Color.GRAY));
        g.fillRect(2, y + 4, 10, LANE_HEIGHT - 8);
        g.setFill(textColor());
        g.fillText(lane.name + " " + lane.pid, 16, y + LANE_HEIGHT - 9, NAME_WIDTH - 20);
        for (int i = 0; i < lane.changes.size(); i++) {
            Lane.Change c = lane.changes.get(i);
            long end = i + 1 < lane.changes.size() ? lane.changes.get(i + 1).micros() : nowMicros;
            double x0 = x(c.micros(), fromSeconds, scale);
            double x1 = Math.max(x0 + 2, x(end, fromSeconds, scale));
            if (x1 < NAME_WIDTH || x0 > w) {
                continue;
            }
            x0 = Math.max(x0, NAME_WIDTH);
            g.setFill(fill(statusProbes.get(c.status()), Color.LIGHTGRAY));
            g.fillRect(x0, y + 3, x1 - x0, LANE_HEIGHT - 6);
            String word = statusWords.get(c.status());
            if (x1 - x0 > 16) {
                // The status's word too (its letter on a short bar), so colour never carries the
                // meaning alone; in the theme's text colour, which holds over the translucent fills.
                g.setFill(textColor());
                boolean fits = x1 - x0 > 8 + WORD_PIXELS_PER_CHAR * word.length();
                g.fillText(fits ? word : word.substring(0, 1), x0 + 4, y + LANE_HEIGHT - 9);
            }
        }
        g.setFill(textColor());
        for (Lane.Marker m : lane.markers) {
            double x = x(m.micros(), fromSeconds, scale);
            if (x >= NAME_WIDTH && x <= w) {
                g.fillRect(x - 1, y, 2, LANE_HEIGHT);
            }
        }
    }

    private static double x(long micros, double fromSeconds, double scale) {
        return NAME_WIDTH + (micros / 1e6 - fromSeconds) * scale;
    }

    private Paint background() {
        return getBackground() != null && !getBackground().getFills().isEmpty()
                ? getBackground().getFills().getFirst().getFill() : Color.TRANSPARENT;
    }

    private Paint textColor() {
        return fill(textProbe, Color.GRAY);
    }

    private static Paint fill(Region probe, Paint otherwise) {
        if (probe == null || probe.getBackground() == null || probe.getBackground().getFills().isEmpty()) {
            return otherwise;
        }
        return probe.getBackground().getFills().getFirst().getFill();
    }

    /** Marks the lane of process {@code pid} (none for null): the process chosen elsewhere. */
    public void select(Long pid) {
        selected = pid;
        draw();
    }

    /** The pid whose lane is marked (null: none), for tests. */
    public Long selectedPid() {
        return selected;
    }

    /** The number of lanes, for tests. */
    public int laneCount() {
        return lanes.size();
    }
}
