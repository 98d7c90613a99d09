package dev.procession.app.shell;

import static dev.procession.app.WindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.WindowFixture;
import dev.procession.app.narration.NarrationLine;
import dev.procession.app.run.RunState;
import dev.procession.app.settings.Profile;
import dev.procession.app.settings.SettingsFile;
import dev.procession.model.ProcStatus;
import dev.procession.supervisor.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The window in a lecture hall, driven by keys as a presenter's remote and a teacher's keyboard
 * send them: zoom and profiles (remembered in the settings file), the presentation view with its
 * narration, the blank screen, Page Down/Up, Space and Esc on a real run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassroomTest {
    @RegisterExtension
    static final WindowFixture window = new WindowFixture();

    private Projection projection() {
        return window.window().projection();
    }

    /** How large the window's content is drawn: the zoom as the scene sees it. */
    private double drawnScale() {
        return WindowFixture.onFx(() -> window.window().getLocalToSceneTransform().getMxx());
    }

    @Test
    void zoomKeysScaleEveryPaneAndEachProfileKeepsItsOwn() {
        window.choose("ktv");
        window.robot().push(KeyCode.CONTROL, KeyCode.EQUALS);
        await("zoom 110%", () -> Math.abs(projection().zoomProperty().get() - 1.1) < 1e-9);
        assertThat(drawnScale()).isEqualTo(1.1, org.assertj.core.data.Offset.offset(1e-9));
        window.robot().push(KeyCode.CONTROL, KeyCode.MINUS);
        window.robot().push(KeyCode.CONTROL, KeyCode.MINUS);
        await("zoom 90%", () -> Math.abs(projection().zoomProperty().get() - 0.9) < 1e-9);
        assertThat(drawnScale()).isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-9));

        assertThat(window.robot().lookup("#profile-projector").tryQuery()).as("the toolbar's switch").isPresent();
        window.robot().push(KeyCode.CONTROL, KeyCode.DIGIT2);
        await("the projector's own zoom", () -> projection().zoomProperty().get() == Profile.PROJECTOR.defaultZoom());
        assertThat(drawnScale()).isEqualTo(2.0);
        // A restart reads the profile in use and each profile's zoom back from the file.
        SettingsFile.Loaded again = new SettingsFile(window.settingsFile()).load();
        assertThat(again.problem()).isEmpty();
        assertThat(again.settings().profile()).isEqualTo(Profile.PROJECTOR);
        assertThat(again.settings().laptop().zoom()).isEqualTo(0.9);

        window.robot().push(KeyCode.CONTROL, KeyCode.DIGIT1);
        await("back to the laptop's 90%", () -> Math.abs(projection().zoomProperty().get() - 0.9) < 1e-9);
        window.robot().push(KeyCode.CONTROL, KeyCode.DIGIT0);
        await("the laptop's own 100%", () -> projection().zoomProperty().get() == 1.0);
        assertThat(drawnScale()).isEqualTo(1.0);
        assertThat(new SettingsFile(window.settingsFile()).load().settings().layout().zoom()).isEqualTo(1.0);
    }

    @Test
    void theRemoteTurnsScenariosBlanksTheScreenPausesAndStops() throws Exception {
        window.choose("ktv");
        window.robot().push(KeyCode.PAGE_DOWN);
        await("Page Down turns to the next scenario", () -> chosen().equals("traffic-light"));
        window.robot().push(KeyCode.PAGE_UP);
        await("Page Up turns back", () -> chosen().equals("ktv"));

        window.robot().push(KeyCode.PERIOD);
        await("'.' blanks the screen", () -> blank().isVisible());
        window.robot().push(KeyCode.A);
        await("any key brings it back", () -> !blank().isVisible());
        assertThat(chosen()).as("the key that unblanked did nothing else").isEqualTo("ktv");

        Run run = window.start("traffic-light", Map.of("cars", "2", "period", "30"), 1);
        long main = run.mainPid();
        await("the main program running", () -> window.fold().main() != null && window.fold().main().alive());
        window.robot().push(KeyCode.SPACE);
        await("Space pauses the run", () -> window.fold().main().status() == ProcStatus.PAUSED
                && WindowFixture.procState(main) == 'T');
        window.robot().push(KeyCode.SPACE);
        await("Space again resumes it", () -> window.fold().main().status() != ProcStatus.PAUSED
                && WindowFixture.procState(main) != 'T');
        window.robot().push(KeyCode.ESCAPE);
        await("Esc stops the run", () -> window.runs().stateProperty().get() == RunState.STOPPED);
    }

    @Test
    void thePresentationViewShowsTheStageAndTheNarrationAlone() {
        window.start("traffic-light", Map.of("cars", "2", "period", "30"), 1);
        window.robot().push(KeyCode.F12);
        await("the presentation view", () -> projection().presentingProperty().get());
        await("no menu bar, toolbar, library or status bar", () -> window.robot().lookup(".menu-bar").tryQuery()
                .isEmpty() && window.robot().lookup(".scenario-library").tryQuery().isEmpty()
                && window.robot().lookup("#status-state").tryQuery().isEmpty());
        ListView<NarrationLine> narration = window.robot().lookup("#presented-narration .list-view").queryListView();
        await("the narration tells the cars starting", () -> texts(narration).stream()
                .anyMatch(t -> t.startsWith("MainProcess started car")));
        assertThat(texts(narration).getFirst()).as("it opens with the concept, as the course states it")
                .startsWith("Traffic light (Event). An Event decides whether processes block or run on.");

        window.robot().push(KeyCode.ESCAPE);
        await("Esc leaves the presentation", () -> !projection().presentingProperty().get()
                && window.robot().lookup(".menu-bar").tryQuery().isPresent());
        assertThat(window.runs().stateProperty().get()).as("and does not stop the run").isEqualTo(RunState.RUNNING);
    }

    /** Last: it builds the window again, and the fixture watches the first one's views. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theLanguageChangesLiveAndTheRunGoesOn() {
        Run run = window.start("traffic-light", Map.of("cars", "2", "period", "30"), 1);
        await("the cars started", () -> window.fold().processes().size() >= 4);
        try {
            speak("languageChinese");
            MainWindow chinese = window.window().current();
            assertThat(chinese).as("a window built again").isNotSameAs(window.window());
            assertThat(menuTitles(chinese)).as("menus").startsWith("文件");
            assertThat(window.runs().runProperty().get()).as("the same run").isSameAs(run);
            assertThat(window.runs().stateProperty().get()).isEqualTo(RunState.RUNNING);
            assertThat(run.livePids()).as("its processes").allMatch(dev.procession.testing.OsProcesses::alive);
            await("the narration retold in Chinese", () -> WindowFixture.onFx(() -> chinese.runScreen().workspace()
                    .narration().lines().stream().anyMatch(l -> l.text().contains("启动了 car"))));
            assertThat(new SettingsFile(window.settingsFile()).load().settings().language()).isEqualTo("zh-Hans");
            assertThat(menuTitles(chinese)).doesNotContain("File", "Run", "View");
        } finally {
            speak("languageEnglish");
        }
        assertThat(menuTitles(window.window().current())).startsWith("File");
    }

    /** Chooses a language as the user does: its item in the View menu of the window on screen. */
    private static void speak(String action) {
        MainWindow now = window.window().current();
        WindowFixture.onFx(() -> {
            now.actions().stream().filter(a -> a.id().equals(action)).findFirst().orElseThrow().handler().run();
            return null;
        });
        await("the window rebuilt", () -> window.window().current() != now);
    }

    private static List<String> menuTitles(MainWindow w) {
        return WindowFixture.onFx(() -> w.lookupAll(".menu-bar").stream().findFirst()
                .map(bar -> ((javafx.scene.control.MenuBar) bar).getMenus().stream()
                        .map(javafx.scene.control.Menu::getText).toList()).orElse(List.of()));
    }

    @Test
    void theKeyboardMapListsEveryKeyAndTheReadmeHasTheSameMap() throws Exception {
        List<AppAction> actions = window.window().actions();
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (AppAction a : actions) {
            if (a.accelerator() != null) {
                String row = "| " + a.accelerator().getDisplayText() + " | " + a.text() + " |";
                if (!readme.contains(row)) {
                    missing.add(row);
                }
            }
        }
        assertThat(missing).as("rows of the README's keyboard map").isEmpty();
        long withKeys = actions.stream().filter(a -> a.accelerator() != null).count();
        assertThat(WindowFixture.onFx(() -> KeyboardMap.grid(actions).getRowCount()))
                .isEqualTo((int) withKeys + KeyboardMap.EXTRA_KEYS.size());
        for (KeyboardMap.ViewKey extra : KeyboardMap.EXTRA_KEYS) {
            String key = extra.key().getDisplayText();
            assertThat(readme).as("the README's row for %s", key).contains("| " + key + " | ");
        }
    }

    private static String chosen() {
        return WindowFixture.onFx(() -> window.window().runScreen() == null ? ""
                : window.robot().lookup("#intro-title").tryQuery().map(n -> ((javafx.scene.control.Labeled) n).getText())
                        .map(ClassroomTest::idOfTitle).orElse(""));
    }

    private static String idOfTitle(String title) {
        return dev.procession.scenario.Scenarios.all().stream().filter(s -> s.title().get("en").equals(title))
                .map(dev.procession.scenario.Scenario::id).findFirst().orElse("");
    }

    private static Node blank() {
        return window.robot().lookup("#blank-screen").query();
    }

    private static List<String> texts(ListView<NarrationLine> list) {
        return WindowFixture.onFx(() -> list.getItems().stream().map(NarrationLine::text).toList());
    }
}
