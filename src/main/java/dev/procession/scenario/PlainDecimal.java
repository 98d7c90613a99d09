package dev.procession.scenario;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Numbers as a person types them: ASCII digits, an optional minus and, for non-integers, one
 * decimal point. Java's own parsers also take "+3", other scripts' digits ("٣"), hexadecimal
 * ("0x1.9p6"), exponents and type suffixes ("100f"), none of which a lesson's parameter means.
 */
public final class PlainDecimal {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern NUMBER = Pattern.compile("-?([0-9]{1,18}(\\.[0-9]*)?|\\.[0-9]+)");

    private PlainDecimal() {
    }

    public static OptionalLong integer(String text) {
        return INTEGER.matcher(text).matches() ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }

    public static OptionalDouble number(String text) {
        return NUMBER.matcher(text).matches() ? OptionalDouble.of(Double.parseDouble(text)) : OptionalDouble.empty();
    }
}
