package dev.procession.app;

import dev.procession.app.theme.Theme;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import java.util.List;
import java.util.Optional;

/**
 * The window's own command-line options, so that scripts (docs/screenshots) need no clicking:
 * {@code --scenario ID} selects a scenario, {@code --run} starts it, {@code --theme light|dark}.
 *
 * @param scenario the scenario to select, if any
 * @param run      whether to start it at once
 * @param theme    the theme to open with
 */
public record WindowOptions(Optional<Scenario> scenario, boolean run, Theme theme) {
    private static final List<String> OPTIONS = List.of("--scenario", "--run", "--theme");

    /** True when the arguments are for the window: none at all, or only window options. */
    static boolean isForTheWindow(String[] args) {
        return args.length == 0 || OPTIONS.contains(args[0]);
    }

    /** Parses window options; an unknown option, scenario or theme is an error that names it. */
    public static WindowOptions parse(String... args) {
        Optional<Scenario> scenario = Optional.empty();
        boolean run = false;
        Theme theme = Theme.LIGHT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scenario" -> scenario = Optional.of(Scenarios.byId(valueOf(args, ++i, "--scenario")));
                case "--run" -> run = true;
                case "--theme" -> theme = Theme.byName(valueOf(args, ++i, "--theme"));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; the window takes "
                        + String.join(", ", OPTIONS) + " (and 'procession run' runs without a window)");
            }
        }
        if (run && scenario.isEmpty()) {
            throw new IllegalArgumentException("--run needs --scenario ID");
        }
        return new WindowOptions(scenario, run, theme);
    }

    private static String valueOf(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
