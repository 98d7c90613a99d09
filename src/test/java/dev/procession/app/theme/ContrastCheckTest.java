package dev.procession.app.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The checker itself: WCAG's numbers, and a bad pair in a stylesheet is caught wherever it hides. */
class ContrastCheckTest {
    private static final String THEME = """
            .root {
                -color-bg-default: #FFFFFF; -color-bg-subtle: #FFFFFF; -color-cell-bg-selected: #FFFFFF;
                -color-fg-default: #000000; -color-grey: #777777; -color-fine: #595959;
                -proc-0: #000000; -proc-1: #FFFFFF; -proc-ink: #000000;
            }
            """;
    private static final String PROCESS_COLORS = """
            .proc-color-0 { -proc-fill: -proc-0; }
            .proc-color-1 { -proc-fill: -proc-1; }
            """;

    @Test
    void luminanceAndRatioAreWcags() {
        assertThat(Contrast.ratio(Color.BLACK, Color.WHITE)).isCloseTo(21, within(1e-9));
        assertThat(Contrast.ratio(Color.WHITE, Color.WHITE)).isCloseTo(1, within(1e-9));
        // The classic borderline greys: #777 just fails AA on white, #767676 just passes.
        assertThat(Contrast.ratio(Color.web("#777777"), Color.WHITE)).isCloseTo(4.48, within(0.01));
        assertThat(Contrast.ratio(Color.web("#767676"), Color.WHITE)).isCloseTo(4.54, within(0.01));
        assertThat(Contrast.over(Color.color(0, 0, 0, 0.5), Color.WHITE)).isEqualTo(Color.color(0.5, 0.5, 0.5));
    }

    @Test
    void goodPairsPass() {
        assertThat(failures(".fine { -fx-text-fill: -color-fine; } .label-on-black { -fx-text-fill: #FFFFFF;"
                + " -fx-background-color: #000000; }")).isEmpty();
    }

    @Test
    void aGreyTextOnThePageFails() {
        assertThat(failures(".status { -fx-text-fill: -color-grey; }"))
                .anySatisfy(f -> assertThat(f).startsWith(".status: -color-grey #777777 on -color-bg-default #FFFFFF"));
    }

    @Test
    void aPairInOneRuleFails() {
        assertThat(failures(".notice { -fx-text-fill: #888888; -fx-background-color: #999999; }"))
                .singleElement().asString().startsWith(".notice: #888888");
    }

    @Test
    void aTranslucentSurfaceIsCheckedOverThePage() {
        assertThat(failures(".belt { -fx-background-color: -color-dark-veil; }",
                ".root { -color-dark-veil: rgba(0, 0, 0, 0.9); }"))
                .anySatisfy(f -> assertThat(f).startsWith("AtlantaFX labels: -color-fg-default #000000"
                        + " on -color-dark-veil #1A1A1A"));
    }

    @Test
    void inkIsCheckedOnEveryProcessFillUnderIt() {
        // Black ink reads on the white fill, not on the black one: only proc-color-0 fails.
        assertThat(failures(".car { -fx-background-color: -proc-fill; } .car .label { -fx-text-fill: -proc-ink; }"))
                .singleElement().asString().contains("-proc-0").doesNotContain("-proc-1");
    }

    @Test
    void aBackgroundTheStylesheetCannotNameIsAnErrorNotAPass() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> failures(".x { -fx-text-fill: -color-nowhere; }"))
                .hasMessageContaining("-color-nowhere");
    }

    private static List<String> failures(String appCss, String... moreTheme) {
        CssSheet app = CssSheet.parse(appCss, "mem:/app.css");
        CssSheet processColors = CssSheet.parse(PROCESS_COLORS, "mem:/process-colors.css");
        List<CssSheet> sheets = new java.util.ArrayList<>(List.of(CssSheet.parse(THEME, "mem:/theme.css"), processColors, app));
        for (String extra : moreTheme) {
            sheets.add(CssSheet.parse(extra, "mem:/extra.css"));
        }
        return new ContrastCheck(new ThemeColors(sheets), ContrastCheck.processFills(processColors))
                .failures(TextPairs.of(List.of(app)));
    }
}
