package dev.procession.app;

import dev.procession.app.settings.Profile;
import dev.procession.app.theme.Theme;
import dev.procession.cli.Settings;
import dev.procession.scenario.Comparison;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The window's own command-line options, so that scripts (docs/screenshots) need no clicking:
 * {@code --scenario ID} selects a scenario, {@code --set KEY=VALUE} (repeatable) fills in one of
 * its parameters as {@code procession run} takes it, {@code --run} starts it, {@code --theme light|dark|projector}
 * {@code --profile laptop|projector} and {@code --language en|zh-Hans} override the remembered ones, and
 * {@code --present} opens the presentation view, {@code --compare} the scenario's side-by-side comparison,
 * {@code --step} turns step mode on (a run started then starts in it), and {@code --replay FILE} opens a
 * saved run in replay, at event {@code --at N} (or {@code --at P%} of its events; default its first), and
 * {@code --python SCRIPT} runs the user's python3 program.
 *
 * @param scenario the scenario to select, if any
 * @param settings parameter values for the scenario's sheet, as typed, already accepted by the engine
 * @param run      whether to start it at once
 * @param theme    the theme to open with, if not the remembered one
 * @param profile  the profile to open with, if not the remembered one
 * @param language the language to open in ("en" or "zh-Hans"), if not the remembered one
 * @param present  whether to open in the presentation view (the stage and the narration alone)
 * @param compare  whether to open the scenario's side-by-side comparison ({@code --run} then runs both)
 * @param step     whether step mode is on from the start
 * @param replay   a saved run to open in replay, if any
 * @param at       where in it: an event number, or a percentage of its events ending in '%'
 * @param python   a python3 program to run at once, if any
 */
public record WindowOptions(Optional<Scenario> scenario, Map<String, String> settings, boolean run,
                            Optional<Theme> theme, Optional<Profile> profile, Optional<Language> language,
                            boolean present, boolean compare, boolean step, Optional<Path> replay, String at,
                            Optional<Path> python) {
    private static final List<String> OPTIONS = List.of("--scenario", "--set", "--run", "--theme", "--profile",
            "--language", "--present", "--compare", "--step", "--replay", "--at",
            "--python");

    /** True when the arguments are for the window: none at all, or only window options. */
    static boolean isForTheWindow(String[] args) {
        return args.length == 0 || OPTIONS.contains(args[0]);
    }

    /** Parses window options; an unknown option, scenario or theme is an error that names it. */
    public static WindowOptions parse(String... args) {
        Optional<Scenario> scenario = Optional.empty();
        List<String> settings = new ArrayList<>();
        boolean run = false;
        Optional<Theme> theme = Optional.empty();
        Optional<Profile> profile = Optional.empty();
        Optional<Language> language = Optional.empty();
        boolean present = false;
        boolean compare = false;
        boolean step = false;
        Optional<Path> replay = Optional.empty();
        String at = "0";
        Optional<Path> python = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scenario" -> scenario = Optional.of(Scenarios.byId(valueOf(args, ++i, "--scenario")));
                case "--set" -> settings.add(valueOf(args, ++i, "--set"));
                case "--run" -> run = true;
                case "--theme" -> theme = Optional.of(Theme.byName(valueOf(args, ++i, "--theme")));
                case "--profile" -> profile = Optional.of(Profile.byId(valueOf(args, ++i, "--profile")));
                case "--language" -> language = Optional.of(language(valueOf(args, ++i, "--language")));
                case "--present" -> present = true;
                case "--compare" -> compare = true;
                case "--step" -> step = true;
                case "--replay" -> replay = Optional.of(Path.of(valueOf(args, ++i, "--replay")));
                case "--at" -> at = valueOf(args, ++i, "--at");
                case "--python" -> python = Optional.of(Path.of(valueOf(args, ++i, "--python")));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; the window takes "
                        + String.join(", ", OPTIONS) + " (and 'procession run' runs without a window)");
            }
        }
        python.filter(script -> !Files.isRegularFile(script)).ifPresent(script -> {
            throw new IllegalArgumentException("no such Python script: " + script);
        });
        if (run && scenario.isEmpty()) {
            throw new IllegalArgumentException("--run needs --scenario ID");
        }
        if (compare && scenario.flatMap(s -> Comparison.of(s.id())).isEmpty()) {
            throw new IllegalArgumentException("--compare needs --scenario with a side-by-side comparison: "
                    + String.join(", ", Comparison.scenarios()));
        }
        if (!settings.isEmpty() && scenario.isEmpty()) {
            throw new IllegalArgumentException("--set needs --scenario ID");
        }
        if (!at.matches("\\d{1,9}%?") || at.endsWith("%") && Integer.parseInt(at.replace("%", "")) > 100) {
            throw new IllegalArgumentException("--at takes an event number or a percentage up to 100%, got '" + at + "'");
        }
        if (run && replay.isPresent()) {
            throw new IllegalArgumentException("--run and --replay both want the screen: choose one");
        }
        Map<String, String> values = scenario.map(s -> Settings.parse(s, settings)).orElse(Map.of());
        // Refused here, before a window opens, with the CLI's words; the sheet checks again as typed.
        scenario.ifPresent(s -> Scenarios.resolve(s, values));
        return new WindowOptions(scenario, Map.copyOf(values), run, theme, profile, language, present,
                compare, step, replay, at, python);
    }

    private static Language language(String id) {
        return Language.byId(id).orElseThrow(() ->
                new IllegalArgumentException("unknown language '" + id + "'; known: " + Language.ids()));
    }

    private static String valueOf(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
