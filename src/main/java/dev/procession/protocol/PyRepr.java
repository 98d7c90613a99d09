package dev.procession.protocol;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Python's repr() and str() of a value in its wire form (see {@link PyWire}): what a program's
 * print shows, and what the hub shows of a queue's item. With a limit it stops building once
 * past it, so a big item costs no more than a small one.
 */
public final class PyRepr {
    private final StringBuilder sb = new StringBuilder(16);
    private final int limit;

    private PyRepr(int limit) {
        this.limit = limit;
    }

    /** repr(value) in full. */
    public static String of(Object wire) {
        PyRepr r = new PyRepr(Integer.MAX_VALUE);
        r.append(wire);
        return r.sb.toString();
    }

    /** repr(value), cut to {@code limit} characters ending in "..." when longer. */
    public static String of(Object wire, int limit) {
        PyRepr r = new PyRepr(limit);
        r.append(wire);
        if (r.sb.length() > limit) {
            r.sb.setLength(limit - 3);
            r.sb.append("...");
        }
        return r.sb.toString();
    }

    /** str(value): a string as it is, anything else as its repr. */
    public static String str(Object wire) {
        return wire instanceof String s ? s : of(wire);
    }

    /** A call as Python writes it, {@code task(100, 0.5)}, from a target's name and its wire arguments. */
    public static String call(String name, Object wireArgs) {
        PyRepr r = new PyRepr(Integer.MAX_VALUE);
        r.items(name + "(", wireArgs instanceof List<?> l ? l : List.of(), ")");
        return r.sb.toString();
    }

    /** repr of a float: the shortest digits that read back, in Python's layout (1e+16, 1e-05, 2.0). */
    public static String ofFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        // Java writes at least two digits (4.9E-324) where one reads back as well (Python's 5e-324).
        if (shortest.precision() == 2) {
            BigDecimal one = shortest.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (one.doubleValue() == Math.abs(d)) {
                shortest = one.stripTrailingZeros();
            }
        }
        String digits = shortest.unscaledValue().toString();
        // The value is 0.<digits> times 10 to the power point.
        int point = digits.length() - shortest.scale();
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (point <= -4 || point > 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exponent = point - 1;
            out.append(exponent < 0 ? "e-" : "e+");
            out.append(Math.abs(exponent) < 10 ? "0" : "").append(Math.abs(exponent));
        } else if (point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            out.append(digits).append("0".repeat(point - digits.length())).append(".0");
        } else {
            out.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return out.toString();
    }

    private void append(Object value) {
        if (sb.length() > limit) {
            return;
        }
        switch (value) {
            case null -> sb.append("None");
            case Boolean b -> sb.append(b ? "True" : "False");
            case Double d -> sb.append(ofFloat(d));
            case Float f -> sb.append(ofFloat(f));
            case Number n -> sb.append(n);
            case String s -> quoted(s, false);
            case JsonValue v -> append(v.toJson());
            case Map<?, ?> map -> map(map);
            case List<?> list -> items("[", list, "]");
            default -> sb.append(value);
        }
    }

    private void map(Map<?, ?> map) {
        String tag = PyWire.tag(map);
        if (tag == null) {
            dict(map.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).iterator());
            return;
        }
        Object content = map.get(tag);
        switch (tag) {
            case PyWire.TUPLE -> {
                List<?> items = content instanceof List<?> l ? l : List.of();
                items("(", items, items.size() == 1 ? ",)" : ")");
            }
            case PyWire.INT, PyWire.FLOAT -> sb.append(content);
            case PyWire.BYTES -> quoted(bytesAsChars(String.valueOf(content)), true);
            case PyWire.DICT -> dict((content instanceof List<?> l ? l : List.of()).iterator());
            default -> sb.append('<').append(map.get(PyWire.TYPE)).append('#').append(map.get(PyWire.OBJ)).append('>');
        }
    }

    private void dict(java.util.Iterator<?> pairs) {
        sb.append('{');
        boolean first = true;
        while (pairs.hasNext() && sb.length() <= limit) {
            List<?> kv = pairs.next() instanceof List<?> l && l.size() == 2 ? l : null;
            if (kv == null) {
                continue;
            }
            sb.append(first ? "" : ", ");
            first = false;
            append(kv.get(0));
            sb.append(": ");
            append(kv.get(1));
        }
        sb.append('}');
    }

    private void items(String open, List<?> items, String close) {
        sb.append(open);
        for (int i = 0; i < items.size() && sb.length() <= limit; i++) {
            sb.append(i == 0 ? "" : ", ");
            append(items.get(i));
        }
        sb.append(close);
    }

    /** Bytes as chars 0-255, so bytes and strings share the quoting below. */
    private static String bytesAsChars(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        StringBuilder chars = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            chars.append((char) (b & 0xff));
        }
        return chars.toString();
    }

    /** Python's quoting: single quotes unless the text has one and no double quote. */
    private void quoted(String s, boolean bytes) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(bytes ? "b" : "").append(quote);
        int end = Math.min(s.length(), limit == Integer.MAX_VALUE ? s.length() : limit + 1);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == quote) {
                        sb.append('\\').append(c);
                    } else if (c < 0x20 || (bytes ? c > 0x7e : c >= 0x7f && c <= 0xa0 || c == 0xad)) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append(quote);
    }
}
