package dev.procession.app.replay;

import dev.procession.app.Messages;
import dev.procession.app.theme.Icons;
import dev.procession.archive.RunReplay;
import dev.procession.events.Event;
import dev.procession.model.PrimitiveState;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The controls of a replay, above its views: what is shown (a saved run, nothing runs), the
 * scrubber over its events, play and pause with the pace, one event back or forward, and a jump
 * to the previous or next event of a chosen process or primitive.
 */
public final class ReplayBar extends VBox {
    private static final List<Double> RATES = List.of(0.25, 0.5, 1.0, 2.0, 4.0);

    /** Something to jump to: a process or a primitive, named as the views name it. */
    record Target(String label, Predicate<Event> events) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final ReplayViewModel replay;
    private final Slider scrubber = new Slider();
    private final Label position = new Label();
    private final ComboBox<Target> target = new ComboBox<>();
    private boolean moving;

    public ReplayBar(ReplayViewModel replay) {
        this.replay = replay;
        setId("replay-bar");
        getStyleClass().add("replay-bar");
        Label badge = new Label(Messages.text("replay.badge", replay.run().file().getFileName()),
                Icons.REPLAY_RUN.node());
        badge.setId("replay-badge");
        badge.setWrapText(true);
        badge.setTooltip(new Tooltip(Messages.text("replay.badge.tooltip")));
        scrubber.setId("replay-scrubber");
        scrubber.setMin(0);
        scrubber.setMax(replay.lastSeq());
        scrubber.setBlockIncrement(1);
        scrubber.setMajorTickUnit(Math.max(1, replay.lastSeq() / 10.0));
        scrubber.setTooltip(new Tooltip(Messages.text("replay.scrubber.tooltip")));
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.valueProperty().addListener((obs, old, now) -> {
            if (!moving) {
                replay.pause();
                replay.seek(Math.round(now.doubleValue()));
            }
        });
        replay.seqProperty().addListener((obs, old, now) -> shown(now.longValue()));
        position.setId("replay-position");
        position.setMinWidth(220);
        Button play = button("replay-play", Icons.PLAY, "replay.play.tooltip", replay::togglePlay);
        play.graphicProperty().bind(Bindings.createObjectBinding(
                () -> replay.playingProperty().get() ? Icons.PAUSE.node() : Icons.PLAY.node(), replay.playingProperty()));
        ComboBox<Double> rate = new ComboBox<>();
        rate.setId("replay-rate");
        rate.getItems().setAll(RATES);
        rate.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double r) {
                return r == null ? "" : Messages.text("replay.rate", r);
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        rate.setValue(replay.rateProperty().get());
        rate.valueProperty().addListener((obs, old, now) -> replay.rateProperty().set(now));
        rate.setTooltip(new Tooltip(Messages.text("replay.rate.tooltip")));
        target.setId("replay-target");
        target.getItems().setAll(targets(replay.replay()));
        if (!target.getItems().isEmpty()) {
            target.setValue(target.getItems().getFirst());
        }
        target.setTooltip(new Tooltip(Messages.text("replay.target.tooltip")));
        HBox transport = new HBox(6,
                button("replay-jump-back", Icons.JUMP_BACK, "replay.jumpBack.tooltip", () -> jump(false)),
                button("replay-step-back", Icons.STEP_BACK, "replay.stepBack.tooltip", replay::stepBack),
                play,
                button("replay-step-forward", Icons.STEP_FORWARD, "replay.stepForward.tooltip", replay::stepForward),
                button("replay-jump-forward", Icons.JUMP_FORWARD, "replay.jumpForward.tooltip", () -> jump(true)),
                target, rate, scrubber, position);
        transport.setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        getChildren().setAll(badge, transport);
        shown(Math.max(0, replay.seq()));
    }

    private void shown(long seq) {
        moving = true;
        scrubber.setValue(seq);
        moving = false;
        position.setText(Messages.text("replay.position", seq, replay.lastSeq(), replay.seconds()));
    }

    private void jump(boolean forward) {
        Target t = target.getValue();
        if (t != null) {
            if (forward) {
                replay.jumpNext(t.events());
            } else {
                replay.jumpPrevious(t.events());
            }
        }
    }

    /** Every process (by name and pid) and every primitive of the run, as the whole log knows them. */
    static List<Target> targets(RunReplay replay) {
        RunState end = replay.stateAt(replay.lastSeq());
        List<Target> out = new ArrayList<>();
        for (ProcState p : end.processes().values()) {
            out.add(new Target(p.name() + " · " + p.pid(), RunReplay.ofProcess(p.pid())));
        }
        for (PrimitiveState p : end.primitives().values()) {
            out.add(new Target(p.ref(), RunReplay.onPrimitive(p.ref())));
        }
        return out;
    }

    private static Button button(String id, Icons icon, String tooltipKey, Runnable action) {
        Button b = new Button(null, icon.node());
        b.setId(id);
        b.setTooltip(new Tooltip(Messages.text(tooltipKey)));
        b.setAccessibleText(Messages.text(tooltipKey));
        b.setOnAction(e -> action.run());
        return b;
    }
}
