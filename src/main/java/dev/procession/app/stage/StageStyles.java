package dev.procession.app.stage;

import javafx.css.PseudoClass;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/** Style classes and pseudo-classes of the stages, named once; stage.css gives them their look. */
public final class StageStyles {
    /** The stages' stylesheet, added to every stage's root. */
    public static final String STYLESHEET =
            StageStyles.class.getResource("stage.css").toExternalForm();

    public static final String STAGE = "scenario-stage";
    public static final String CONTENT = "stage-content";
    public static final String BIG_NUMBER = "stage-big-number";
    public static final String CAPTION = "stage-caption";
    public static final String ZONE = "stage-zone";
    public static final String ZONE_TITLE = "stage-zone-title";
    public static final String WARNING = "stage-warning";

    /** Every element bound to a process; its pid is in {@link #PID_KEY} of its properties. */
    public static final String PROCESS = "stage-process";
    public static final String PROCESS_TITLE = "stage-process-title";
    public static final String PROCESS_STATUS = "stage-process-status";
    public static final String DAEMON_BADGE = "daemon-badge";
    public static final String PID_KEY = "procession.pid";

    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    public static final PseudoClass ON = PseudoClass.getPseudoClass("on");
    public static final PseudoClass EXITED = PseudoClass.getPseudoClass("exited");
    public static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");
    public static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");

    /**
     * The narrowest a zone of process elements gets before the zones beside it go under it instead
     * (see {@link Columns}): one element with a long name and a seven-digit pid, and the zone's padding.
     */
    public static final double ZONE_MIN_WIDTH = 240;

    private StageStyles() {
    }

    /**
     * Lets {@code label} wrap onto more lines and never be given less height than its lines need:
     * a box short of room otherwise shrinks a wrapped label to one line and ends it with "...".
     */
    public static void wrapInFull(Labeled label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }
}
