package dev.procession.app.theme;

import dev.procession.app.Messages;
import dev.procession.model.ProcState;
import dev.procession.model.ProcStatus;
import java.util.Locale;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * How a process's status looks everywhere: an icon of its own shape, a word, and a style class;
 * colour never carries the meaning alone.
 */
public final class StatusLook {
    private StatusLook() {
    }

    public static FontIcon icon(ProcStatus status) {
        FontIcon icon = new FontIcon(glyph(status));
        icon.getStyleClass().addAll("status-icon", styleClass(status));
        return icon;
    }

    private static Ikon glyph(ProcStatus status) {
        return switch (status) {
            case STARTING -> Material2MZ.SCHEDULE;
            case RUNNING -> Material2MZ.PLAY_ARROW;
            case SLEEPING -> Material2MZ.SNOOZE;
            case BLOCKED -> Material2MZ.PAN_TOOL;
            case PAUSED -> Material2MZ.PAUSE_CIRCLE_FILLED;
            case ORPHAN -> Material2AL.LINK_OFF;
            case EXITED -> Material2AL.CHECK_CIRCLE_OUTLINE;
        };
    }

    /** "status-blocked": the style class CSS colours each status by. */
    public static String styleClass(ProcStatus status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT);
    }

    /** The word for a process's status, with what it waits on or how it ended: "blocked on lock". */
    public static String word(ProcState p, String blockedOnLabel) {
        ProcStatus s = p.status();
        return switch (s) {
            case BLOCKED -> Messages.text("proc.status.blocked.on", blockedOnLabel == null ? "?" : blockedOnLabel);
            case EXITED -> p.exitCode() == null ? Messages.text("proc.status.exited.unknown")
                    : Messages.text("proc.status.exited.code", p.exitCode());
            default -> Messages.text("proc.status." + s.name().toLowerCase(Locale.ROOT));
        };
    }
}
