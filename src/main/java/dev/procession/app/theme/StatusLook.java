package dev.procession.app.theme;

import dev.procession.app.Messages;
import dev.procession.model.PrimitiveState;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import dev.procession.model.RunState;
import java.util.Locale;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * How a process's status looks everywhere (the process table, the stages, the code cursors): an
 * icon of its own shape, one word from the bundle, and a style class; colour never carries the
 * meaning alone.
 */
public final class StatusLook {
    /** The icon of an exit with a code other than 0 (killed, failed): a shape no status has. */
    static final Ikon FAILED_EXIT = Material2AL.CANCEL;

    private StatusLook() {
    }

    /** A new icon node for {@code p}'s status: a node has one parent, so every use gets its own. */
    public static FontIcon icon(ProcState p) {
        FontIcon icon = new FontIcon(glyph(p));
        icon.getStyleClass().addAll("status-icon", styleClass(p.status()));
        return icon;
    }

    /** The one map from status to icon; an exit with a code other than 0 has an icon of its own. */
    public static Ikon glyph(ProcState p) {
        return p.status() == ProcStatus.EXITED && !cleanExit(p) ? FAILED_EXIT : glyph(p.status());
    }

    /** The icon of {@code status} (for an exit: a clean one). */
    public static Ikon glyph(ProcStatus status) {
        return switch (status) {
            case STARTING -> Material2MZ.SCHEDULE;
            case RUNNING -> Material2MZ.PLAY_ARROW;
            case SLEEPING -> Material2MZ.SNOOZE;
            case BLOCKED -> Material2AL.HOURGLASS_EMPTY;
            case PAUSED -> Material2MZ.PAUSE_CIRCLE_FILLED;
            case ORPHAN -> Material2AL.LINK_OFF;
            case EXITED -> Material2AL.CHECK_CIRCLE;
            case HELD -> Material2MZ.PAN_TOOL;
        };
    }

    private static boolean cleanExit(ProcState p) {
        return p.exitCode() != null && p.exitCode() == 0;
    }

    /** "status-blocked": the style class CSS colours each status by. */
    public static String styleClass(ProcStatus status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT);
    }

    /** The word for a process's status, with what it waits on or how it ended: "blocked on lock", "exited -9". */
    public static String word(ProcState p, RunState run) {
        ProcStatus s = p.status();
        return switch (s) {
            case BLOCKED -> Messages.text("proc.status.blocked.on", blockedOn(p, run));
            case EXITED -> p.exitCode() == null ? Messages.text("proc.status.exited.unknown")
                    : Messages.text("proc.status.exited.code", p.exitCode());
            default -> Messages.text("proc.status." + s.name().toLowerCase(Locale.ROOT));
        };
    }

    /** The status in one word, for where there is room for no more (a timeline bar): "blocked". */
    public static String shortWord(ProcStatus status) {
        return Messages.text("proc.status.short." + status.name().toLowerCase(Locale.ROOT));
    }

    /** What it waits for, as the program names it: "e", "lock", or a child's name for a join. */
    public static String blockedOn(ProcState p, RunState run) {
        if (p.blockedOn() == null) {
            return "?";
        }
        PrimitiveState prim = run.primitive(p.blockedOn());
        return prim != null ? prim.label() : p.blockedOn();
    }
}
