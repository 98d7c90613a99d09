package dev.procession.app.replay;

import static dev.procession.app.WindowFixture.await;
import static dev.procession.app.WindowFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.Messages;
import dev.procession.app.WindowFixture;
import dev.procession.app.run.RunPump;
import dev.procession.app.run.RunState;
import dev.procession.app.stage.StageChecks;
import dev.procession.app.workspace.RunScreen;
import dev.procession.app.workspace.RunWorkspace;
import dev.procession.archive.CsvTables;
import dev.procession.archive.ProcessTimes;
import dev.procession.archive.SavedRun;
import dev.procession.events.Event;
import dev.procession.model.ProcState;
import dev.procession.supervisor.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live run in the real window, what its views showed captured at sampled frames; then its saved
 * log opened in replay and taken to the same events, forwards and backwards: every view shows the
 * same. Also what replay refuses (process actions) and what it exports.
 */
class ReplayWindowTest {
    @RegisterExtension
    static final WindowFixture window = new WindowFixture();

    @TempDir
    Path out;

    /** What the views show at one moment, view by view. */
    private record Screen(List<String> table, List<String> stage, List<String> code, List<String> timeline,
                          List<String> inspector, List<String> console, String status) {
    }

    @Test
    void aReplayShowsFrameByFrameWhatTheLiveRunShowed() throws Exception {
        Run run = window.start("tickets", Map.of("buyers", "4", "stock", "2"), 1.0);
        RunScreen screen = window.window().current().runScreen();
        Map<Long, Screen> live = new LinkedHashMap<>();
        // Added now, after the stage's own listener: it sees each frame once every view has.
        RunPump.FrameListener capture = new RunPump.FrameListener() {
            @Override
            public void onFrame(dev.procession.model.RunState before, dev.procession.model.RunState after,
                                List<Event> events) {
                if (after.seq() > before.seq()) {
                    live.put(after.seq(), capture(screen));
                }
            }
        };
        onFx(() -> {
            screen.pump().addListener(capture);
            return null;
        });
        await("the run to finish", () -> window.runs().stateProperty().get() == RunState.FINISHED);
        onFx(() -> {
            screen.pump().removeListener(capture);
            return null;
        });
        Path file = window.runs().savedFileProperty().get();
        assertThat(file).isNotNull().startsWith(window.dataFolder());
        int logged = run.log().size();
        await("the whole log saved", () -> lines(file) == logged);
        assertThat(live).as("frames captured").hasSizeGreaterThan(5);

        ReplayViewModel replay = onFx(() -> {
            assertThat(window.window().current().replay().open(file)).isTrue();
            return window.window().current().replay().currentProperty().get();
        });
        assertThat(replay.lastSeq()).isEqualTo(logged);
        List<Long> seqs = new ArrayList<>(live.keySet());
        for (long seq : seqs) {
            assertThat(onFx(() -> {
                replay.seek(seq);
                return capture(screen);
            })).as("what the views show at event %d, going forward", seq).isEqualTo(live.get(seq));
        }
        Collections.shuffle(seqs, new Random(3));
        for (long seq : seqs) {
            assertThat(onFx(() -> {
                replay.seek(seq);
                return capture(screen);
            })).as("what the views show at event %d, in any order", seq).isEqualTo(live.get(seq));
        }
        // Stepping: one event back from a sampled frame, and forward again, shows that frame again.
        long sample = seqs.getFirst();
        Screen there = live.get(sample);
        assertThat(onFx(() -> {
            replay.seek(sample);
            replay.stepBack();
            assertThat(replay.seq()).isEqualTo(sample - 1);
            replay.stepForward();
            return capture(screen);
        })).isEqualTo(there);
    }

