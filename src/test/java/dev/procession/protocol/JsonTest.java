package dev.procession.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
    @Test
    void roundTripsEveryKindOfValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("int", 42L);
        value.put("min", Long.MIN_VALUE);
        value.put("max", Long.MAX_VALUE);
        value.put("double", 2.54);
        value.put("whole double", 2.0);
        value.put("tiny", 1e-300);
        value.put("huge", 1.5e300);
        value.put("yes", true);
        value.put("no", false);
        value.put("nothing", null);
        value.put("text", "quote \" backslash \\ slash / tab \t newline \n bell \u0007 中文 😀");
        value.put("list", List.of(1L, "two", List.of(), Map.of()));
        value.put("", "empty key");
        String text = Json.write(value);
        assertThat(Json.parse(text)).isEqualTo(value);
        assertThat(Json.write(Json.parse(text))).isEqualTo(text);
    }

    @Test
    void keepsIntegersAndDoublesApart() {
        assertThat(Json.parse("2")).isEqualTo(2L);
        assertThat(Json.parse("2.0")).isEqualTo(2.0);
        assertThat(Json.parse("-0")).isEqualTo(0L);
        assertThat(Json.parse("1E2")).isEqualTo(100.0);
        assertThat(Json.write(2.0)).isEqualTo("2.0");
        assertThat(Json.write(3)).isEqualTo("3");
    }

    @Test
    void decodesEscapesAndKeepsObjectOrder() {
        assertThat(Json.parse("\"\\u00e9\\ud83d\\ude00\\/\\b\\f\\r\"")).isEqualTo("é😀/\b\f\r");
        assertThat(Json.parseObject(" {\"b\": 1, \"a\": 2} ").keySet()).containsExactly("b", "a");
        assertThat(Json.parse(" [ ] ")).isEqualTo(List.of());
    }

    @ParameterizedTest(name = "{0} -> offset {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``                | 0  | unexpected end of input",
            "`   `             | 3  | unexpected end of input",
            "{\"a\":}          | 5  | unexpected character '}'",
            "{\"a\" 1}         | 5  | expected ':'",
            "{\"a\":1,}        | 7  | expected a string key",
            "{a:1}             | 1  | expected a string key",
            "[1,]              | 3  | unexpected character ']'",
            "[1 2]             | 3  | expected ',' or ']'",
            "{\"a\":1 \"b\":2} | 7  | expected ',' or '}'",
            "tru               | 0  | unexpected word",
            "nul               | 0  | unexpected word",
            "\"abc             | 4  | unterminated string",
            "\"a\\x\"          | 4  | bad escape",
            "\"\\u12\"         | 3  | short \\u escape",
            "\"\\u12G4\"       | 5  | bad \\u escape",
            "\"\\u+041\"       | 3  | bad \\u escape",
            "\"\\u١٢٣٤\"       | 3  | bad \\u escape",
            "1 2               | 2  | unexpected text after the value",
            "01                | 1  | unexpected text after the value",
            "1.                | 2  | expected a digit after '.'",
            ".5                | 0  | unexpected character '.'",
            "+1                | 0  | unexpected character '+'",
            "-                 | 1  | expected a digit",
            "1e                | 2  | expected a digit in the exponent",
            "1e400             | 0  | too large",
            "99999999999999999999 | 0 | outside the 64-bit range",
            "NaN               | 0  | unexpected character 'N'",
            "Infinity          | 0  | unexpected character 'I'",
    })
    void malformedInputNamesWhereAndWhat(String text, int offset, String what) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class)
                .hasMessageContaining("at offset " + offset + ":").hasMessageContaining(what);
    }

    @Test
    void rejectsAControlCharacterInAString() {
        assertThatThrownBy(() -> Json.parse("\"a\nb\"")).hasMessageContaining("offset 2: control character");
    }

    @Test
    void limitsNestingWithoutOverflowingTheStack() {
        assertThat(Json.parse("[".repeat(64) + "]".repeat(64))).isInstanceOf(List.class);
        assertThatThrownBy(() -> Json.parse("[".repeat(65) + "]".repeat(65)))
                .hasMessageContaining("at offset 64").hasMessageContaining("nested deeper than 64");
        assertThatThrownBy(() -> Json.parse("{\"a\":".repeat(100_000))).hasMessageContaining("nested deeper");
    }

    @Test
    void parseObjectSaysWhatItGotInstead() {
        assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessage("expected a JSON object, got an array");
        assertThatThrownBy(() -> Json.parseObject("null")).hasMessage("expected a JSON object, got null");
    }

    @Test
    void refusesToWriteWhatJsonCannotSay() {
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.write(Double.POSITIVE_INFINITY)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.write(new Object())).hasMessageContaining("cannot write a java.lang.Object");
        List<Object> selfish = new ArrayList<>();
        assertThat(Json.write(selfish)).isEqualTo("[]");
    }
}
