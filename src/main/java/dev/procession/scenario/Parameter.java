package dev.procession.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's parameter: a name, a type, a default (the seed's number) and inclusive bounds.
 *
 * @param help one line for the CLI and the app's parameter sheet, in English
 * @param chineseHelp the same line in Simplified Chinese, for the app
 * @param choices the words a {@link Type#CHOICE} takes, the default first (empty for the other types)
 */
public record Parameter(String name, Type type, Object defaultValue, Number min, Number max, String help,
        String chineseHelp, List<String> choices) {

    /** The language tags of {@link Scenario#title()}, used for a parameter's texts too. */
    public static final String ENGLISH = "en";
    public static final String CHINESE = "zh-Hans";

    public enum Type { INT, NUMBER, BOOL, CHOICE }

    public static Parameter integer(String name, long defaultValue, long min, long max, String help,
            String chineseHelp) {
        return new Parameter(name, Type.INT, defaultValue, min, max, help, chineseHelp, List.of());
    }

    public static Parameter number(String name, double defaultValue, double min, double max, String help,
            String chineseHelp) {
        return new Parameter(name, Type.NUMBER, defaultValue, min, max, help, chineseHelp, List.of());
    }

    public static Parameter bool(String name, boolean defaultValue, String help, String chineseHelp) {
        return new Parameter(name, Type.BOOL, defaultValue, null, null, help, chineseHelp, List.of());
    }

    /** One word of a few ({@code none}, {@code ordered}, {@code waiter}), the first being the default. */
    public static Parameter choice(String name, List<String> choices, String help, String chineseHelp) {
        return new Parameter(name, Type.CHOICE, choices.getFirst(), null, null, help, chineseHelp, List.copyOf(choices));
    }

    /** The help line by language tag, "en" and "zh-Hans", as a scenario's title. */
    public Map<String, String> helpTexts() {
        return Map.of(ENGLISH, help, CHINESE, chineseHelp);
    }

    /** Parses a value typed by a user; the error names the parameter and its bounds. */
    public Object parse(String text) {
        String t = text.trim();
        return switch (type) {
            case BOOL -> switch (t.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw bad(text);
            };
            case INT -> {
                long v = PlainDecimal.integer(t).orElseThrow(() -> bad(text));
                check(v, text);
                yield v;
            }
            case NUMBER -> {
                double v = PlainDecimal.number(t).orElseThrow(() -> bad(text));
                check(v, text);
                yield v;
            }
            case CHOICE -> choices.stream().filter(c -> c.equalsIgnoreCase(t)).findFirst().orElseThrow(() -> bad(text));
        };
    }

    private void check(double v, String text) {
        if (v < min.doubleValue() || v > max.doubleValue()) {
            throw bad(text);
        }
    }

    private BadParameterException bad(String text) {
        return new BadParameterException(Map.of(
                ENGLISH, "parameter '" + name + "' must be " + describe() + ", got '" + text + "'",
                CHINESE, "参数 '" + name + "' 必须是 " + describeInChinese() + "，输入的是 '" + text + "'"));
    }

    /** "an integer from 1 to 50", "true or false". */
    public String describe() {
        return switch (type) {
            case BOOL -> "true or false";
            case INT -> "an integer from " + min + " to " + max;
            case NUMBER -> "a number from " + min + " to " + max;
            case CHOICE -> "one of " + String.join(", ", choices);
        };
    }

    /** What {@link #describe()} says, by language tag, "en" and "zh-Hans". */
    public Map<String, String> describeTexts() {
        return Map.of(ENGLISH, describe(), CHINESE, describeInChinese());
    }

    /** "1 到 50 之间的整数", "true 或 false": the bounds written as the listing writes numbers. */
    private String describeInChinese() {
        return switch (type) {
            case BOOL -> "true 或 false";
            case INT -> min + " 到 " + max + " 之间的整数";
            case NUMBER -> Numbers.str(min.doubleValue()) + " 到 " + Numbers.str(max.doubleValue()) + " 之间的数";
            case CHOICE -> String.join("、", choices) + " 之一";
        };
    }
}