    @Test
    void aReplayActsOnNoProcessAndSaysWhy() throws Exception {
        window.start("tickets", Map.of("buyers", "2", "stock", "1"), 4.0);
        await("the run to finish", () -> window.runs().stateProperty().get() == RunState.FINISHED);
        ReplayViewModel replay = onFx(() -> {
            window.window().current().replay().replayLast();
            return window.window().current().replay().currentProperty().get();
        });
        ProcState main = onFx(() -> {
            replay.seek(replay.lastSeq() / 2);
            return screen().pump().state().main();
        });
        List<MenuItem> items = onFx(() -> {
            ContextMenu menu = screen().menus().menuFor(main.pid());
            return List.copyOf(menu.getItems());
        });
        assertThat(items.getFirst().getText()).isEqualTo(Messages.text("process.replaying"));
        assertThat(items).filteredOn(i -> !(i instanceof javafx.scene.control.SeparatorMenuItem)).hasSizeGreaterThan(5)
                .allMatch(MenuItem::isDisable);
        // The run was saved as it ran: the replay names its file.
        assertThat(onFx(() -> window.robot().lookup("#replay-badge").queryAs(Labeled.class).getText()))
                .contains(window.runs().savedFileProperty().get().getFileName().toString());
        // A jump to the main program's next event lands on one of its events.
        assertThat(onFx(() -> {
            replay.seek(0);
            replay.jumpNext(dev.procession.archive.RunReplay.ofProcess(main.pid()));
            return replay.replay().event(replay.seq()).pid();
        })).isEqualTo(main.pid());
        // In another language the replay goes on, at the same event.
        long at = onFx(() -> {
            replay.seek(replay.lastSeq() / 3);
            return replay.seq();
        });
        speak("menu-languageChinese");
        assertThat(onFx(() -> window.window().current().replay().currentProperty().get().seq())).isEqualTo(at);
        speak("menu-languageEnglish");
        ReplayControl control = window.window().current().replay();
        assertThat(onFx(() -> control.currentProperty().get().seq())).isEqualTo(at);
        // A reset ends the replay.
        window.endRun();
        assertThat(onFx(() -> control.currentProperty().get())).isNull();
    }

    @Test
    void aFileThatIsNoRunIsSaidAndKept() throws Exception {
        Path foreign = out.resolve("notes.jsonl");
        Files.writeString(foreign, "{\"todo\": \"buy milk\"}\n");
        ReplayControl control = window.window().current().replay();
        assertThat(onFx(() -> control.open(foreign))).isFalse();
        assertThat(onFx(() -> control.currentProperty().get())).isNull();
        assertThat(onFx(() -> window.robot().lookup("#stage-notice").queryAs(Labeled.class).getText()))
                .startsWith(Messages.text("replay.openFailed", "")).contains(foreign.toString())
                .contains("not a saved Procession run");
        assertThat(Files.readString(foreign)).isEqualTo("{\"todo\": \"buy milk\"}\n");
        // A saved run, then another scenario chosen in the library: the replay ends with it.
        window.start("tickets", Map.of("buyers", "1", "stock", "1"), 4.0);
        await("the run to finish", () -> window.runs().stateProperty().get() == RunState.FINISHED);
        onFx(() -> {
            control.replayLast();
            return null;
        });
        assertThat(onFx(() -> control.activeProperty().get())).isTrue();
        window.choose("ktv");
        assertThat(onFx(() -> control.activeProperty().get())).isFalse();
    }

    /** Chooses a language in the View menu, and waits for the window rebuilt in it. */
    private static void speak(String itemId) {
        dev.procession.app.shell.MainWindow now = window.window().current();
        onFx(() -> {
            for (Node bar : now.lookupAll(".menu-bar")) {
                ((javafx.scene.control.MenuBar) bar).getMenus().stream().flatMap(m -> m.getItems().stream())
                        .filter(i -> itemId.equals(i.getId())).findFirst().orElseThrow().fire();
            }
            return null;
        });
        await("the window rebuilt", () -> window.window().current() != now);
    }

