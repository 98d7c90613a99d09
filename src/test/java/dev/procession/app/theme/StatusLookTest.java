package dev.procession.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.model.ProcStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.Ikon;

/**
 * Colour never tells a state alone: every status has an icon of its own shape and a word of its
 * own, the same in the table, on the stages, in the code cursors (all draw through StatusLook) and
 * on the timeline (its short word).
 */
class StatusLookTest {

    @Test
    void everyStatusHasItsOwnShape() {
        List<Ikon> glyphs = Arrays.stream(ProcStatus.values()).map(StatusLook::glyph).toList();
        assertThat(glyphs).doesNotHaveDuplicates().doesNotContainNull();
        // An exit with a code other than 0 has one more shape of its own.
        assertThat(glyphs).doesNotContain(StatusLook.FAILED_EXIT);
    }

    @Test
    void everyStatusHasItsOwnWord() {
        List<String> words = Arrays.stream(ProcStatus.values()).map(StatusLook::shortWord).toList();
        assertThat(words).doesNotHaveDuplicates().allSatisfy(w -> assertThat(w).isNotBlank());
    }

    @Test
    void everyStatusHasAStyleClassTheStylesheetColours() {
        CssSheet views = CssSheet.load(Theme.VIEWS_STYLESHEET);
        for (ProcStatus s : ProcStatus.values()) {
            String icon = ".status-icon." + StatusLook.styleClass(s);
            assertThat(views.rules()).as(icon).anyMatch(r -> r.hasSelector(icon));
        }
    }
}
