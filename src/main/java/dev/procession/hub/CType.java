package dev.procession.hub;

import dev.procession.protocol.PyRepr;
import dev.procession.protocol.PyWire;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The C type behind a typecode of a shared Value or Array (multiprocessing.sharedctypes), and how
 * ctypes stores a Python value in it: integers wrap around silently to the type's width, a float
 * type takes any real number ('f' rounds it to single precision), 'c' takes one byte and 'u' one
 * character. Widths are those of 64-bit Linux and macOS ({@code long} is 64 bits). Values are in
 * their wire form (docs/protocol.md, "Values"), and so is what this returns.
 */
enum CType {
    BYTE("b", "c_byte", 8, true), UBYTE("B", "c_ubyte", 8, false),
    SHORT("h", "c_short", 16, true), USHORT("H", "c_ushort", 16, false),
    INT("i", "c_int", 32, true), UINT("I", "c_uint", 32, false),
    LONG("l", "c_long", 64, true), ULONG("L", "c_ulong", 64, false),
    LONGLONG("q", "c_longlong", 64, true), ULONGLONG("Q", "c_ulonglong", 64, false),
    FLOAT("f", "c_float", 0, false), DOUBLE("d", "c_double", 0, false),
    CHAR("c", "c_char", 0, false), WCHAR("u", "c_wchar", 0, false);

    private static final String CODES = "b, B, h, H, i, I, l, L, q, Q, f, d, c, u";

    final String code;
    /** ctypes' name, which Python's messages and reprs use: c_int. */
    final String ctypesName;
    private final int bits;
    private final boolean signed;

    CType(String code, String ctypesName, int bits, boolean signed) {
        this.code = code;
        this.ctypesName = ctypesName;
        this.bits = bits;
        this.signed = signed;
    }

    static CType of(Object typecode) {
        for (CType t : values()) {
            if (t.code.equals(typecode)) {
                return t;
            }
        }
        // Python looks the code up and, not finding it, asks ctypes the size of the string itself.
        throw new HubError("TypeError", "this type has no size: " + PyRepr.of(typecode) + " is not a typecode ("
                + CODES + ")");
    }

    /** What a new Value or Array item holds when given no value: 0, 0.0, b'\x00', '\x00'. */
    Object zero() {
        return switch (this) {
            case FLOAT, DOUBLE -> 0.0;
            case CHAR -> bytes(new byte[1]);
            case WCHAR -> "\0";
            default -> 0L;
        };
    }

    /** The value ctypes stores when given {@code wire}, or Python's TypeError (OverflowError) for it. */
    Object store(Object wire) {
        return switch (this) {
            case FLOAT, DOUBLE -> real(wire);
            case CHAR -> oneByte(wire);
            case WCHAR -> oneCharacter(wire);
            default -> integer(wire);
        };
    }

    private Object integer(Object wire) {
        BigInteger n = switch (wire) {
            case Boolean b -> b ? BigInteger.ONE : BigInteger.ZERO;
            case Long l -> BigInteger.valueOf(l);
            case Map<?, ?> m when PyWire.INT.equals(PyWire.tag(m)) -> new BigInteger(String.valueOf(m.get(PyWire.INT)));
            case null, default -> throw new HubError("TypeError", "'" + typeName(wire) + "' object cannot be interpreted as an integer");
        };
        BigInteger wrapped = n.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        if (signed && wrapped.testBit(bits - 1)) {
            wrapped = wrapped.subtract(BigInteger.ONE.shiftLeft(bits));
        }
        return wrapped.bitLength() < 64 ? (Object) wrapped.longValue() : Map.of(PyWire.INT, wrapped.toString());
    }

    private Object real(Object wire) {
        double d = switch (wire) {
            case Boolean b -> b ? 1.0 : 0.0;
            case Long l -> l.doubleValue();
            case Double x -> x;
            case Map<?, ?> m when PyWire.FLOAT.equals(PyWire.tag(m)) -> switch (String.valueOf(m.get(PyWire.FLOAT))) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
            case Map<?, ?> m when PyWire.INT.equals(PyWire.tag(m)) -> {
                double big = new BigInteger(String.valueOf(m.get(PyWire.INT))).doubleValue();
                if (Double.isInfinite(big)) {
                    throw new HubError("OverflowError", "int too large to convert to float");
                }
                yield big;
            }
            case null, default -> throw new HubError("TypeError", "must be real number, not " + typeName(wire));
        };
        if (this == FLOAT) {
            d = (float) d;
        }
        return Double.isFinite(d) ? (Object) d : Map.of(PyWire.FLOAT, PyRepr.ofFloat(d));
    }

    private static Object oneByte(Object wire) {
        if (wire instanceof Map<?, ?> m && PyWire.BYTES.equals(PyWire.tag(m))
                && Base64.getDecoder().decode(String.valueOf(m.get(PyWire.BYTES))).length == 1) {
            return wire;
        }
        long n = wire instanceof Boolean b ? (b ? 1 : 0) : wire instanceof Long l ? l : -1;
        if (n < 0 || n > 255) {
            throw new HubError("TypeError", "one character bytes, bytearray or integer expected");
        }
        return bytes(new byte[] {(byte) n});
    }

    private static Object oneCharacter(Object wire) {
        if (!(wire instanceof String s)) {
            throw new HubError("TypeError", "unicode string expected instead of " + typeName(wire) + " instance");
        }
        if (s.codePointCount(0, s.length()) != 1) {
            throw new HubError("TypeError", "one character unicode string expected");
        }
        return s;
    }

    /** Python's name of a wire value's type, for its messages: int, float, NoneType, bytes, list... */
    static String typeName(Object wire) {
        return switch (wire) {
            case null -> "NoneType";
            case Boolean b -> "bool";
            case Long l -> "int";
            case Double d -> "float";
            case String s -> "str";
            case List<?> l -> "list";
            case Map<?, ?> m -> {
                String tag = PyWire.tag(m);
                yield tag == null ? "dict" : switch (tag) {
                    case PyWire.INT -> "int";
                    case PyWire.FLOAT -> "float";
                    case PyWire.BYTES -> "bytes";
                    case PyWire.TUPLE -> "tuple";
                    case PyWire.OBJ -> String.valueOf(m.get(PyWire.TYPE));
                    default -> "dict";
                };
            }
            default -> wire.getClass().getSimpleName();
        };
    }

    static Map<String, Object> bytes(byte[] b) {
        return Map.of(PyWire.BYTES, Base64.getEncoder().encodeToString(b));
    }
}
