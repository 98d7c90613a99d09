package dev.procession.app.replay;

import dev.procession.app.Messages;
import dev.procession.app.run.RunState;
import dev.procession.app.run.RunViewModel;
import dev.procession.app.theme.Icons;
import dev.procession.app.workspace.RunScreen;
import dev.procession.archive.BadRunFileException;
import dev.procession.archive.RunArchive;
import dev.procession.archive.SavedRun;
import dev.procession.events.Event;
import dev.procession.supervisor.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Saved runs in the window: opening one (a file, a recent run, the run just finished) into a
 * replay over the run screen's views, and exporting what is on screen, live or replayed. A live
 * run that starts, or a reset, ends the replay. The shell makes its menu items from these commands.
 */
public final class ReplayControl {
    private static final int RECENT_SHOWN = 15;

    private final RunScreen screen;
    private final RunViewModel runs;
    private final Consumer<String> notice;
    private final Supplier<Window> owner;
    private final ReadOnlyObjectWrapper<ReplayViewModel> current = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding active = current.isNotNull();
    private final BooleanBinding notLive;
    private final BooleanBinding canReplayLast;
    private final BooleanBinding canExport;
    /** A run that starts, or a reset to the introduction, takes the centre: the replay ends. */
    private final javafx.beans.value.ChangeListener<RunState> endsReplay = (obs, old, now) -> {
        if (now == RunState.STARTING || now == RunState.IDLE) {
            close();
        }
    };

    /** @param notice shows a sentence to the user above the views (null hides it) */
    public ReplayControl(RunScreen screen, RunViewModel runs, Consumer<String> notice, Supplier<Window> owner) {
        this.screen = screen;
        this.runs = runs;
        this.notice = notice;
        this.owner = owner;
        notLive = Bindings.createBooleanBinding(() -> !runs.stateProperty().get().isLive(), runs.stateProperty());
        canReplayLast = Bindings.createBooleanBinding(() -> runs.runProperty().get() != null
                && (runs.stateProperty().get() == RunState.FINISHED || runs.stateProperty().get() == RunState.STOPPED),
                runs.runProperty(), runs.stateProperty());
        canExport = Bindings.createBooleanBinding(() -> current.get() != null
                ? current.get().seqProperty().get() > 0 : runs.runProperty().get() != null,
                current, runs.runProperty(), screen.pump().stateProperty());
        runs.stateProperty().addListener(endsReplay);
    }

    /** For a window that is rebuilt: ends the replay and lets go of the run view model. */
    public void dispose() {
        close();
        runs.stateProperty().removeListener(endsReplay);
    }

    // ---------------------------------------------------------------- properties

    /** The replay on screen, or null. */
    public ReadOnlyObjectProperty<ReplayViewModel> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public BooleanBinding activeProperty() {
        return active;
    }

    /** A saved run may be opened: no live run holds the screen. */
    public BooleanBinding canOpenProperty() {
        return notLive;
    }