    @Test
    void theExportsWriteTheLogTheTimelineTheTableAndTheTimes() throws Exception {
        Run run = window.start("tickets", Map.of("buyers", "3", "stock", "1"), 4.0);
        await("the run to finish", () -> window.runs().stateProperty().get() == RunState.FINISHED);
        Path file = window.runs().savedFileProperty().get();
        await("the whole log saved", () -> lines(file) == run.log().size());
        ReplayControl control = window.window().current().replay();
        ReplayViewModel replay = onFx(() -> {
            control.open(file);
            return control.currentProperty().get();
        });
        long middle = replay.lastSeq() * 2 / 3;
        onFx(() -> {
            replay.seek(middle);
            for (RunExport kind : RunExport.values()) {
                assertThat(control.export(kind, out.resolve(kind.name() + "." + kind.extension()))).isTrue();
            }
            return null;
        });
        SavedRun saved = SavedRun.read(file);
        assertThat(Files.readAllLines(out.resolve("LOG.jsonl"))).isEqualTo(Files.readAllLines(file));
        dev.procession.model.RunState shown = replay.replay().stateAt(middle);
        assertThat(Files.readString(out.resolve("TABLE.csv"))).isEqualTo(CsvTables.processTable(shown));
        assertThat(Files.readString(out.resolve("TIMES.csv")))
                .isEqualTo(CsvTables.times(ProcessTimes.of(saved.events().subList(0, (int) middle))));
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("TIMELINE.png").toFile());
        assertThat(png).isNotNull();
        int lanes = onFx(() -> screen().workspace().timeline().laneCount());
        assertThat(lanes).isEqualTo(shown.processes().size());
        assertThat(png.getHeight()).isGreaterThanOrEqualTo(lanes * 28);
        assertThat(png.getWidth()).isGreaterThan(190 + (int) (shown.micros() / 1e6 * 80) - 2);
        // Not a blank picture: the lanes are drawn in more than one colour.
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < png.getWidth(); x += 7) {
            for (int y = 0; y < png.getHeight(); y += 3) {
                colours.add(png.getRGB(x, y));
            }
        }
        assertThat(colours).hasSizeGreaterThan(3);
    }

    // ---------------------------------------------------------------- what the views show

    private static RunScreen screen() {
        return window.window().current().runScreen();
    }

    /** On the FX thread: every view's content, the docks' other tabs shown a moment to read them. */
    private static Screen capture(RunScreen screen) {
        RunWorkspace w = screen.workspace();
        // Skins made (a split pane, a scroll pane have no children before): the stage's elements are found.
        w.applyCss();
        dev.procession.model.RunState state = screen.pump().state();
        List<String> table = w.processes().getItems().stream()
                .map(r -> r.pid() + " " + r.proc().name() + " " + r.statusWordProperty().get() + " "
                        + r.proc().usage() + " " + r.proc().line()).toList();
        List<String> stage = StageChecks.tags(w).stream()
                .map(t -> t.pid() + " " + t.titleText() + " " + t.statusText() + " " + t.noteText()).sorted().toList();
        List<String> code = new ArrayList<>();
        for (int line = 1; line <= state.header().listing().size(); line++) {
            for (ProcState p : w.code().cursorsAt(line)) {
                code.add(line + ":" + p.pid());
            }
        }
        List<String> inspector = shownIn(w, "tab-inspector", "tab-code", () -> {
            w.inspector().applyCss();
            w.inspector().layout();
            return w.inspector().lookupAll(".inspector-title, .inspector-body").stream()
                    .filter(Node::isVisible).filter(n -> n.getParent() != null && n.getParent().isVisible())
                    .map(n -> ((Labeled) n).getText()).filter(t -> t != null && !t.isEmpty()).sorted().toList();
        });
        List<String> console = shownIn(w, "tab-console", "tab-processes",
                () -> w.console().shownLines().stream().map(Object::toString).toList());
        String status = window.runs().status().liveProcessesProperty().get() + " "
                + window.runs().status().scenarioSecondsProperty().get();
        return new Screen(table, stage, code, w.timeline().lanesText(), inspector, console, status);
    }

    /** Chooses tab {@code show}, reads, and chooses {@code back} again. */
    private static List<String> shownIn(RunWorkspace w, String show, String back,
                                        java.util.function.Supplier<List<String>> read) {
        select(w, show);
        List<String> text = read.get();
        select(w, back);
        return text;
    }

    private static void select(RunWorkspace w, String tabId) {
        for (Node pane : w.lookupAll(".tab-pane")) {
            for (Tab t : ((TabPane) pane).getTabs()) {
                if (tabId.equals(t.getId())) {
                    ((TabPane) pane).getSelectionModel().select(t);
                }
            }
        }
    }

    private static long lines(Path f) {
        try {
            return Files.readAllLines(f).size();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
