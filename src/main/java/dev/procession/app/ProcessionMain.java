package dev.procession.app;

import dev.procession.cli.Main;
import java.util.Optional;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * The entry point of {@code procession}: with no arguments (or only window options) it opens the
 * window; {@code run}, {@code list}, {@code --help} and the like go to the command line.
 * It does not extend {@link Application}, so the jar runs from the class path without module flags.
 */
public final class ProcessionMain {
    /** Exit code for a window that cannot open, matching the CLI's code for bad input. */
    static final int NO_WINDOW = 2;

    /**
     * JavaFX warns that it runs from the class path; that is the choice that lets {@code java -jar}
     * work (docs/architecture.md). Only that one warning is filtered: CSS and layout warnings stay.
     * A strong reference, as java.util.logging keeps loggers weakly.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private ProcessionMain() {
    }

    public static void main(String[] args) {
        boolean window = WindowOptions.isForTheWindow(args);
        if (window || (args.length > 0 && "run".equals(args[0]))) {
            AotWarmUp.startIfMissing(System.getenv());
        }
        if (!window) {
            System.exit(Main.execute(args));
        }
        try {
            WindowOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(Messages.text("cli.badOption", e.getMessage()));
            System.exit(NO_WINDOW);
        }
        Optional<String> noDisplay = DisplayCheck.problem(System.getenv(), System.getProperty("glass.platform"),
                System.getProperty("os.name"));
        if (noDisplay.isPresent()) {
            System.err.println(noDisplay.get());
            System.exit(NO_WINDOW);
        }
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(ProcessionApp.class, args);
    }
}
