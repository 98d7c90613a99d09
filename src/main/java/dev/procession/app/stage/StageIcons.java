package dev.procession.app.stage;

import dev.procession.app.theme.StatusLook;
import dev.procession.model.ProcStatus;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Every icon the stages draw beside a story word, by what it means; stage.css colours them. A
 * process's own status is drawn by {@link StatusLook}: the two story icons that mean a status
 * (waiting, done) are its glyphs, so one shape means one thing everywhere.
 */
public enum StageIcons {
    BLOCKED(StatusLook.glyph(ProcStatus.BLOCKED)),
    EXITED(StatusLook.glyph(ProcStatus.EXITED)),
    DAEMON(Material2MZ.NIGHTS_STAY),
    SIGNAL(Material2AL.FLASH_ON),
    LOCKED(Material2AL.LOCK),
    UNLOCKED(Material2AL.LOCK_OPEN),
    DATABASE(Material2AL.DESCRIPTION),
    SEAT(Material2AL.EVENT_SEAT),
    CAR(Material2AL.DIRECTIONS_CAR),
    PERSON(Material2MZ.PERSON),
    WARNING(Material2MZ.WARNING),
    LIGHT(Material2MZ.TRAFFIC),
    PUT(Material2MZ.MOVE_TO_INBOX),
    INBOX(Material2AL.INBOX),
    MESSAGE(Material2MZ.SEND),
    PIPE(Material2MZ.SWAP_HORIZ),
    CLOSED(Material2AL.BLOCK),
    SERVER(Material2AL.DNS),
    TASK(Material2AL.ASSIGNMENT),
    WORKER(Material2MZ.WORK),
    RESULTS(Material2AL.DONE_ALL);

    private final Ikon glyph;

    StageIcons(Ikon glyph) {
        this.glyph = glyph;
    }

    Ikon glyph() {
        return glyph;
    }

    /** A new node: a node has one parent, so every use gets its own. */
    public FontIcon node() {
        return new FontIcon(glyph);
    }
}
