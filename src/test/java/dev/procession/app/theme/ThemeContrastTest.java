package dev.procession.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every text/background pair the app's stylesheets use meets WCAG AA (4.5:1) in every theme. The
 * pairs and the colours are read from the stylesheets themselves (the theme's, with its AtlantaFX
 * base, and app.css, views.css, stage.css, waitfor.css), so a new rule or a changed variable is checked too.
 */
class ThemeContrastTest {
    private static final List<String> APP_SHEETS = List.of(Theme.APP_STYLESHEET, Theme.VIEWS_STYLESHEET,
            dev.procession.app.stage.StageStyles.STYLESHEET, dev.procession.app.waitfor.WaitForDiagram.STYLESHEET);

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyTextMeetsAaOnWhatItSitsOn(Theme theme) {
        List<CssSheet> app = APP_SHEETS.stream().map(CssSheet::load).toList();
        CssSheet processColors = CssSheet.load(ProcessColors.STYLESHEET);
        ThemeColors colors = new ThemeColors(Stream.concat(Stream.of(CssSheet.load(theme.stylesheet()), processColors),
                app.stream()).toList());
        List<TextPairs.Pair> pairs = TextPairs.of(app);

        assertThat(pairs).as("pairs read from the stylesheets").hasSizeGreaterThan(50);
        assertThat(new ContrastCheck(colors, ContrastCheck.processFills(processColors)).failures(pairs))
                .as("pairs under 4.5:1 in the %s theme", theme.id()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyThemeDefinesTheProcessPalette(Theme theme) {
        ThemeColors colors = new ThemeColors(List.of(CssSheet.load(theme.stylesheet())));
        for (int i = 0; i < ProcessColors.COUNT; i++) {
            assertThat(colors.defines("-proc-" + i)).as("-proc-%d in %s", i, theme.id()).isTrue();
        }
        assertThat(colors.defines("-proc-ink")).isTrue();
    }
}
