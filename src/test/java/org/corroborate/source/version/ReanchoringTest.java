package org.corroborate.source.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.corroborate.base.CodePoints;
import org.corroborate.source.version.Reanchoring.Anchor;
import org.corroborate.source.version.Reanchoring.Outcome;
import org.corroborate.source.version.Reanchoring.Placement;
import org.junit.jupiter.api.Test;

class ReanchoringTest {

    private static final String TEXT = "The inquest opened on Monday. The coroner heard from three witnesses. "
            + "Then the minister said the report was late. Later the minister said nothing at all.";

    /** An anchor on the n-th (0-based) occurrence of {@code quote} in {@code text}, with 40 code points of context. */
    private static Anchor anchor(long id, String text, String quote, int occurrence) {
        int index = -1;
        for (int i = 0; i <= occurrence; i++) {
            index = text.indexOf(quote, index + 1);
        }
        CodePoints points = new CodePoints(text);
        int start = points.fromUtf16(index);
        int end = start + quote.codePointCount(0, quote.length());
        return new Anchor(id, start, end, quote, points.substring(Math.max(0, start - 40), start),
                points.substring(end, Math.min(points.length(), end + 40)));
    }

    private static Placement one(String before, String after, Anchor anchor) {
        List<Placement> placements = Reanchoring.reanchor(before, after, List.of(anchor));
        assertThat(placements).hasSize(1);
        return placements.getFirst();
    }

    private static String at(String text, Placement p) {
        return new CodePoints(text).substring(p.start(), p.end());
    }

    @Test
    void anEditAfterTheSpanLeavesItUnchanged() {
        String revised = TEXT + " The hearing resumes in May.";
        Placement p = one(TEXT, revised, anchor(1, TEXT, "three witnesses", 0));
        assertThat(p.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(TEXT.indexOf("three")).isEqualTo(p.start());
        assertThat(at(revised, p)).isEqualTo("three witnesses");
    }

    @Test
    void anInsertionBeforeTheSpanMovesItByTheInsertedLength() {
        String inserted = "Reporting restrictions were lifted. ";
        String revised = inserted + TEXT;
        Anchor a = anchor(1, TEXT, "three witnesses", 0);
        Placement p = one(TEXT, revised, a);
        assertThat(p.outcome()).isEqualTo(Outcome.MOVED);
        assertThat(p.start()).isEqualTo(a.start() + inserted.length());
        assertThat(p.end()).isEqualTo(a.end() + inserted.length());
        assertThat(at(revised, p)).isEqualTo("three witnesses");
    }

    @Test
    void anInsertionInsideTheSpanChangesItAndTheSpanCoversTheInsertion() {
        String revised = TEXT.replace("three witnesses", "three expert witnesses");
        Anchor a = anchor(1, TEXT, "three witnesses", 0);
        Placement p = one(TEXT, revised, a);
        assertThat(p.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(p.start()).isEqualTo(a.start());
        assertThat(at(revised, p)).isEqualTo("three expert witnesses");
        assertThat(p.quote()).isEqualTo("three expert witnesses");
    }

    @Test
    void aDeletedSentenceOrphansTheSpansInsideItAndMovesThoseAfterIt() {
        String revised = TEXT.replace("The coroner heard from three witnesses. ", "");
        Anchor inside = anchor(1, TEXT, "coroner heard", 0);
        Anchor after = anchor(2, TEXT, "report was late", 0);
        Anchor before = anchor(3, TEXT, "inquest opened", 0);
        List<Placement> placements = Reanchoring.reanchor(TEXT, revised, List.of(inside, after, before));
        assertThat(placements).extracting(Placement::outcome)
                .containsExactly(Outcome.ORPHANED, Outcome.MOVED, Outcome.UNCHANGED);
        Placement orphan = placements.getFirst();
        assertThat(orphan.start()).isEqualTo(inside.start());
        assertThat(orphan.end()).isEqualTo(inside.end());
        assertThat(orphan.quote()).isEqualTo("coroner heard");
        assertThat(placements.get(1).start()).isEqualTo(after.start() - "The coroner heard from three witnesses. ".length());
        assertThat(at(revised, placements.get(1))).isEqualTo("report was late");
    }

    @Test
    void aRepeatedPhraseKeepsItsOwnOccurrence() {
        Anchor second = anchor(1, TEXT, "the minister said", 1);
        Anchor first = anchor(2, TEXT, "minister said", 0);
        String revised = TEXT.replace("Later the minister", "Much later, in a statement, the minister");
        List<Placement> placements = Reanchoring.reanchor(TEXT, revised, List.of(second, first));
        int secondIndex = revised.indexOf("the minister said", revised.indexOf("statement"));
        assertThat(placements.get(0).outcome()).isEqualTo(Outcome.MOVED);
        assertThat(placements.get(0).start()).isEqualTo(secondIndex);
        assertThat(placements.get(1).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(placements.get(1).start()).isEqualTo(first.start());
    }

    @Test
    void aRepeatedPhraseInAMovedSentenceIsFoundByItsContext() {
        // The sentence moves to the front: the diff sees it deleted and inserted, so the span's ends do
        // not map; the quote occurs twice in the new text and the context decides which.
        Anchor second = anchor(1, TEXT, "the minister said", 1);
        String moved = "Later the minister said nothing at all.";
        String revised = moved + " " + TEXT.replace(" " + moved, "");
        Placement p = one(TEXT, revised, second);
        assertThat(p.outcome()).isEqualTo(Outcome.MOVED);
        assertThat(p.start()).isEqualTo(revised.indexOf("the minister said"));
        assertThat(revised.indexOf("the minister said", p.start() + 1)).isPositive();
    }

    @Test
    void astralCharactersCountAsOneCodePoint() {
        String old = "Signed 𝔄𝔅 by the 𝒞ouncil on Friday.";
        String revised = "𝟙𝟚 Signed 𝔄𝔅 by the 𝒞ouncil on Friday.";
        Anchor a = anchor(1, old, "𝒞ouncil", 0);
        assertThat(a.start()).isEqualTo(17); // 19 UTF-16 units before it, two of them low surrogates
        Placement p = one(old, revised, a);
        assertThat(p.outcome()).isEqualTo(Outcome.MOVED);
        assertThat(p.start()).isEqualTo(a.start() + 3);
        assertThat(p.end() - p.start()).isEqualTo(7);
        assertThat(at(revised, p)).isEqualTo("𝒞ouncil");
    }

    @Test
    void aReworkedQuoteThatNoLongerResemblesItselfIsOrphaned() {
        String revised = TEXT.replace("three witnesses", "nobody");
        Placement p = one(TEXT, revised, anchor(1, TEXT, "three witnesses", 0));
        assertThat(p.outcome()).isEqualTo(Outcome.ORPHANED);
    }

    @Test
    void anEditAtTheEndOfTheSpanChangesIt() {
        String revised = TEXT.replace("report was late", "report was very late indeed");
        Anchor a = anchor(1, TEXT, "report was late", 0);
        Placement p = one(TEXT, revised, a);
        assertThat(p.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(at(revised, p)).startsWith("report was very late");
    }

    @Test
    void offsetsOutsideTheOldTextOrphanTheSpan() {
        Placement p = one(TEXT, TEXT, new Anchor(1, 5, 10_000, "x", "", ""));
        assertThat(p.outcome()).isEqualTo(Outcome.ORPHANED);
    }
}
