package org.corroborate.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/search}: words, phrases, prefixes and boolean queries over source texts and annotations,
 * each filter, facets counted over all hits, paging, offsets in code points, and never a hit the caller
 * may not read (project membership, blind mode before and after submission, gold before submission).
 * Every test uses made-up words of its own ("quallo", "vorlund", ...) so the shared data does not interfere.
 */
@WorkbenchTest
class SearchApiTest {

    private static final String RIA = "search-ria";
    private static final String TOM = "search-tom";
    private static final String SUE = "search-sue";
    private static final String OTTO = "search-otto";
    private static Long project;
    private static Long elsewhere;
    /** The application the static fixture was made in: PostgresSearchApiTest runs these tests in another. */
    private static org.springframework.context.ApplicationContext madeIn;

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired CurrentActor actor;
    @Autowired org.springframework.context.ApplicationContext application;
    Api api;
    Corpus corpus;
    private static final Map<Long, String> texts = new HashMap<>();

    @BeforeEach
    void fixture() throws Exception {
        api = new Api(mvc, json);
        corpus = new Corpus(api);
        if (project == null || madeIn != application) {
            madeIn = application;
            texts.clear();
            TestAccounts people = new TestAccounts(accounts, projects, actor);
            people.create(RIA);
            people.create(TOM);
            people.create(SUE);
            people.create(OTTO);
            project = newProject("Search test", List.of(
                    Map.of("username", RIA, "roles", List.of("REVIEWER")),
                    Map.of("username", TOM, "roles", List.of("REVIEWER")),
                    Map.of("username", SUE, "roles", List.of("SUPERVISOR"))));
            elsewhere = newProject("Search elsewhere", List.of(
                    Map.of("username", OTTO, "roles", List.of("SUPERVISOR"))));
        }
    }

    private long newProject(String name, List<Map<String, Object>> members) throws Exception {
        long id = api.id(api.post("admin", "/api/projects", Map.of("name", name, "description", "Corpus search")));
        api.put("admin", "/api/projects/" + id + "/members", members).andExpect(status().isOk());
        return id;
    }

