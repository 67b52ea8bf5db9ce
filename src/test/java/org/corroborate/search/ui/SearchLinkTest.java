package org.corroborate.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.corroborate.search.SearchHit;
import org.corroborate.search.SearchKind;
import org.corroborate.search.SearchRequest;
import org.junit.jupiter.api.Test;

/** A search as a link: every filter goes into the URL and comes back the same; hand-typed links are read leniently. */
class SearchLinkTest {

    @Test
    void everyFilterSurvivesTheRoundTripThroughTheLink() {
        SearchRequest asked = new SearchRequest("\"said the minister\" OR mayor", SearchKind.ANNOTATION, 3L, 17L,
                "QUOTE", "speaker=Mayor Ruiz", "bob", "SUBMITTED", "accepted", "gold", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), 4, SearchLink.PAGE_SIZE);
        Map<String, String> link = SearchLink.write(asked);
        assertThat(link).containsEntry("kind", "annotation").containsEntry("from", "2026-03-01")
                .containsEntry("page", "4").containsEntry("attribute", "speaker=Mayor Ruiz");
        SearchRequest read = SearchLink.read(link.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        assertThat(read).isEqualTo(asked);
    }

    @Test
    void leavesOutWhatIsEmptyAndTheFirstPage() {
        SearchRequest plain = new SearchRequest("water", null, null, null, " ", null, null, null, null, null, null, null,
                0, SearchLink.PAGE_SIZE);
        assertThat(SearchLink.write(plain)).containsExactly(Map.entry("q", "water"));
        assertThat(SearchLink.write(SearchLink.onPage(plain, 2))).containsEntry("page", "2");
    }

    @Test
    void readsHandTypedLinksLeniently() {
        SearchRequest read = SearchLink.read(Map.of("q", List.of(" hull "), "kind", List.of("texts?"),
                "project", List.of("x1"), "from", List.of("March"), "page", List.of("-3"), "kind2", List.of("text")));
        assertThat(read.q()).isEqualTo("hull");
        assertThat(read.kind()).isNull();
        assertThat(read.project()).isNull();
        assertThat(read.publishedFrom()).isNull();
        assertThat(read.page()).isZero();
        assertThat(read.size()).isEqualTo(SearchLink.PAGE_SIZE);
        assertThat(SearchLink.read(Map.of()).q()).isEmpty();
        assertThat(SearchLink.read(Map.of("kind", List.of("annotations"))).kind()).isEqualTo(SearchKind.ANNOTATION);
        assertThat(SearchLink.read(Map.of("kind", List.of("TEXT"))).kind()).isEqualTo(SearchKind.TEXT);
    }

    @Test
    void aHitOpensTheWorkspaceAtItsCodePointsAndAnAnnotationHitSelectsTheAnnotation() {
        SearchHit text = new SearchHit(SearchKind.TEXT, 7, "Vale Ledger", 1, 12, 30, "x", "x", List.of(), null);
        assertThat(SearchLink.place(text)).isEqualTo("sources/7?at=12-30");
        SearchHit annotation = new SearchHit(SearchKind.ANNOTATION, 7, "Vale Ledger", 1, 40, 52, "x", "x", List.of(),
                new SearchHit.AnnotationHit(42, "QUOTE", "bob", Map.of(), null, "undecided"));
        assertThat(SearchLink.place(annotation)).isEqualTo("sources/7?at=40-52&annotation=42");
    }
}
