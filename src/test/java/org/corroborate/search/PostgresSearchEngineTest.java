package org.corroborate.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corroborate.TestPostgres;
import org.corroborate.WorkbenchApplication;
import org.corroborate.testing.FastPasswordHashing;
import org.corroborate.testing.HttpApi;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PostgreSQL engine on a real PostgreSQL (V24's columns, the tsquery translation, filters, scope,
 * facets, paging), asked directly with a scope made by hand: what the engine does with a scope, not how
 * {@code SearchService} works it out. Data is made through the API as people make it. Every query word
 * here is made unique per run ({@link #word}), so the demo corpus never adds hits.
 */
@Tag("postgres")
class PostgresSearchEngineTest {

    private static ConfigurableApplicationContext context;
    private static HttpApi api;
    private static SearchEngine engine;
    /** A run's mark: with a digit, so that PostgreSQL keeps the words as they are (no stemming of "numwords"). */
    private static final String W = "q7" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);

    private static long water;
    private static long second;
    private static long bobsQuote;
    private static long alicesFact;

    @BeforeAll
    static void start() throws Exception {
        TestPostgres.resetSchema();
        context = new SpringApplicationBuilder(WorkbenchApplication.class, FastPasswordHashing.class)
                .run(TestPostgres.withDatabase("--server.port=0", "--workbench.demo=true", "--spring.main.banner-mode=off"));
        api = new HttpApi(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
        engine = context.getBean(PostgresSearchEngine.class);

        water = importSource("Minister of " + word("harbour") + " resigns",
                "The minister said the water in " + word("vale") + " was safe. 💧 Later the "
                        + word("vale") + " residents said the water was " + word("brown") + ".", "2025-03-02");
        second = importSource("A second report", "Nothing about " + word("vale") + " water here; 𝒜𝒷𝒸 "
                + word("harbour") + " alone.", "2025-05-20");
        bobsQuote = annotate("bob", water, 4, 21, "QUOTE", Map.of("speaker", "Minister " + word("hadad")),
                "check " + word("note"));
        alicesFact = annotate("alice", water, 22, 31, "FACT", Map.of(), null);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static String word(String stem) {
        return stem + W;
    }

    private static long importSource(String title, String text, String published) throws Exception {
        return api.send("sam", "POST", "/api/sources", Map.of("title", title, "text", text, "published", published,
                "project", TestProjects.MAIN)).expectOk("import").id("id");
    }

    private static long annotate(String user, long source, int start, int end, String label,
                                 Map<String, String> attributes, String note) throws Exception {
        var body = new java.util.HashMap<String, Object>(Map.of("start", start, "end", end, "label", label,
                "attributes", attributes));
        if (note != null) {
            body.put("note", note);
        }
        return api.send(user, "POST", "/api/sources/" + source + "/annotations", body).expectOk("annotate").id("id");
    }

    private static SearchScope scope(String user, Set<Long> blind) {
        return new SearchScope(user, List.of(new SearchScope.ProjectScope(TestProjects.MAIN, blind)));
    }

    private static SearchRequest request(SearchKind kind) {
        return new SearchRequest("x", kind, null, null, null, null, null, null, null, null, null, null, 0, 20);
    }

    private static SearchResults search(QueryNode query, SearchRequest request) {
        return engine.search(query, request, scope("sam", Set.of()));
    }

    private static QueryNode term(String stem) {
        return new QueryNode.Term(word(stem));
    }

    private static List<String> places(SearchResults results) {
        List<String> places = new ArrayList<>();
        results.hits().forEach(h -> places.add(h.kind() + ":" + h.source()
                + (h.annotation() == null ? "" : ":" + h.annotation().id())));
        return places;
    }

    @Test
    void wordsAreAndedAndStemmedAndTextHitsAreOnePerSource() {
        assertThat(places(search(term("vale"), request(SearchKind.TEXT))))
                .containsExactlyInAnyOrder("TEXT:" + water, "TEXT:" + second);
        var both = new QueryNode.All(List.of(term("vale"), new QueryNode.Term("residents")));
        assertThat(places(search(both, request(SearchKind.TEXT)))).containsExactly("TEXT:" + water);
        // "resident" is stemmed as the text's "residents" is.
        var stemmed = new QueryNode.All(List.of(term("vale"), new QueryNode.Term("resident")));
        assertThat(search(stemmed, request(SearchKind.TEXT)).total()).isEqualTo(1);
    }

    @Test
    void phrasesKeepTheirOrderAndPrefixesNeedTheirStart() {
        var phrase = new QueryNode.Phrase(List.of("water", "in", word("vale")));
        assertThat(places(search(phrase, request(SearchKind.TEXT)))).containsExactly("TEXT:" + water);
        var reversed = new QueryNode.Phrase(List.of(word("vale"), "in", "water"));
        assertThat(search(reversed, request(SearchKind.TEXT)).total()).isZero();
        assertThat(search(new QueryNode.Prefix("harbour" + W.substring(0, 4)), request(SearchKind.TEXT)).total())
                .isEqualTo(2);
        // A prefix must be the start of a word: the run's mark is inside words only.
        assertThat(search(new QueryNode.Prefix(W), request(SearchKind.TEXT)).total()).isZero();
    }

    @Test
    void orAndNotCombine() {
        var either = new QueryNode.Any(List.of(term("hadad"), term("brown")));
        assertThat(places(search(either, request(null)))).containsExactlyInAnyOrder("TEXT:" + water,
                "ANNOTATION:" + water + ":" + bobsQuote);
        var without = new QueryNode.All(List.of(term("vale"), new QueryNode.Not(term("brown"))));
        assertThat(places(search(without, request(SearchKind.TEXT)))).containsExactly("TEXT:" + second);
    }

    @Test
    void annotationsMatchOnCoveredTextLabelAttributeValuesAndNote() {
        assertThat(places(search(term("hadad"), request(SearchKind.ANNOTATION))))
                .containsExactly("ANNOTATION:" + water + ":" + bobsQuote);
        assertThat(places(search(term("note"), request(SearchKind.ANNOTATION))))
                .containsExactly("ANNOTATION:" + water + ":" + bobsQuote);
        var hit = search(term("hadad"), request(SearchKind.ANNOTATION)).hits().getFirst();
        assertThat(hit.start()).isEqualTo(4);
        assertThat(hit.end()).isEqualTo(21);
        assertThat(hit.text()).isEqualTo("minister said the");
        assertThat(hit.annotation().label()).isEqualTo("QUOTE");
        assertThat(hit.annotation().author()).isEqualTo("bob");
        assertThat(hit.annotation().attributes()).containsEntry("speaker", "Minister " + word("hadad"));
        assertThat(hit.annotation().decision()).isEqualTo("undecided");
        assertThat(hit.sourceTitle()).isEqualTo("Minister of " + word("harbour") + " resigns");
    }

    @Test
    void textOffsetsCountCodePoints() {
        var hit = search(term("harbour"), new SearchRequest("x", SearchKind.TEXT, null, second, null, null, null,
                null, null, null, null, null, 0, 20)).hits().getFirst();
        String text = "Nothing about " + word("vale") + " water here; 𝒜𝒷𝒸 " + word("harbour") + " alone.";
        int utf16 = text.indexOf(word("harbour"));
        int codePoint = text.codePointCount(0, utf16);
        assertThat(codePoint).isEqualTo(utf16 - 3);
        assertThat(hit.start()).isEqualTo(codePoint);
        assertThat(hit.end()).isEqualTo(codePoint + word("harbour").length());
        assertThat(hit.text()).isEqualTo(word("harbour"));
    }

    @Test
    void filtersNarrowAndFacetsCountEveryHitNotThePage() {
        var query = new QueryNode.Any(List.of(term("vale"), new QueryNode.Term("said"), term("hadad")));
        SearchRequest quotes = new SearchRequest("x", null, TestProjects.MAIN, water, "QUOTE", null, null, null,
                null, null, null, null, 0, 20);
        assertThat(places(search(term("hadad"), quotes))).containsExactly("ANNOTATION:" + water + ":" + bobsQuote);
        SearchRequest byAttribute = new SearchRequest("x", null, null, null, null, "speaker=Minister " + word("hadad"),
                null, null, null, null, null, null, 0, 20);
        assertThat(search(query, byAttribute).total()).isEqualTo(1);
        SearchRequest byAuthor = new SearchRequest("x", null, null, water, null, null, "alice", null, null, null,
                null, null, 0, 20);
        assertThat(places(search(new QueryNode.Term("water"), byAuthor)))
                .containsExactly("ANNOTATION:" + water + ":" + alicesFact);
        SearchRequest published = new SearchRequest("x", SearchKind.TEXT, null, null, null, null, null, null, null,
                null, java.time.LocalDate.parse("2025-04-01"), java.time.LocalDate.parse("2025-12-31"), 0, 20);
        assertThat(places(search(term("vale"), published))).containsExactly("TEXT:" + second);

        SearchRequest firstPage = new SearchRequest("x", null, null, null, null, null, null, null, null, null, null,
                null, 0, 1);
        SearchResults page = search(new QueryNode.Any(List.of(term("vale"), term("hadad"), term("harbour"))), firstPage);
        assertThat(page.hits()).hasSize(1);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.facets().get("source")).extracting(SearchResults.FacetCount::value, SearchResults.FacetCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(String.valueOf(water), 2L),
                        org.assertj.core.groups.Tuple.tuple(String.valueOf(second), 1L));
        assertThat(page.facets().get("label")).extracting(SearchResults.FacetCount::value, SearchResults.FacetCount::display,
                SearchResults.FacetCount::count).containsExactly(org.assertj.core.groups.Tuple.tuple("QUOTE", "Quote", 1L));
        assertThat(page.facets().get("author")).extracting(SearchResults.FacetCount::value).containsExactly("bob");
        SearchResults next = search(new QueryNode.Any(List.of(term("vale"), term("hadad"), term("harbour"))),
                new SearchRequest("x", null, null, null, null, null, null, null, null, null, null, null, 1, 1));
        assertThat(next.hits()).hasSize(1);
        assertThat(places(next)).doesNotContainAnyElementsOf(places(page));
    }

    @Test
    void onABlindSourceOnlyTheCallersOwnAnnotationsAndNoDecisionsMatch() {
        var query = new QueryNode.Any(List.of(term("hadad"), new QueryNode.Term("water")));
        SearchRequest annotations = new SearchRequest("x", SearchKind.ANNOTATION, null, water, null, null, null,
                null, null, null, null, null, 0, 20);
        assertThat(places(engine.search(query, annotations, scope("alice", Set.of(water)))))
                .containsExactly("ANNOTATION:" + water + ":" + alicesFact);
        assertThat(places(engine.search(query, annotations, scope("alice", Set.of()))))
                .containsExactlyInAnyOrder("ANNOTATION:" + water + ":" + alicesFact,
                        "ANNOTATION:" + water + ":" + bobsQuote);
        SearchRequest undecided = new SearchRequest("x", SearchKind.ANNOTATION, null, water, null, null, null,
                null, "undecided", null, null, null, 0, 20);
        assertThat(engine.search(query, undecided, scope("alice", Set.of(water))).total()).isZero();
        assertThat(engine.search(query, undecided, scope("alice", Set.of())).total()).isEqualTo(2);
        // Outside the caller's projects nothing matches, not even the text.
        assertThat(engine.search(query, request(null), new SearchScope("alice", List.of())).total()).isZero();
    }

    @Test
    void decisionsAndTheGoldLayerFilter() throws Exception {
        String text = "The " + word("gold") + " mine closed. " + word("gold") + " again.";
        long source = importSource("Gold " + word("gold"), text, "2025-01-01");
        long accepted = annotate("alice", source, 4, 4 + word("gold").length(), "FACT", Map.of(), null);
        int second = text.lastIndexOf(word("gold"));
        long rejected = annotate("bob", source, second, second + word("gold").length(), "FACT", Map.of(), null);
        api.send("sam", "POST", "/api/sources/" + source + "/decisions", Map.of("annotationIds", List.of(accepted),
                "outcome", "ACCEPTED", "reason", "Right.")).expectOk("accept");
        api.send("sam", "POST", "/api/sources/" + source + "/decisions", Map.of("annotationIds", List.of(rejected),
                "outcome", "REJECTED", "reason", "Wrong.")).expectOk("reject");
        var query = term("gold");
        java.util.function.BiFunction<String, String, List<String>> found = (decision, layer) -> places(search(query,
                new SearchRequest("x", SearchKind.ANNOTATION, null, source, null, null, null, null, decision, layer,
                        null, null, 0, 20)));
        assertThat(found.apply("accepted", null)).containsExactly("ANNOTATION:" + source + ":" + accepted);
        assertThat(found.apply("rejected", null)).containsExactly("ANNOTATION:" + source + ":" + rejected);
        assertThat(found.apply(null, "gold")).containsExactly("ANNOTATION:" + source + ":" + accepted);
        assertThat(found.apply(null, "reviewers")).hasSize(2);
        assertThat(search(term("gold"), new SearchRequest("x", SearchKind.ANNOTATION, null, source, null, null, null,
                null, "accepted", null, null, null, 0, 20)).hits().getFirst().annotation().decision()).isEqualTo("accepted");
        // The authors' review status: nobody submitted yet.
        assertThat(search(query, new SearchRequest("x", SearchKind.ANNOTATION, null, source, null, null, null,
                "SUBMITTED", null, null, null, null, 0, 20)).total()).isZero();
        api.send("bob", "POST", "/api/sources/" + source + "/submit", null).expectOk("submit");
        assertThat(places(search(query, new SearchRequest("x", SearchKind.ANNOTATION, null, source, null, null, null,
                "SUBMITTED", null, null, null, null, 0, 20)))).containsExactly("ANNOTATION:" + source + ":" + rejected);
    }

    @Test
    void userTextIsNeverSqlNorTsquerySyntax() {
        for (String hostile : List.of("'); drop table source; --", "a & b | !c:*", "\\", "''", "<->", "(", "zq7x:*")) {
            assertThat(search(new QueryNode.Term(hostile), request(null)).total()).as(hostile).isZero();
            assertThat(search(new QueryNode.Phrase(List.of(hostile, hostile)), request(null)).total()).as(hostile).isZero();
            assertThat(search(new QueryNode.Prefix(hostile), request(null)).total()).as(hostile).isZero();
        }
        // Stop words alone match nothing, and do not widen an AND.
        assertThat(search(new QueryNode.Term("the"), request(null)).total()).isZero();
        assertThat(search(new QueryNode.All(List.of(term("hadad"), new QueryNode.Term("the"))), request(null)).total())
                .isEqualTo(1);
        assertThat(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("select count(*) from source", Long.class)).isGreaterThan(2);
    }

    @Test
    void aTextTooLongForOneTsvectorIsStoredAndItsStartFound() throws Exception {
        StringBuilder text = new StringBuilder(word("opening")).append(' ');
        java.util.Random random = new java.util.Random(16);
        while (text.length() < 1_500_000) {
            for (int i = 0; i < 9; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(' ');
        }
        long big = importSource("Long", text.toString(), "2025-01-01");
        assertThat(places(search(term("opening"), request(SearchKind.TEXT)))).containsExactly("TEXT:" + big);
    }

    @Test
    void aDeletedAnnotationIsNotFound() throws Exception {
        long gone = annotate("carol", second, 0, 7, "FACT", Map.of(), word("gone"));
        assertThat(search(term("gone"), request(null)).total()).isEqualTo(1);
        long version = api.send("carol", "GET", "/api/annotations/" + gone, null).expectOk("read").id("version");
        api.send("carol", "DELETE", "/api/annotations/" + gone + "?version=" + version, null).expectOk("delete");
        assertThat(search(term("gone"), request(null)).total()).isZero();
    }
}
