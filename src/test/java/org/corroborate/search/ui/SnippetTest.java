package org.corroborate.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.corroborate.search.ui.Snippet.Part;
import org.junit.jupiter.api.Test;

/** A snippet is cut at its highlights, counted in code points, and built as text nodes, never as markup. */
class SnippetTest {

    @Test
    void marksTheHighlightedWords() {
        assertThat(Snippet.parts("the mayor said the mayor", List.of(new int[] {4, 9}, new int[] {19, 24})))
                .containsExactly(new Part("the ", false), new Part("mayor", true), new Part(" said the ", false),
                        new Part("mayor", true));
    }

    @Test
    void countsCodePointsSoAstralCharactersDoNotShiftTheMarks() {
        // "🌊" is one code point and two UTF-16 units; "flood" starts at code point 2.
        assertThat(Snippet.parts("🌊 flood warning", List.of(new int[] {2, 7})))
                .containsExactly(new Part("🌊 ", false), new Part("flood", true), new Part(" warning", false));
    }

    @Test
    void toleratesUnorderedOverlappingAndOutOfRangeHighlights() {
        assertThat(Snippet.parts("abcdef", List.of(new int[] {4, 99}, new int[] {0, 2}, new int[] {1, 3},
                new int[] {5, 5}))).containsExactly(new Part("ab", true), new Part("c", true), new Part("d", false),
                new Part("ef", true));
        assertThat(Snippet.parts("abc", List.of())).containsExactly(new Part("abc", false));
        assertThat(Snippet.parts(null, null)).isEmpty();
    }

    @Test
    void markupInASnippetStaysText() {
        Snippet snippet = new Snippet("<script>alert(1)</script> x", List.of(new int[] {0, 8}));
        assertThat(snippet.getElement().getChild(0).getTag()).isEqualTo("mark");
        assertThat(snippet.getElement().getChild(0).getText()).isEqualTo("<script>");
        assertThat(snippet.getElement().getChildCount()).isEqualTo(2);
    }
}
