package dev.procession.scenario;

import java.util.Locale;

/**
 * A scenario's parameter: a name, a type, a default (the seed's number) and inclusive bounds.
 *
 * @param help one line for the CLI and the app's parameter sheet
 */
public record Parameter(String name, Type type, Object defaultValue, Number min, Number max, String help) {

    public enum Type { INT, NUMBER, BOOL }

    public static Parameter integer(String name, long defaultValue, long min, long max, String help) {
        return new Parameter(name, Type.INT, defaultValue, min, max, help);
    }

    public static Parameter number(String name, double defaultValue, double min, double max, String help) {
        return new Parameter(name, Type.NUMBER, defaultValue, min, max, help);
    }

    public static Parameter bool(String name, boolean defaultValue, String help) {
        return new Parameter(name, Type.BOOL, defaultValue, null, null, help);
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
        };
    }

    private void check(double v, String text) {
        if (v < min.doubleValue() || v > max.doubleValue()) {
            throw bad(text);
        }
    }

    private BadParameterException bad(String text) {
        return new BadParameterException("parameter '" + name + "' must be " + describe() + ", got '" + text + "'");
    }

    /** "an integer from 1 to 50", "true or false". */
    public String describe() {
        return switch (type) {
            case BOOL -> "true or false";
            case INT -> "an integer from " + min + " to " + max;
            case NUMBER -> "a number from " + min + " to " + max;
        };
    }
}
