package dev.procession.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scenario's parameters speak both languages: each has its help line in English and Simplified
 * Chinese, and a refused value is explained in both, naming the parameter and its bounds; the
 * English, which the CLI prints, is what it always was.
 */
class ParameterTextsTest {

    @Test
    void everyParameterHasItsHelpInChinese() {
        for (Scenario s : Scenarios.all()) {
            for (Parameter p : s.parameters()) {
                assertThat(p.helpTexts()).as("%s.%s", s.id(), p.name()).containsOnlyKeys("en", "zh-Hans")
                        .containsEntry("en", p.help()).containsEntry("zh-Hans", p.chineseHelp());
                assertThat(p.chineseHelp()).as("%s.%s in Chinese", s.id(), p.name()).containsPattern("\\p{IsHan}");
            }
        }
    }

    @Test
    void aValueOutOfBoundsIsRefusedInBothLanguagesNamingTheParameterAndItsBounds() {
        Parameter cars = parameter("traffic-light", "cars");
        BadParameterException e = refusal(cars, "101");
        assertThat(e).hasMessage("parameter 'cars' must be an integer from 1 to 100, got '101'");
        assertThat(e.texts()).containsOnlyKeys("en", "zh-Hans")
                .containsEntry("en", e.getMessage())
                .containsEntry("zh-Hans", "参数 'cars' 必须是 1 到 100 之间的整数，输入的是 '101'");

        BadParameterException period = refusal(parameter("traffic-light", "period"), "fast");
        assertThat(period).hasMessage("parameter 'period' must be a number from 0.1 to 30.0, got 'fast'");
        assertThat(period.texts()).containsEntry("zh-Hans", "参数 'period' 必须是 0.1 到 30 之间的数，输入的是 'fast'");

        BadParameterException lock = refusal(parameter("tickets", "lock"), "maybe");
        assertThat(lock).hasMessage("parameter 'lock' must be true or false, got 'maybe'");
        assertThat(lock.texts()).containsEntry("zh-Hans", "参数 'lock' 必须是 true 或 false，输入的是 'maybe'");
    }

    /** Every bounded parameter of the library, refused just above its maximum. */
    @Test
    void everyBoundedParameterNamesItsBoundsInChinese() {
        for (Scenario s : Scenarios.all()) {
            for (Parameter p : s.parameters()) {
                if (p.type() == Parameter.Type.BOOL || p.type() == Parameter.Type.CHOICE) {
                    continue;
                }
                String above = Numbers.str(p.max().doubleValue() + 1);
                // Through the same door the CLI's --set and the window's fields go.
                BadParameterException e = catchThrowableOfType(BadParameterException.class,
                        () -> Scenarios.resolve(s, Map.of(p.name(), above)));
                assertThat(e).as("%s.%s=%s", s.id(), p.name(), above).isNotNull();
                assertThat(e.getMessage()).isEqualTo("parameter '" + p.name() + "' must be " + p.describe()
                        + ", got '" + above + "'");
                assertThat(e.texts().get("zh-Hans")).as("%s.%s", s.id(), p.name())
                        .contains("'" + p.name() + "'", Numbers.str(p.min().doubleValue()) + " 到 "
                                + Numbers.str(p.max().doubleValue()), "'" + above + "'")
                        .containsPattern("\\p{IsHan}");
                assertThat(p.describeTexts()).containsOnlyKeys("en", "zh-Hans").containsEntry("en", p.describe());
            }
        }
    }

    @Test
    void aRefusalSaidInEnglishOnlyHasNoChinese() {
        BadParameterException e = catchThrowableOfType(BadParameterException.class,
                () -> Scenarios.resolve(Scenarios.byId("ktv"), Map.of("chairs", "3")));
        assertThat(e.texts()).containsOnlyKeys("en").containsEntry("en", e.getMessage());
    }

    private static Parameter parameter(String scenario, String name) {
        return Scenarios.byId(scenario).parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static BadParameterException refusal(Parameter p, String text) {
        BadParameterException e = catchThrowableOfType(BadParameterException.class, () -> p.parse(text));
        assertThat(e).as("%s refuses '%s'", p.name(), text).isNotNull();
        return e;
    }
}
