package dev.procession.app.theme;

import dev.procession.model.ProcState;

/**
 * One process keeps one colour everywhere: its index of first appearance picks one of
 * {@link #COUNT} colour-blind-safe colours, defined as style classes in process-colors.css.
 */
public final class ProcessColors {
    /** How many colours the palette has (process-colors.css defines proc-color-0 .. proc-color-9). */
    public static final int COUNT = 10;
    private static final String PREFIX = "proc-color-";

    /** The palette's stylesheet: every scene and every stage carries it. */
    public static final String STYLESHEET = ProcessColors.class.getResource("process-colors.css").toExternalForm();

    private ProcessColors() {
    }

    public static String styleClass(ProcState p) {
        return PREFIX + Math.floorMod(p.index(), COUNT);
    }

    /** True for any colour class, so that a node's old colour can be replaced. */
    public static boolean isColorClass(String styleClass) {
        return styleClass.startsWith(PREFIX);
    }
}