    /** The run just finished or stopped can be replayed. */
    public BooleanBinding canReplayLastProperty() {
        return canReplayLast;
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    // ---------------------------------------------------------------- commands

    /** File > Open run...: a file chooser in the folder of saved runs. */
    public void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.text("replay.open.title"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(Messages.text("replay.filter.runs"), "*.jsonl"),
                new FileChooser.ExtensionFilter(Messages.text("replay.filter.all"), "*"));
        Path folder = archive().folder();
        if (folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        java.io.File chosen = chooser.showOpenDialog(owner.get());
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    /** Opens the saved run in {@code file}; a file that is no run is said so, and left as it is. */
    public boolean open(Path file) {
        if (!notLive.get()) {
            notice.accept(Messages.text("replay.stopFirst"));
            return false;
        }
        SavedRun run;
        try {
            run = SavedRun.read(file);
        } catch (BadRunFileException e) {
            notice.accept(Messages.text("replay.openFailed", e.getMessage()));
            return false;
        }
        show(run);
        if (run.truncated()) {
            notice.accept(Messages.text("replay.truncated", file.getFileName(), run.lastSeq()));
        }
        return true;
    }

    /** Replays the run just finished or stopped, from its log in memory. */
    public void replayLast() {
        Run run = runs.runProperty().get();
        if (run == null || !canReplayLast.get()) {
            return;
        }
        Path file = runs.savedFileProperty().get();
        show(new SavedRun(file != null ? file : Path.of(Messages.text("replay.thisRun")), run.log().snapshot(), false));
    }

    /** Puts {@code run} on screen at its start, paused. */
    public ReplayViewModel show(SavedRun run) {
        close();
        notice.accept(null);
        ReplayViewModel replay = new ReplayViewModel(screen, run);
        current.set(replay);
        replay.seek(0);
        // Whatever takes the centre instead (a scenario's introduction) ends the replay.
        screen.showWithControls(new ReplayBar(replay), () -> {
            if (current.get() == replay) {
                close();
            }
        });
        return replay;
    }

    /** Ends the replay, if one is on screen; the views keep what they show until something else takes them. */
    public void close() {
        ReplayViewModel replay = current.get();
        if (replay != null) {
            replay.close();
            current.set(null);
        }
    }

    /** Moves the replay to event {@code at}: a number, or a percentage of its events ending in '%'. */
    public void seekTo(String at) {
        withReplay(r -> r.seek(at.endsWith("%") ? Math.round(r.lastSeq() * Double.parseDouble(at.replace("%", "")) / 100)
                : Long.parseLong(at)));
    }

    public void stepBack() {
        withReplay(ReplayViewModel::stepBack);
    }

    public void stepForward() {
        withReplay(ReplayViewModel::stepForward);
    }

    public void togglePlay() {
        withReplay(ReplayViewModel::togglePlay);
    }

    private void withReplay(Consumer<ReplayViewModel> command) {
        if (current.get() != null) {
            command.accept(current.get());
        }
    }

    /** File > Recent runs: the newest saved runs, filled each time it opens. */
    public Menu recentMenu(String text) {
        Menu menu = new Menu(text, Icons.RECENT_RUNS.node());
        menu.setId("menu-recentRuns");
        MenuItem placeholder = new MenuItem(Messages.text("replay.recent.none"));
        placeholder.setDisable(true);
        menu.getItems().setAll(placeholder);
        menu.setOnShowing(e -> menu.getItems().setAll(recentItems()));
        menu.disableProperty().bind(notLive.not());
        return menu;
    }

    List<MenuItem> recentItems() {
        List<Path> files = archive().recent();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem(Messages.text("replay.recent.none"));
            none.setDisable(true);
            return List.of(none);
        }
        return files.stream().limit(RECENT_SHOWN).map(f -> {
            MenuItem item = new MenuItem(f.getFileName().toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open(f));
            return item;
        }).toList();
    }

    /** Asks where, then writes {@code kind} of the run on screen there. */
    public void chooseAndExport(RunExport kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.text("replay.export.title"));
        chooser.setInitialFileName(defaultName(kind));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("*." + kind.extension(),
                "*." + kind.extension()));
        java.io.File chosen = chooser.showSaveDialog(owner.get());
        if (chosen != null) {
            export(kind, chosen.toPath());
        }
    }

    /** Writes {@code kind} of the run on screen to {@code file}; says where, or why it could not. */
    public boolean export(RunExport kind, Path file) {
        RunExport.Source source = source();
        if (source == null) {
            return false;
        }
        try {
            kind.write(source, file);
            notice.accept(null);
            return true;
        } catch (IOException | RuntimeException e) {
            notice.accept(Messages.text("replay.exportFailed", file, e.getMessage()));
            return false;
        }
    }

    private RunExport.Source source() {
        ReplayViewModel replay = current.get();
        List<Event> log;
        List<Event> shown;
        if (replay != null) {
            log = replay.run().events();
            shown = replay.eventsShown();
        } else if (runs.runProperty().get() != null) {
            log = runs.runProperty().get().log().snapshot();
            shown = log.subList(0, (int) Math.min(log.size(), screen.pump().state().seq()));
        } else {
            return null;
        }
        return new RunExport.Source(log, shown, screen.pump().state(), screen.workspace().timeline()::picture);
    }

    private String defaultName(RunExport kind) {
        String scenario = screen.pump().state().header().scenario();
        return (scenario == null ? "run" : scenario) + "-" + kind.name().toLowerCase(Locale.ROOT) + "."
                + kind.extension();
    }

    private RunArchive archive() {
        return runs.archive() != null ? runs.archive() : RunArchive.forThisUser();
    }
}
