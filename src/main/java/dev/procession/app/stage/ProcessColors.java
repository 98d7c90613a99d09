package dev.procession.app.stage;

import dev.procession.model.ProcState;

/**
 * One process keeps one colour everywhere: its index of first appearance picks one of
 * {@link #COUNT} colour-blind-safe colours, defined as style classes in stage.css.
 */
public final class ProcessColors {
    /** How many colours the palette has (stage.css defines proc-color-0 .. proc-color-9). */
    public static final int COUNT = 10;
    private static final String PREFIX = "proc-color-";

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
