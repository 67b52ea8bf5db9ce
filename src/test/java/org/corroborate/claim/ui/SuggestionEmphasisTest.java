package org.corroborate.claim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.Element;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Suggestions panel marks the matching words of a passage: code point ranges, text kept as text. */
class SuggestionEmphasisTest {

    @Test
    void matchingWordsAreMarkedAndTheRestStaysText() {
        Element passage = new Element("div");
        String text = "🌊 Twelve <b>residents</b> left";
        // "Twelve" at code points 2..8, "residents" inside the angle brackets at 12..21.
        SuggestionsPanel.emphasise(passage, text, List.of(new int[] {2, 8}, new int[] {12, 21}));
        assertThat(passage.getChildren().map(e -> e.isTextNode() ? "#text" : e.getTag()).toList())
                .containsExactly("#text", "mark", "#text", "mark", "#text");
        assertThat(passage.getChild(1).getText()).isEqualTo("Twelve");
        assertThat(passage.getChild(3).getText()).isEqualTo("residents");
        assertThat(passage.getTextRecursively()).isEqualTo(text);
    }

    @Test
    void noMatchesIsThePlainText() {
        Element passage = new Element("div");
        SuggestionsPanel.emphasise(passage, "Nothing shared.", List.of());
        assertThat(passage.getTextRecursively()).isEqualTo("Nothing shared.");
        assertThat(passage.getChildCount()).isEqualTo(1);
    }
}