    private long source(long inProject, String who, String title, String text, String published) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project", inProject);
        body.put("title", title);
        body.put("text", text);
        if (published != null) {
            body.put("published", published);
        }
        long id = api.id(api.post(who, "/api/sources", body).andExpect(status().isCreated()));
        texts.put(id, text);
        return id;
    }

    private long source(String title, String text) throws Exception {
        return source(project, SUE, title, text, null);
    }

    private long annotate(String who, long source, String quote, String label, Map<String, String> attributes,
                          String note) throws Exception {
        return corpus.annotate(who, source, texts.get(source), quote, label, attributes, note);
    }

    private long decide(long source, long annotation, String outcome) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("annotationIds", List.of(annotation));
        body.put("outcome", outcome);
        body.put("reason", "search test");
        return api.id(api.post(SUE, "/api/sources/" + source + "/decisions", body).andExpect(status().isCreated()));
    }

    private JsonNode search(String who, String query) throws Exception {
        return api.read(call(who, query).andExpect(status().isOk()));
    }

    /** {@code GET /api/search?query} as sent: the query string already encoded (see {@link #enc}). */
    private org.springframework.test.web.servlet.ResultActions call(String who, String query) throws Exception {
        return api.perform(who, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get(java.net.URI.create("/api/search?" + query)));
    }

    private static String q(String text) {
        return "q=" + enc(text);
    }

    /** URL-encoded with %20 for spaces: MockMvc does not read "+" as a space. */
    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<Long> sources(JsonNode results) {
        List<Long> ids = new ArrayList<>();
        results.get("hits").forEach(h -> ids.add(h.get("source").asLong()));
        return ids;
    }

    private static List<Long> annotationIds(JsonNode results) {
        List<Long> ids = new ArrayList<>();
        results.get("hits").forEach(h -> ids.add(h.get("annotation").get("id").asLong()));
        return ids;
    }

    private static Map<String, Long> facet(JsonNode results, String name) {
        Map<String, Long> counts = new LinkedHashMap<>();
        results.get("facets").get(name).forEach(c -> counts.put(c.get("value").asString(), c.get("count").asLong()));
        return counts;
    }

    @Test
    void wordsFindTheSourceAndTheHitIsPlacedInCodePointsWithAHighlightedSnippet() throws Exception {
        String text = "😀😀 Minister Zephyrine Quallo said the reservoir was safe. Later 🌊 Quallo repeated it.";
        long source = source("Quallo on the reservoir", text);

        JsonNode found = search(RIA, q("quallo") + "&kind=text&project=" + project);

        assertThat(found.get("total").asLong()).isEqualTo(1);
        JsonNode hit = found.get("hits").get(0);
        assertThat(hit.get("kind").asString()).isEqualTo("text");
        assertThat(hit.get("source").asLong()).isEqualTo(source);
        assertThat(hit.get("sourceTitle").asString()).isEqualTo("Quallo on the reservoir");
        assertThat(hit.get("project").asLong()).isEqualTo(project);
        int start = text.codePointCount(0, text.indexOf("Quallo"));
        assertThat(start).isEqualTo(22); // two emoji count one each
        assertThat(hit.get("start").asInt()).isEqualTo(start);
        assertThat(hit.get("end").asInt()).isEqualTo(start + 6);
        assertThat(hit.get("text").asString()).isEqualTo("Quallo");
        String snippet = hit.get("snippet").asString();
        assertThat(snippet).isEqualTo(text);
        List<String> marked = new ArrayList<>();
        hit.get("highlights").forEach(h -> marked.add(new String(snippet.codePoints()
                .skip(h.get(0).asInt()).limit(h.get(1).asInt() - h.get(0).asInt()).toArray(), 0,
                h.get(1).asInt() - h.get(0).asInt())));
        assertThat(marked).containsExactly("Quallo", "Quallo");
        assertThat(hit.get("highlights").get(1).get(0).asInt())
                .isEqualTo(text.codePointCount(0, text.lastIndexOf("Quallo")));
        assertThat(hit.get("annotation").isNull()).isTrue();
    }

    @Test
    void phrasesPrefixesStemsAndBooleans() throws Exception {
        long safe = source("Vorlund safe", "The Vorlund reservoir was safe, said the engineer.");
        long apart = source("Vorlund apart", "Was the Vorlund reservoir safe? Nobody said so.");
        long harbour = source("Vorlund harbour", "Engineers inspected the Vorlund harbour pipes.");
        String inProject = "&kind=text&project=" + project;

        assertThat(sources(search(RIA, q("\"reservoir was safe\" vorlund") + inProject))).containsExactly(safe);
        assertThat(sources(search(RIA, q("vorlund") + inProject))).containsExactlyInAnyOrder(safe, apart, harbour);
        assertThat(sources(search(RIA, q("vorlun*") + inProject))).containsExactlyInAnyOrder(safe, apart, harbour);
        assertThat(sources(search(RIA, q("vorlund engineer") + inProject)))
                .as("stemming: engineer finds Engineers").containsExactlyInAnyOrder(safe, harbour);
        assertThat(sources(search(RIA, q("vorlund -reservoir") + inProject))).containsExactly(harbour);
        assertThat(sources(search(RIA, q("vorlund (harbour OR nobody)") + inProject)))
                .containsExactlyInAnyOrder(apart, harbour);
        assertThat(sources(search(RIA, q("vorlund NOT (harbour OR nobody)") + inProject))).containsExactly(safe);
        JsonNode byTitle = search(RIA, q("apart vorlund") + inProject);
        assertThat(sources(byTitle)).as("the title is searched too").containsExactly(apart);
    }

    @Test
    void annotationsAreFoundByCoveredTextNoteLabelAndAttributesAndFiltered() throws Exception {
        String text = "Councillor Brisvane Okoro said the figures were wrong. The mayor denied the leak at Brisvane.";
        long source = source("Brisvane figures", text);
        long quote = annotate(RIA, source, "the figures were wrong", "QUOTE", Map.of("speaker", "Brisvane Okoro"),
                "check the grelk figures");
        long fact = annotate(TOM, source, "The mayor denied the leak at Brisvane", "FACT", Map.of(), null);
        String scope = "&kind=annotation&source=" + source;

        JsonNode byNote = search(RIA, q("grelk") + scope);
        assertThat(annotationIds(byNote)).containsExactly(quote);
        JsonNode hit = byNote.get("hits").get(0);
        assertThat(hit.get("kind").asString()).isEqualTo("annotation");
        assertThat(hit.get("annotation").get("label").asString()).isEqualTo("QUOTE");
        assertThat(hit.get("annotation").get("author").asString()).isEqualTo(RIA);
        assertThat(hit.get("annotation").get("attributes").get("speaker").asString()).isEqualTo("Brisvane Okoro");
        assertThat(hit.get("annotation").get("note").asString()).isEqualTo("check the grelk figures");
        assertThat(hit.get("annotation").get("decision").asString()).isEqualTo("undecided");
        assertThat(hit.get("start").asInt()).isEqualTo(text.indexOf("the figures"));
        assertThat(hit.get("end").asInt()).isEqualTo(text.indexOf(" The mayor") - 1);
        assertThat(hit.get("text").asString()).isEqualTo("the figures were wrong");
        assertThat(hit.get("snippet").asString()).contains("the figures were wrong");

        assertThat(annotationIds(search(RIA, q("brisvane") + scope))).containsExactlyInAnyOrder(quote, fact);
        assertThat(annotationIds(search(RIA, q("brisvane") + scope + "&label=QUOTE"))).containsExactly(quote);
        assertThat(annotationIds(search(RIA, q("brisvane") + scope + "&author=" + TOM))).containsExactly(fact);
        assertThat(annotationIds(search(RIA, q("brisvane") + scope + "&attribute="
                + enc("speaker=Brisvane Okoro")))).containsExactly(quote);
        assertThat(annotationIds(search(RIA, q("brisvane") + scope + "&attribute=speaker=Okoro"))).isEmpty();
        assertThat(annotationIds(search(RIA, q("quote brisvane") + scope))).as("the label's words")
                .containsExactly(quote);
        JsonNode both = search(RIA, q("brisvane") + "&source=" + source);
        assertThat(both.get("total").asLong()).as("one text hit and two annotation hits").isEqualTo(3);
        assertThat(both.get("hits").get(0).get("kind").asString()).isEqualTo("text");
        JsonNode firstOfBoth = search(RIA, q("brisvane") + "&source=" + source + "&size=1");
        assertThat(firstOfBoth.get("total").asLong()).isEqualTo(3);
        assertThat(firstOfBoth.get("hits").size()).isEqualTo(1);
        assertThat(facet(firstOfBoth, "label")).as("annotation facets with a page of text hits only")
                .containsOnly(Map.entry("QUOTE", 1L), Map.entry("FACT", 1L));
        assertThat(facet(firstOfBoth, "source")).containsExactly(Map.entry(String.valueOf(source), 3L));
        JsonNode secondOfBoth = search(RIA, q("brisvane") + "&source=" + source + "&size=1&page=1");
        assertThat(secondOfBoth.get("hits").get(0).get("kind").asString()).isEqualTo("annotation");
        assertThat(firstOfBoth.get("facets").get("label").get(0).get("display").asString())
                .as("the label's title from the scheme").isIn("Quote", "Fact");
    }

    @Test
    void facetsCountEveryHitNotOnlyThePageAndPagingWalksThemAll() throws Exception {
        String text = "Dravik one. Dravik two. Dravik three. Dravik four. Dravik five.";
        long source = source("Dravik counts", text);
        List<Long> made = new ArrayList<>();
        made.add(annotate(RIA, source, "Dravik one", "FACT", Map.of(), null));
        made.add(annotate(RIA, source, "Dravik two", "FACT", Map.of(), null));
        made.add(annotate(TOM, source, "Dravik three", "FACT", Map.of(), null));
        made.add(annotate(TOM, source, "Dravik four", "QUOTE", Map.of("speaker", "Dravik"), null));
        made.add(annotate(TOM, source, "Dravik five", "ALLEGATION", Map.of(), null));
        String query = q("dravik") + "&kind=annotation&project=" + project;

        JsonNode first = search(SUE, query + "&size=2&page=0");
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(first.get("hits").size()).isEqualTo(2);
        assertThat(facet(first, "label")).containsExactly(Map.entry("FACT", 3L), Map.entry("ALLEGATION", 1L),
                Map.entry("QUOTE", 1L));
        assertThat(facet(first, "author")).containsExactly(Map.entry(TOM, 3L), Map.entry(RIA, 2L));
        assertThat(facet(first, "source")).containsExactly(Map.entry(String.valueOf(source), 5L));
        assertThat(first.get("facets").get("source").get(0).get("display").asString()).isEqualTo("Dravik counts");
        List<Long> seen = new ArrayList<>(annotationIds(first));
        seen.addAll(annotationIds(search(SUE, query + "&size=2&page=1")));
        seen.addAll(annotationIds(search(SUE, query + "&size=2&page=2")));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(made);
        assertThat(search(SUE, query + "&size=2&page=3").get("hits").size()).isZero();
    }

    @Test
    void theProjectsOfOthersAreNeverSearched() throws Exception {
        long mine = source("Mirvosk here", "The Mirvosk depot flooded on Tuesday.");
        long theirs = source(elsewhere, OTTO, "Mirvosk there", "Mirvosk depot records were shredded.", null);
        annotate(OTTO, theirs, "Mirvosk depot records", "FACT", Map.of(), "mirvosk note");

        assertThat(sources(search(RIA, q("mirvosk")))).containsExactly(mine);
        assertThat(sources(search(OTTO, q("mirvosk")))).containsExactly(theirs, theirs);
        call(RIA, q("mirvosk") + "&project=" + elsewhere).andExpect(status().isNotFound());
        call(RIA, q("mirvosk") + "&source=" + theirs).andExpect(status().isNotFound());
        assertThat(sources(search("admin", q("mirvosk")))).containsExactlyInAnyOrder(mine, theirs, theirs);
    }

    @Test
    void blindModeHidesColleaguesAnnotationsUntilTheReviewerSubmits() throws Exception {
        long source = source("Tesmarin blind", "Tesmarin officials closed the Tesmarin wells in March.");
        long toms = annotate(TOM, source, "Tesmarin officials", "FACT", Map.of(), null);
        long rias = annotate(RIA, source, "Tesmarin wells", "FACT", Map.of(), null);
        api.put(SUE, "/api/sources/" + source + "/blind", Map.of("blind", true)).andExpect(status().isOk());
        String query = q("tesmarin") + "&kind=annotation";

        JsonNode before = search(RIA, query);
        assertThat(annotationIds(before)).containsExactly(rias);
        assertThat(before.get("total").asLong()).isEqualTo(1);
        assertThat(facet(before, "author")).containsExactly(Map.entry(RIA, 1L));
        assertThat(annotationIds(search(TOM, query))).containsExactly(toms);
        assertThat(annotationIds(search(SUE, query))).containsExactlyInAnyOrder(toms, rias);

        api.post(RIA, "/api/sources/" + source + "/submit", null).andExpect(status().isOk());
        assertThat(annotationIds(search(RIA, query))).containsExactlyInAnyOrder(toms, rias);
        assertThat(annotationIds(search(TOM, query))).containsExactly(toms);
        assertThat(annotationIds(search(RIA, query + "&status=SUBMITTED"))).containsExactly(rias);
        assertThat(annotationIds(search(SUE, query + "&status=IN_PROGRESS"))).containsExactly(toms);
    }

    @Test
    void decisionsAndTheGoldLayerAreColleaguesWorkHiddenBeforeSubmission() throws Exception {
        long source = source("Kelvaro gold", "Kelvaro pumps failed. Kelvaro staff left. Kelvaro water rose.");
        long rias = annotate(RIA, source, "Kelvaro pumps failed", "FACT", Map.of(), null);
        long rejected = annotate(RIA, source, "Kelvaro staff left", "FACT", Map.of(), null);
        long open = annotate(RIA, source, "Kelvaro water rose", "FACT", Map.of(), null);
        decide(source, rias, "ACCEPTED");
        decide(source, rejected, "REJECTED");
        String query = q("kelvaro") + "&kind=annotation&source=" + source;

        assertThat(annotationIds(search(SUE, query + "&layer=gold"))).containsExactly(rias);
        assertThat(annotationIds(search(SUE, query + "&decision=accepted"))).containsExactly(rias);
        assertThat(annotationIds(search(SUE, query + "&decision=rejected"))).containsExactly(rejected);
        assertThat(annotationIds(search(SUE, query + "&decision=undecided"))).containsExactly(open);
        assertThat(annotationIds(search(RIA, query + "&layer=gold"))).containsExactly(rias);
        JsonNode accepted = search(RIA, query + "&decision=accepted");
        assertThat(accepted.get("hits").get(0).get("annotation").get("decision").asString()).isEqualTo("accepted");

        api.put(SUE, "/api/sources/" + source + "/blind", Map.of("blind", true)).andExpect(status().isOk());
        assertThat(annotationIds(search(RIA, query + "&layer=gold"))).as("gold before submission").isEmpty();
        assertThat(annotationIds(search(RIA, query + "&decision=accepted"))).isEmpty();
        JsonNode own = search(RIA, query);
        assertThat(annotationIds(own)).containsExactlyInAnyOrder(rias, rejected, open);
        own.get("hits").forEach(h -> assertThat(h.get("annotation").get("decision").asString())
                .as("decisions unseen before submission").isEqualTo("undecided"));
        api.post(RIA, "/api/sources/" + source + "/submit", null).andExpect(status().isOk());
        assertThat(annotationIds(search(RIA, query + "&layer=gold"))).containsExactly(rias);
    }

    @Test
    void publishedRangeFiltersTextAndAnnotationHits() throws Exception {
        long old = source(project, SUE, "Ostrava old", "The Quenbrook mill opened.", "2020-03-01");
        long recent = source(project, SUE, "Ostrava new", "The Quenbrook mill closed.", "2024-06-30");
        long note = annotate(RIA, recent, "Quenbrook mill", "FACT", Map.of(), null);
        annotate(RIA, old, "Quenbrook mill", "FACT", Map.of(), null);

        JsonNode found = search(RIA, q("quenbrook") + "&from=2024-01-01&to=2024-12-31");
        assertThat(sources(found)).containsExactly(recent, recent);
        assertThat(found.get("hits").get(1).get("annotation").get("id").asLong()).isEqualTo(note);
        assertThat(sources(search(RIA, q("quenbrook") + "&kind=text&to=2021-01-01"))).containsExactly(old);
    }

    @Test
    void aWriteIsFoundByTheNextRequestAndADeleteIsGone() throws Exception {
        long source = source("Yarrowdine", "Yarrowdine residents queued for water.");
        long made = annotate(RIA, source, "Yarrowdine residents", "FACT", Map.of(), "plovik");
        assertThat(annotationIds(search(RIA, q("plovik")))).containsExactly(made);
        api.delete(RIA, "/api/annotations/" + made + "?version=0").andExpect(status().isNoContent());
        assertThat(search(RIA, q("plovik")).get("total").asLong()).isZero();
    }

    @Test
    void badQueriesAndFiltersAre400sWithAMessageNever500() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("q=", "empty");
        refused.put(q("x".repeat(1_001)), "too long");
        refused.put(q("*"), "leading wildcard");
        refused.put(q("*ater"), "leading wildcard");
        refused.put(q("wa*er"), "inside a word");
        refused.put(q("wa?er"), "?");
        refused.put(q("wa*"), "too short");
        refused.put(q("\"water supply"), "Unbalanced quotes");
        refused.put(q("(water"), "not closed");
        refused.put(q("-water"), "only negations");
        refused.put(q("w ".repeat(65)), "at most 64");
        refused.put(q("water") + "&size=0", "size");
        refused.put(q("water") + "&size=101", "size");
        refused.put(q("water") + "&page=-1", "page");
        refused.put(q("water") + "&page=501&size=20", "first 10000 hits");
        refused.put(q("water") + "&attribute=speaker", "name=value");
        refused.put(q("water") + "&status=DONE", "review status");
        refused.put(q("water") + "&decision=maybe", "decision");
        refused.put(q("water") + "&layer=silver", "layer");
        refused.put(q("water") + "&kind=people", "kind");
        refused.put(q("water") + "&from=yesterday", "YYYY-MM-DD");
        refused.put(q("water") + "&from=2024-02-01&to=2024-01-01", "ends");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            var response = call(RIA, e.getKey()).andReturn().getResponse();
            assertThat(response.getStatus()).as(e.getKey() + ": " + response.getContentAsString()).isEqualTo(400);
            assertThat(response.getContentAsString()).as(e.getKey()).contains("bad_input").contains(e.getValue());
        }
        call(RIA, "").andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/search?q=water"))
                .andExpect(status().isUnauthorized());
    }
}
