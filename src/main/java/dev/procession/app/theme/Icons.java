package dev.procession.app.theme;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Every icon of the app by what it means; CSS colours them ({@code -fx-icon-color}). */
public enum Icons {
    RUN(Material2MZ.PLAY_ARROW),
    PAUSE_ALL(Material2MZ.PAUSE),
    RESUME_ALL(Material2MZ.PLAY_CIRCLE_OUTLINE),
    STOP(Material2MZ.STOP),
    RESET(Material2MZ.REPLAY),
    SPEED(Material2MZ.SPEED),
    THEME_LIGHT(Material2MZ.WB_SUNNY),
    THEME_DARK(Material2AL.BRIGHTNESS_2),
    THEME_PROJECTOR(Material2MZ.PRESENT_TO_ALL),
    QUIT(Material2AL.EXIT_TO_APP),
    ERROR(Material2AL.ERROR_OUTLINE),
    TOGGLE_PAUSE(Material2MZ.PAUSE_CIRCLE_OUTLINE),
    LEAVE(Material2AL.FULLSCREEN_EXIT),
    NEXT(Material2MZ.SKIP_NEXT),
    PREVIOUS(Material2MZ.SKIP_PREVIOUS),
    ZOOM_IN(Material2MZ.ZOOM_IN),
    ZOOM_OUT(Material2MZ.ZOOM_OUT),
    ZOOM_RESET(Material2AL.CENTER_FOCUS_STRONG),
    LAPTOP(Material2AL.LAPTOP),
    PROJECTOR(Material2MZ.TV),
    FULL_SCREEN(Material2AL.FULLSCREEN),
    PRESENTATION(Material2MZ.SLIDESHOW),
    BLANK(Material2MZ.VISIBILITY_OFF),
    KEYBOARD(Material2AL.KEYBOARD),
    LANGUAGE(Material2AL.LANGUAGE),
    COMPARE(Material2AL.COMPARE),
    STEP_MODE(Material2AL.DIRECTIONS_WALK),
    STEP_NEXT(Material2MZ.NAVIGATE_NEXT),

    // Scenarios, by what each one teaches
    CREATE_PROCESS(Material2AL.ACCOUNT_TREE),
    JOIN(Material2AL.CALL_MERGE),
    DAEMON(Material2MZ.NIGHTS_STAY),
    TERMINATE(Material2AL.CANCEL),
    LOCK(Material2AL.CONFIRMATION_NUMBER),
    SEMAPHORE(Material2AL.EVENT_SEAT),
    EVENT(Material2MZ.TRAFFIC),
    QUEUE(Material2AL.FORMAT_LIST_NUMBERED),
    PIPE(Material2MZ.SWAP_HORIZ),
    MANAGER(Material2AL.DNS),
    POOL(Material2AL.GROUP_WORK),
    PHILOSOPHERS(Material2MZ.RESTAURANT),
    TWO_LOCKS(Material2MZ.SYNC_PROBLEM),
    WAIT_FOR(Material2MZ.SYNC_PROBLEM),
    SCENARIO(Material2AL.INFO),

    // Saved runs and their replay
    OPEN_RUN(Material2AL.FOLDER_OPEN),
    PYTHON(Material2AL.CODE),
    RECENT_RUNS(Material2AL.HISTORY),
    REPLAY_RUN(Material2MZ.SLOW_MOTION_VIDEO),
    EXPORT(Material2MZ.SAVE_ALT),
    STEP_BACK(Material2AL.CHEVRON_LEFT),
    STEP_FORWARD(Material2AL.CHEVRON_RIGHT),
    JUMP_BACK(Material2AL.FAST_REWIND),
    JUMP_FORWARD(Material2AL.FAST_FORWARD),
    PLAY(Material2MZ.PLAY_ARROW),
    PAUSE(Material2MZ.PAUSE);

    private final Ikon glyph;

    Icons(Ikon glyph) {
        this.glyph = glyph;
    }

    /** A new node for this icon: a node has one parent, so each menu item and button gets its own. */
    public FontIcon node() {
        return new FontIcon(glyph);
    }
}
