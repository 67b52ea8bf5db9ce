package org.corroborate.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.review.adjudication.Unit;
import org.corroborate.scheme.LabelScheme;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What the curation page shows of a unit: its sentence, and attributes by the scheme's names. */
class CurationCardsTest {

    private static final LabelScheme SCHEME = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
            .readValue(Path.of("annotations", "scheme.json").toFile(), LabelScheme.class);

    private static AnnotationDetails span(long id, int start, int end, String label, Map<String, String> values) {
        return new AnnotationDetails(id, 1L, start, end, label, values, null, "alice", Instant.EPOCH, Instant.EPOCH,
                "x", "", "", 0, null, 1L, 1);
    }

    @Test
    void aUnitIsShownInItsSentence() {
        String text = "Residents met. The mayor said the water is safe 🚰 today! Then it rained.";
        CurationCards cards = new CurationCards(SCHEME, text);
        int start = text.codePointCount(0, text.indexOf("the water"));
        int end = start + "the water".length();
        CurationCards.Card card = cards.cards(List.of(new Unit("FACT", start, end,
                List.of(span(1, start, end, "FACT", Map.of())), false, null)), Map.of()).getFirst();

        assertThat(cards.text(card.contextStart(), card.contextEnd())).isEqualTo("The mayor said the water is safe 🚰 today!");
        assertThat(card.clippedBefore()).isFalse();
        assertThat(card.clippedAfter()).isFalse();
    }

    @Test
    void aLongSentenceIsCutAtAWordAbout120CodePointsAway() {
        String words = "word ".repeat(60);
        String text = words + "TARGET " + words;
        CurationCards cards = new CurationCards(SCHEME, text);
        int start = words.length();
        int from = cards.contextStart(start);
        int to = cards.contextEnd(start + 6);
        assertThat(start - from).isBetween(100, CurationCards.REACH);
        assertThat(to - (start + 6)).isBetween(100, CurationCards.REACH);
        assertThat(cards.text(from, to)).startsWith("word").endsWith("word");
        assertThat(cards.sentenceStartsAt(from)).isFalse();
    }

    @Test
    void attributesAreNamedByTheScheme() {
        CurationCards cards = new CurationCards(SCHEME, "x");
        assertThat(cards.fields("ALLEGATION", Map.of("allegedAgainst", "the utility", "allegedBy", "the mayor",
                "source", "old scheme")))
                .containsExactly(new CurationCards.Field("Alleged by", "the mayor"),
                        new CurationCards.Field("Alleged against", "the utility"),
                        new CurationCards.Field("source", "old scheme"));
    }

    @Test
    void aVersionOfAnotherLabelInAJoinedUnitSaysItsLabel() {
        String text = "The mayor said the water is safe.";
        CurationCards cards = new CurationCards(SCHEME, text);
        CurationCards.Card card = cards.cards(List.of(new Unit("QUOTE", 0, 9, List.of(
                span(1, 0, 9, "FACT", Map.of()), span(2, 0, 9, "QUOTE", Map.of())), false, null)), Map.of()).getFirst();
        assertThat(card.versions()).extracting(CurationCards.Version::label).containsExactly("Fact", null);
    }
}
