package org.corroborate.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextLocatorTest {

    private static String marked(String snippet, List<int[]> highlights) {
        StringBuilder out = new StringBuilder();
        int[] points = snippet.codePoints().toArray();
        int at = 0;
        for (int[] h : highlights) {
            out.append(new String(points, at, h[0] - at)).append('[').append(new String(points, h[0], h[1] - h[0]))
                    .append(']');
            at = h[1];
        }
        return out.append(new String(points, at, points.length - at)).toString();
    }

    @Test
    void aWordIsFoundInEveryFormAndPlacedInCodePoints() {
        String text = "👩‍👩‍👧 The ministers met. The Minister's aide said the minister would speak.";
        TextLocator.Located at = TextLocator.locate(text, SearchQueryParser.parse("minister"));

        assertThat(at.found()).isTrue();
        int expected = text.codePointCount(0, text.indexOf("ministers"));
        assertThat(at.start()).isEqualTo(expected);
        assertThat(at.end()).isEqualTo(expected + "ministers".length());
        assertThat(at.text()).isEqualTo("ministers");
        assertThat(marked(at.snippet(), at.highlights())).isEqualTo(
                "👩‍👩‍👧 The [ministers] met. The [Minister's] aide said the [minister] would speak.");
    }

    @Test
    void phrasesMatchWordsInOrderAndPrefixesMatchWholeWords() {
        String text = "Was the reservoir safe? The reservoir was safe, said the engineers. Engineering resumed.";
        TextLocator.Located phrase = TextLocator.locate(text, SearchQueryParser.parse("\"reservoir was safe\""));
        assertThat(phrase.text()).isEqualTo("reservoir was safe");
        assertThat(phrase.start()).isEqualTo(text.indexOf("reservoir was"));

        TextLocator.Located prefix = TextLocator.locate(text, SearchQueryParser.parse("enginee*"));
        assertThat(marked(prefix.snippet(), prefix.highlights())).contains("[engineers]").contains("[Engineering]");
    }

    @Test
    void theBestPlaceHoldsMostOfTheQueryAndNegatedWordsAreNotMarked() {
        String filler = "Nothing happened here at all. ".repeat(20);
        String text = "The mayor spoke. " + filler + "The mayor said the leak was fixed. " + filler;
        TextLocator.Located at = TextLocator.locate(text, SearchQueryParser.parse("mayor leak -nothing"));

        assertThat(at.start()).isEqualTo(text.indexOf("mayor said"));
        assertThat(at.snippet().length()).isLessThanOrEqualTo(TextLocator.SNIPPET_CHARS + 20);
        assertThat(marked(at.snippet(), at.highlights())).contains("[mayor] said the [leak]").doesNotContain("[Nothing]");
    }

    @Test
    void aTextWithoutTheWordsGivesItsBeginning() {
        TextLocator.Located at = TextLocator.locate("Short text.", SearchQueryParser.parse("absent"));
        assertThat(at.found()).isFalse();
        assertThat(at.start()).isZero();
        assertThat(at.snippet()).isEqualTo("Short text.");
        assertThat(at.highlights()).isEmpty();
    }

    @Test
    void annotationSnippetsKeepTheContextAndMarkTheQuery() {
        TextLocator.Located at = TextLocator.annotation("Before 🌊 that, ", "the mayor said", " it was fixed.", 40, 54,
                SearchQueryParser.parse("mayor"));
        assertThat(at.start()).isEqualTo(40);
        assertThat(at.end()).isEqualTo(54);
        assertThat(at.text()).isEqualTo("the mayor said");
        assertThat(marked(at.snippet(), at.highlights())).isEqualTo("Before 🌊 that, the [mayor] said it was fixed.");
    }
}
