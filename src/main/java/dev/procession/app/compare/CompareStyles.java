package dev.procession.app.compare;

import javafx.css.PseudoClass;

/** The style classes of the side-by-side view (theme/app.css styles them). */
final class CompareStyles {
    static final String VIEW = "comparison";
    static final String SIDE = "comparison-side";
    static final String CAPTION = "comparison-caption";
    static final String STATE = "comparison-state";
    static final String FAILURE = "comparison-failure";
    static final String STATEMENT = "comparison-statement";
    /** On the statement when the side without the lock went wrong. */
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private CompareStyles() {
    }
}
