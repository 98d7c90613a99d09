package dev.procession.app.theme;

import javafx.css.PseudoClass;

/** Style-class and pseudo-class names of app.css, so Java and CSS cannot drift apart by a typo. */
public final class Styles {
    // Regions of the main window
    public static final String MAIN_WINDOW = "main-window";
    public static final String LIBRARY = "scenario-library";
    public static final String LIBRARY_GROUP = "library-group";
    public static final String LIBRARY_SCENARIO = "library-scenario";
    public static final String STAGE_HOST = "stage-host";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ITEM = "status-item";
    public static final String SPEED_CONTROL = "speed-control";

    // The scenario's introduction and its parameters
    public static final String INTRO = "scenario-intro";
    public static final String INTRO_TITLE = "scenario-title";
    public static final String INTRO_TEXT = "scenario-explanation";
    public static final String SIDEBAR = "sidebar";
    public static final String SECTION_TITLE = "section-title";
    public static final String PARAMETER_SHEET = "parameter-sheet";
    public static final String PARAMETER_NAME = "parameter-name";
    public static final String PARAMETER_BOUNDS = "parameter-bounds";
    public static final String PARAMETER_NOTE = "parameter-note";
    public static final String NOTICE = "notice";
    public static final String BLANK_SCREEN = "blank-screen";
    public static final String PROFILE_SWITCH = "profile-switch";
    public static final String KEYBOARD_MAP = "keyboard-map";

    /** A field whose value is refused. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** A status item for a run that failed (a non-zero exit, or no start at all). */
    public static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private Styles() {
    }
}
