package dev.procession.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's repr of wire values; each expected text is what python3 prints for the same value. */
class PyReprTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.1 | 0.1", "2.0 | 2.0", "1e16 | 1e+16", "1e15 | 1000000000000000.0",
            "1234567890123456.0 | 1234567890123456.0", "12345678901234567.0 | 1.2345678901234568e+16",
            "1e-4 | 0.0001", "1e-5 | 1e-05", "0.00012345 | 0.00012345", "1.5e300 | 1.5e+300", "-2.5 | -2.5",
            "4.9e-324 | 5e-324", "0.3333333333333333 | 0.3333333333333333", "100.0 | 100.0", "1e22 | 1e+22",
            "-0.0 | -0.0"})
    void floatsPrintAsPythonPrintsThem(double value, String python) {
        assertThat(PyRepr.of(value)).isEqualTo(python);
    }

    @Test
    void stringsAndBytesAreQuotedAsPythonQuotesThem() {
        assertThat(PyRepr.of("a'b")).isEqualTo("\"a'b\"");
        assertThat(PyRepr.of("a'b\"")).isEqualTo("'a\\'b\"'");
        assertThat(PyRepr.of("tab\there\u0001\u007f")).isEqualTo("'tab\\there\\x01\\x7f'");
        // b'\x00ab\'c' is AGFiJ2M= in base64.
        assertThat(PyRepr.of(Map.of(PyWire.BYTES, "AGFiJ2M="))).isEqualTo("b\"\\x00ab'c\"");
        assertThat(PyRepr.str("it's")).isEqualTo("it's");
    }

    @Test
    void taggedValuesPrintAsTheTypesTheyCarry() {
        assertThat(PyRepr.of(Map.of(PyWire.TUPLE, List.of(1L, "a")))).isEqualTo("(1, 'a')");
        assertThat(PyRepr.of(Map.of(PyWire.TUPLE, List.of(5L)))).isEqualTo("(5,)");
        assertThat(PyRepr.of(Map.of(PyWire.TUPLE, List.of()))).isEqualTo("()");
        assertThat(PyRepr.of(Map.of(PyWire.INT, "-2361183241434822606848"))).isEqualTo("-2361183241434822606848");
        assertThat(PyRepr.of(Map.of(PyWire.FLOAT, "nan"))).isEqualTo("nan");
        assertThat(PyRepr.of(Map.of(PyWire.DICT, List.of(List.of(9L, 81L),
                Arrays.asList(Map.of(PyWire.TUPLE, List.of(1L, 2L)), null))))).isEqualTo("{9: 81, (1, 2): None}");
        assertThat(PyRepr.of(Map.of("count", 1000L))).isEqualTo("{'count': 1000}");
        assertThat(PyRepr.of(Map.of(PyWire.OBJ, 3L, PyWire.TYPE, "Lock"))).isEqualTo("<Lock#3>");
        assertThat(PyRepr.of(Arrays.asList(true, false, null, List.of()))).isEqualTo("[True, False, None, []]");
    }

    @Test
    void aLimitCutsTheReprShort() {
        String repr = PyRepr.of(List.of("x".repeat(500), "y"), 20);
        assertThat(repr).hasSize(20).endsWith("...").startsWith("['xxxx");
    }
}
