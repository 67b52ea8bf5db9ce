package org.corroborate.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.security.AccountService;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import org.corroborate.testing.TestProjects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Isolation between projects, endpoint by endpoint. A project of the test's own holds a source, its
 * annotations, a verdict, a decision and an assignment. Two outsiders, who belong only to the main
 * demo project (one reviews there, one supervises there), call every endpoint of the API that takes
 * an object id or a project, with this project's ids: each gets 404, exactly as for ids that do not
 * exist, or, from a list, nothing of this project. A member then makes the same call and succeeds.
 * The table is checked against the application's own request mappings, so a new endpoint cannot be
 * left out: it must be added to the table or, if it shows nothing of any project, to
 * {@link #WORKBENCH_WIDE}.
 */
@WorkbenchTest
class ProjectIsolationTest {

    /** In the project's name, its source's title and text: no outsider's answer may contain it. */
    static final String MARKER = "Quillfeather";
    /** An id that no object has: an outsider's answer must be the same as for it. */
    static final long GHOST = 987_654_321L;

    static final String MEMBER = "iso-reviewer";
    static final String BOSS = "iso-supervisor";
    static final String OUTSIDER = "iso-outsider";
    static final String OUTSIDE_BOSS = "iso-outside-supervisor";

    /**
     * Endpoints that show nothing of any one project: format lists, measures, the chain check, creating
     * a project, the caller's own preferences and API tokens (an administrator's: everyone's), the search
     * index's state and its rebuild (counts over the whole index).
     */
    static final Set<String> WORKBENCH_WIDE = Set.of(
            "POST /api/projects",
            "GET /api/agreement/measures",
            "GET /api/import/formats",
            "GET /api/export/formats",
            "GET /api/audit/verify",
            "GET /api/audit/checkpoints",
            "GET /api/search/status",
            "POST /api/search/reindex",
            "GET /api/me/preferences",
            "PUT /api/me/preferences",
            "POST /api/tokens",
            "GET /api/tokens",
            "DELETE /api/tokens/{id}",
            "GET /api/docs",
            "GET /api/openapi",
            "GET /api/openapi.yaml",
            "GET /api/openapi/swagger-config",
            "ANY /api/**");

    /** The project's objects, made once for the class (the test workbench is shared, so they stay). */
    record Ids(long project, long source, long annotation, long editable, long deletable, long undecided,
               long decision) {

        static Ids ghost() {
            return new Ids(GHOST, GHOST, GHOST, GHOST, GHOST, GHOST, GHOST);
        }
    }

    /** How an outsider's answer is judged: an object (404 as for a ghost) or a list (nothing of the project). */
    enum Kind { OBJECT, LIST }

    @FunctionalInterface
    interface Request {
        AbstractMockHttpServletRequestBuilder<?> build(Ids ids) throws Exception;
    }

    /** One call of the table: the endpoint it exercises, how outsiders' answers are judged, the member who succeeds. */
    record Row(String endpoint, Kind kind, String member, Request request) {}

    private static Ids ids;
    /** A quote of the project's source and a relation from it (kept beside {@link Ids}: relations came later). */
    private static long quote;
    private static long relation;
    private static byte[] exported;

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accountService;
    @Autowired ProjectService projectService;
    @Autowired CurrentActor actor;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    Api api;
    Corpus corpus;

    @BeforeEach
    void fixture() throws Exception {
        api = new Api(mvc, json);
        corpus = new Corpus(api);
        if (ids == null) {
            ids = create();
        }
    }

    private Ids create() throws Exception {
        TestAccounts accounts = new TestAccounts(accountService, projectService, actor);
        accounts.create(MEMBER);
        accounts.create(BOSS);
        accounts.create(OUTSIDER, Role.REVIEWER);
        accounts.create(OUTSIDE_BOSS, Role.SUPERVISOR);
        long project = api.id(api.post("admin", "/api/projects",
                Map.of("name", MARKER + " leak inquiry", "description", "Isolation test")));
        api.put("admin", "/api/projects/" + project + "/members", List.of(
                Map.of("username", MEMBER, "roles", List.of("REVIEWER")),
                Map.of("username", BOSS, "roles", List.of("SUPERVISOR")))).andReturn();
        String text = MARKER + " said the pipes were replaced. " + MARKER + " denied it.";
        long source = api.id(api.post(BOSS, "/api/sources", Map.of("project", project, "title", MARKER + " memo",
                "text", text)));
        long judged = corpus.annotate(MEMBER, source, 0, 12, "FACT");
        long editable = corpus.annotate(MEMBER, source, 13, 17, "FACT");
        long deletable = corpus.annotate(MEMBER, source, 18, 21, "FACT");
        long undecided = corpus.annotate(MEMBER, source, 22, 28, "FACT");
        corpus.assess(BOSS, judged, "AGREE");
        long decision = api.id(api.post(BOSS, "/api/sources/" + source + "/decisions", Map.of(
                "annotationIds", List.of(judged), "outcome", "ACCEPTED", "reason", "Checked against the memo.")));
        api.put(BOSS, "/api/sources/" + source + "/assignment", Map.of("reviewers", List.of(MEMBER))).andReturn();
        quote = corpus.annotate(MEMBER, source, 28, 32, "QUOTE");
        relation = api.id(api.post(MEMBER, "/api/relations", Map.of("from", quote, "to", judged, "type", "said_by")));
        exported = api.get(BOSS, "/api/export?format=jsonl&project=" + project).andReturn().getResponse()
                .getContentAsByteArray();
        return new Ids(project, source, judged, editable, deletable, undecided, decision);
    }

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder request, Object body) {
        return request.contentType(JSON).content(json.writeValueAsString(body));
    }

    /** The table, in the order the members' calls can succeed one after another. */
    List<Row> table() {
        List<Row> rows = new ArrayList<>();
        // Projects
        rows.add(new Row("GET /api/projects", Kind.LIST, BOSS, i -> get("/api/projects")));
        rows.add(new Row("GET /api/projects/{id}", Kind.OBJECT, MEMBER, i -> get("/api/projects/" + i.project())));
        rows.add(new Row("PUT /api/projects/{id}", Kind.OBJECT, BOSS, i -> body(put("/api/projects/" + i.project()),
                Map.of("description", "Isolation test, described again", "version", version(i.project())))));
        rows.add(new Row("GET /api/projects/{id}/members", Kind.OBJECT, MEMBER,
                i -> get("/api/projects/" + i.project() + "/members")));
        rows.add(new Row("PUT /api/projects/{id}/members", Kind.OBJECT, BOSS,
                i -> body(put("/api/projects/" + i.project() + "/members"), List.of(
                        Map.of("username", MEMBER, "roles", List.of("REVIEWER")),
                        Map.of("username", BOSS, "roles", List.of("SUPERVISOR"))))));
        // Label scheme
        rows.add(new Row("GET /api/projects/{projectId}/scheme", Kind.OBJECT, MEMBER,
                i -> get("/api/projects/" + i.project() + "/scheme")));
        rows.add(new Row("GET /api/projects/{projectId}/scheme/versions", Kind.OBJECT, MEMBER,
                i -> get("/api/projects/" + i.project() + "/scheme/versions")));
        rows.add(new Row("GET /api/projects/{projectId}/scheme/versions/{number}", Kind.OBJECT, MEMBER,
                i -> get("/api/projects/" + i.project() + "/scheme/versions/1")));
        rows.add(new Row("PUT /api/projects/{projectId}/scheme [application/json]", Kind.OBJECT, BOSS,
                i -> body(put("/api/projects/" + i.project() + "/scheme"), schemeWithNewDescription(i.project()))));
        // Sources
        rows.add(new Row("GET /api/sources", Kind.LIST, MEMBER, i -> get("/api/sources")));
        rows.add(new Row("GET /api/sources", Kind.OBJECT, MEMBER, i -> get("/api/sources?project=" + i.project())));
        rows.add(new Row("GET /api/sources/{id}", Kind.OBJECT, MEMBER, i -> get("/api/sources/" + i.source())));
        rows.add(new Row("GET /api/sources/{id}/history", Kind.OBJECT, MEMBER,
                i -> get("/api/sources/" + i.source() + "/history")));
        rows.add(new Row("POST /api/sources [application/json]", Kind.OBJECT, BOSS, i -> body(post("/api/sources"),
                Map.of("project", i.project(), "text", MARKER + " sent a second memo."))));
        rows.add(new Row("POST /api/sources [multipart/form-data]", Kind.OBJECT, MEMBER,
                i -> multipart("/api/sources").file(new MockMultipartFile("file", "third.txt", "text/plain",
                        (MARKER + " sent a third memo.").getBytes())).param("project", String.valueOf(i.project()))
                        .header("X-Requested-With", "corroborate")));
        rows.add(new Row("PUT /api/sources/{id}/blind", Kind.OBJECT, BOSS,
                i -> body(put("/api/sources/" + i.source() + "/blind"), Map.of("blind", false))));
        rows.add(new Row("GET /api/sources/{id}/original", Kind.OBJECT, MEMBER,
                i -> get("/api/sources/" + withOriginal(i) + "/original")));
        rows.add(new Row("PATCH /api/sources/{id} [application/json]", Kind.OBJECT, BOSS, i -> body(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/sources/" + i.source()),
                Map.of("publisher", MARKER + " Gazette", "version", sourceVersion(i)))));
        // Annotations and verdicts
        rows.add(new Row("GET /api/sources/{sourceId}/annotations", Kind.OBJECT, MEMBER,
                i -> get("/api/sources/" + i.source() + "/annotations")));
        rows.add(new Row("GET /api/annotations/{id}", Kind.OBJECT, MEMBER, i -> get("/api/annotations/" + i.annotation())));
        rows.add(new Row("GET /api/annotations/{id}/history", Kind.OBJECT, MEMBER,
                i -> get("/api/annotations/" + i.annotation() + "/history")));
        rows.add(new Row("POST /api/sources/{sourceId}/annotations", Kind.OBJECT, MEMBER,
                i -> body(post("/api/sources/" + i.source() + "/annotations"),
                        Map.of("start", 29, "end", 36, "label", "FACT"))));
        rows.add(new Row("PUT /api/annotations/{id}", Kind.OBJECT, MEMBER, i -> body(put("/api/annotations/"
                + i.editable()), Map.of("note", "checked", "version", 0))));
        rows.add(new Row("DELETE /api/annotations/{id}", Kind.OBJECT, MEMBER,
                i -> delete("/api/annotations/" + i.deletable() + "?version=0")));
        rows.add(new Row("POST /api/annotations/{id}/restore", Kind.OBJECT, MEMBER,
                i -> body(post("/api/annotations/" + i.deletable() + "/restore"), Map.of("version", 0))));
        // Relations
        rows.add(new Row("GET /api/sources/{sourceId}/relations", Kind.OBJECT, MEMBER,
                i -> get("/api/sources/" + i.source() + "/relations")));
        rows.add(new Row("POST /api/relations", Kind.OBJECT, MEMBER, i -> body(post("/api/relations"), Map.of(
                "from", i.project() == GHOST ? GHOST : quote, "to", i.editable(), "type", "said_by"))));
        rows.add(new Row("DELETE /api/relations/{id}", Kind.OBJECT, MEMBER,
                i -> delete("/api/relations/" + (i.project() == GHOST ? GHOST : relation) + "?version=0")));
        rows.add(new Row("PUT /api/annotations/{id}/assessment", Kind.OBJECT, BOSS,
                i -> body(put("/api/annotations/" + i.annotation() + "/assessment"), Map.of("verdict", "UNSURE"))));
        rows.add(new Row("GET /api/annotations/{id}/assessments", Kind.OBJECT, MEMBER,
                i -> get("/api/annotations/" + i.annotation() + "/assessments")));
        rows.add(new Row("GET /api/annotations/{id}/suggestions", Kind.OBJECT, MEMBER,
                i -> get("/api/annotations/" + i.annotation() + "/suggestions")));
        // Review status and assignments
        rows.add(new Row("POST /api/sources/{sourceId}/submit", Kind.OBJECT, MEMBER,
                i -> post("/api/sources/" + i.source() + "/submit").header("X-Requested-With", "corroborate")));
        rows.add(new Row("GET /api/sources/{sourceId}/status", Kind.OBJECT, MEMBER,
                i -> get("/api/sources/" + i.source() + "/status")));
        rows.add(new Row("POST /api/sources/{sourceId}/reopen", Kind.OBJECT, BOSS,
                i -> body(post("/api/sources/" + i.source() + "/reopen"),
                        Map.of("reviewer", MEMBER, "reason", "One more look."))));
        rows.add(new Row("PUT /api/sources/{sourceId}/assignment", Kind.OBJECT, BOSS,
                i -> body(put("/api/sources/" + i.source() + "/assignment"), Map.of("reviewers", List.of(MEMBER)))));
        rows.add(new Row("POST /api/assignments/even", Kind.OBJECT, BOSS,
                i -> body(post("/api/assignments/even"), Map.of("perSource", 1, "project", i.project()))));
        rows.add(new Row("GET /api/progress", Kind.OBJECT, BOSS, i -> get("/api/progress?project=" + i.project())));
        rows.add(new Row("GET /api/me/queue", Kind.OBJECT, MEMBER, i -> get("/api/me/queue?project=" + i.project())));
        // Adjudication
        rows.add(new Row("GET /api/sources/{sourceId}/units", Kind.OBJECT, BOSS,
                i -> get("/api/sources/" + i.source() + "/units")));
        rows.add(new Row("POST /api/sources/{sourceId}/decisions", Kind.OBJECT, BOSS,
                i -> body(post("/api/sources/" + i.source() + "/decisions"), Map.of("annotationIds",
                        List.of(i.undecided()), "outcome", "REJECTED", "reason", "Not a fact."))));
        rows.add(new Row("POST /api/sources/{sourceId}/decisions/agreed", Kind.OBJECT, BOSS,
                i -> body(post("/api/sources/" + i.source() + "/decisions/agreed"), Map.of("reason", "Agreed."))));
        rows.add(new Row("PUT /api/decisions/{id}", Kind.OBJECT, BOSS, i -> body(put("/api/decisions/" + i.decision()),
                Map.of("outcome", "ACCEPTED", "reason", "Checked twice.", "version", 0))));
        rows.add(new Row("GET /api/sources/{sourceId}/decisions", Kind.OBJECT, MEMBER,
                i -> get("/api/sources/" + i.source() + "/decisions")));
        rows.add(new Row("GET /api/sources/{sourceId}/annotations?layer=gold", Kind.OBJECT, MEMBER,
                i -> get("/api/sources/" + i.source() + "/annotations?layer=gold")));
        // Agreement
        rows.add(new Row("GET /api/agreement", Kind.OBJECT, BOSS, i -> get("/api/agreement?project=" + i.project())));
        rows.add(new Row("GET /api/agreement", Kind.OBJECT, BOSS, i -> get("/api/agreement?source=" + i.source())));
        // Exchange
        rows.add(new Row("GET /api/export", Kind.OBJECT, BOSS, i -> get("/api/export?format=jsonl&project=" + i.project())));
        rows.add(new Row("GET /api/export", Kind.OBJECT, MEMBER, i -> get("/api/export?format=csv&source=" + i.source())));
        rows.add(new Row("POST /api/import", Kind.OBJECT, BOSS, i -> post("/api/import?format=jsonl&dryRun=true&project="
                + i.project()).contentType("application/zip").content(exported)));
        // Claims board
        rows.add(new Row("GET /api/claims/board", Kind.OBJECT, MEMBER,
                i -> get("/api/claims/board?project=" + i.project())));
        rows.add(new Row("GET /api/claims/board.csv", Kind.OBJECT, MEMBER,
                i -> get("/api/claims/board.csv?project=" + i.project() + "&contradictions=true")));
        rows.add(new Row("GET /api/search", Kind.LIST, MEMBER, i -> get("/api/search?q=" + MARKER)));
        rows.add(new Row("GET /api/search", Kind.OBJECT, MEMBER,
                i -> get("/api/search?q=" + MARKER + "&project=" + i.project())));
        // Audit
        rows.add(new Row("GET /api/audit", Kind.LIST, BOSS, i -> get("/api/audit?size=500")));
        rows.add(new Row("GET /api/audit", Kind.LIST, BOSS, i -> get("/api/audit?source=" + i.source())));
        rows.add(new Row("GET /api/audit/export", Kind.LIST, BOSS, i -> get("/api/audit/export?format=jsonl")));
        rows.add(new Row("GET /api/audit/export", Kind.LIST, BOSS,
                i -> get("/api/audit/export?format=csv&source=" + i.source())));
        rows.add(new Row("GET /api/audit/{entity}/{entityId}/timeline", Kind.OBJECT, MEMBER,
                i -> get("/api/audit/Annotation/" + i.annotation() + "/timeline")));
        rows.add(new Row("GET /api/audit/{entity}/{entityId}/timeline", Kind.OBJECT, BOSS,
                i -> get("/api/audit/Decision/" + i.decision() + "/timeline")));
        rows.add(new Row("GET /api/audit/{entity}/{entityId}/timeline", Kind.OBJECT, BOSS,
                i -> get("/api/audit/Source/" + i.source() + "/timeline")));
        claimRows(rows);
        versionRows(rows);
        return rows;
    }

    /** Source versions (issue 18), last: a revision moves the source's annotations. */
    private void versionRows(List<Row> rows) {
        rows.add(new Row("GET /api/sources/{id}/versions", Kind.OBJECT, MEMBER,
                i -> get("/api/sources/" + i.source() + "/versions")));
        rows.add(new Row("GET /api/sources/{id}/versions/{number}", Kind.OBJECT, MEMBER,
                i -> get("/api/sources/" + i.source() + "/versions/1")));
        rows.add(new Row("POST /api/sources/{id}/versions [application/json]", Kind.OBJECT, BOSS,
                i -> body(post("/api/sources/" + i.source() + "/versions"), Map.of(
                        "text", sourceText(i) + " Revised once.", "basedOn", currentVersion(i)))));
        rows.add(new Row("POST /api/sources/{id}/versions [multipart/form-data]", Kind.OBJECT, BOSS,
                i -> multipart("/api/sources/" + i.source() + "/versions").file(new MockMultipartFile("file",
                                "revised.txt", "text/plain", (sourceText(i) + " Revised twice.").getBytes()))
                        .param("basedOn", String.valueOf(currentVersion(i)))
                        .header("X-Requested-With", "corroborate")));
    }

    /** The source's current text (a stand-in for a source that does not exist). */
    private String sourceText(Ids i) throws Exception {
        JsonNode read = api.read(api.get(BOSS, "/api/sources/" + i.source()));
        return read.has("text") ? read.get("text").asString() : "A text that is nowhere.";
    }

    /** The number of the source's current version (1 for a source that does not exist). */
    private int currentVersion(Ids i) throws Exception {
        JsonNode read = api.read(api.get(BOSS, "/api/sources/" + i.source() + "/versions"));
        return read.isArray() && !read.isEmpty() ? read.get(read.size() - 1).get("number").asInt() : 1;
    }

    private static Long claim;

    /** The project's claim (made by the member on first use), or the ghost id for the ghost project. */
    private static Long withOriginal;

    /** A source of the project imported from a file, so it has an original (GHOST for the ghost ids). */
    private long withOriginal(Ids i) throws Exception {
        if (i.project() == GHOST) {
            return GHOST;
        }
        if (withOriginal == null) {
            withOriginal = api.read(mvc.perform(multipart("/api/sources").file(new MockMultipartFile("file",
                            "original.txt", "text/plain", (MARKER + " kept the original.").getBytes()))
                    .param("project", String.valueOf(i.project())).header("X-Requested-With", "corroborate")
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                            .httpBasic(BOSS, TestAccounts.PASSWORD)))).get("results").get(0).get("source").get("id")
                    .asLong();
        }
        return withOriginal;
    }

    /** The project's source's version as it is now (0 for one that does not exist). */
    private long sourceVersion(Ids i) throws Exception {
        return i.project() == GHOST ? 0 : api.read(api.get(BOSS, "/api/sources/" + i.source())).get("version").asLong();
    }

    private long claim(Ids i) throws Exception {
        if (i.project() == GHOST) {
            return GHOST;
        }
        if (claim == null) {
            claim = api.id(api.post(MEMBER, "/api/claims", Map.of("project", i.project(), "statement",
                    MARKER + " replaced the pipes.")));
        }
        return claim;
    }

    /** The claim's version as it is now (0 for one that does not exist). */
    private long claimVersion(Ids i) throws Exception {
        JsonNode read = api.read(api.get("admin", "/api/claims/" + claim(i)));
        return read.has("version") ? read.get("version").asLong() : 0;
    }

    /** Claims (issue 15), in the order a member's calls succeed: the claim's deletion last. */
    private void claimRows(List<Row> rows) {
        rows.add(new Row("GET /api/claims", Kind.OBJECT, MEMBER, i -> get("/api/claims?project=" + i.project())));
        rows.add(new Row("POST /api/claims", Kind.OBJECT, MEMBER, i -> body(post("/api/claims"),
                Map.of("project", i.project(), "statement", MARKER + " denied it."))));
        rows.add(new Row("GET /api/claims/{id}", Kind.OBJECT, MEMBER, i -> get("/api/claims/" + claim(i))));
        rows.add(new Row("PATCH /api/claims/{id}", Kind.OBJECT, MEMBER, i -> body(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/claims/" + claim(i)),
                Map.of("statement", MARKER + " replaced the old pipes.", "version", claimVersion(i)))));
        rows.add(new Row("POST /api/claims/{id}/members", Kind.OBJECT, MEMBER, i -> body(
                post("/api/claims/" + claim(i) + "/members"), Map.of("annotation", i.editable(), "stance", "SUPPORTS"))));
        rows.add(new Row("PATCH /api/claims/{id}/members/{annotation}", Kind.OBJECT, MEMBER, i -> body(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/claims/" + claim(i)
                        + "/members/" + i.editable()), Map.of("stance", "QUALIFIES"))));
        rows.add(new Row("POST /api/claims/{id}/members/{annotation}/decision", Kind.OBJECT, BOSS, i -> body(
                post("/api/claims/" + claim(i) + "/members/" + i.editable() + "/decision"),
                Map.of("outcome", "ACCEPTED", "reason", "Checked against the memo."))));
        rows.add(new Row("GET /api/claims/gold", Kind.OBJECT, MEMBER, i -> get("/api/claims/gold?project=" + i.project())));
        rows.add(new Row("GET /api/claims/agreement", Kind.OBJECT, BOSS,
                i -> get("/api/claims/agreement?project=" + i.project())));
        rows.add(new Row("GET /api/annotations/{id}/claims", Kind.OBJECT, MEMBER,
                i -> get("/api/annotations/" + i.editable() + "/claims")));
        rows.add(new Row("DELETE /api/claims/{id}/members/{annotation}", Kind.OBJECT, MEMBER,
                i -> delete("/api/claims/" + claim(i) + "/members/" + i.editable())));
        rows.add(new Row("DELETE /api/claims/{id}", Kind.OBJECT, MEMBER,
                i -> delete("/api/claims/" + claim(i) + "?version=" + claimVersion(i))));
    }

    /**
     * The project's scheme as it is now with a new description, as a supervisor would send it back
     * (the main project's for a project that does not exist: the body must not decide the answer).
     */
    private JsonNode schemeWithNewDescription(long project) throws Exception {
        long readable = project == GHOST ? TestProjects.MAIN : project;
        var scheme = (tools.jackson.databind.node.ObjectNode) api.read(api.get("admin",
                "/api/projects/" + readable + "/scheme"));
        scheme.put("description", "Described again by the isolation test " + System.nanoTime());
        return scheme;
    }

    /** The project's version as it is now (0 for a project that does not exist). */
    private long version(long project) throws Exception {
        JsonNode read = api.read(api.get("admin", "/api/projects/" + project));
        return read.has("version") ? read.get("version").asLong() : 0;
    }

    @TestFactory
    Stream<DynamicTest> outsidersFindNothingOfTheProjectAndMembersWorkInIt() {
        return table().stream().map(row -> DynamicTest.dynamicTest(row.endpoint() + " (" + row.kind() + ")", () -> {
            for (String outsider : List.of(OUTSIDE_BOSS, OUTSIDER)) {
                MockHttpServletResponse answer = call(outsider, row.request().build(ids));
                if (row.kind() == Kind.LIST) {
                    assertThat(answer.getStatus()).as("%s as %s", row.endpoint(), outsider).isEqualTo(200);
                    assertThat(answer.getContentAsString()).as("%s as %s", row.endpoint(), outsider)
                            .doesNotContain(MARKER);
                    continue;
                }
                MockHttpServletResponse ghost = call(outsider, row.request().build(Ids.ghost()));
                assertThat(answer.getStatus()).as("%s as %s: %s", row.endpoint(), outsider,
                        answer.getContentAsString()).isEqualTo(ghost.getStatus());
                if (outsider.equals(OUTSIDE_BOSS)) {
                    // A supervisor passes every coarse role gate, so only the project check stands in the way.
                    assertThat(answer.getStatus()).as("%s as %s", row.endpoint(), outsider).isEqualTo(404);
                } else {
                    assertThat(answer.getStatus()).as("%s as %s", row.endpoint(), outsider).isIn(403, 404);
                }
                assertThat(answer.getContentAsString()).doesNotContain(MARKER);
                // Word for word as for an id nothing has (numbers aside): naming what the object
                // belongs to, such as its source, would tell that it exists.
                assertThat(answer.getContentAsString().replaceAll("\\d+", "N"))
                        .as("%s as %s answers like a ghost", row.endpoint(), outsider)
                        .isEqualTo(ghost.getContentAsString().replaceAll("\\d+", "N"));
            }
            MockHttpServletResponse member = call(row.member(), row.request().build(ids));
            assertThat(member.getStatus()).as("%s as member %s: %s", row.endpoint(), row.member(),
                    member.getContentAsString()).isBetween(200, 299);
            if (row.kind() == Kind.LIST) {
                assertThat(member.getContentAsString()).as("%s as member %s", row.endpoint(), row.member())
                        .contains(MARKER);
            }
        }));
    }

    @Test
    void everyEndpointIsInTheTableOrDeclaredWorkbenchWide() {
        Set<String> covered = table().stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api")) {
                    endpoints.add(key(info, pattern));
                }
            }
        }
        Set<String> forgotten = new TreeSet<>(endpoints);
        forgotten.removeAll(covered);
        forgotten.removeAll(WORKBENCH_WIDE);
        assertThat(forgotten).as("endpoints neither in the isolation table nor declared workbench-wide").isEmpty();
        Set<String> stale = new TreeSet<>(covered);
        stale.addAll(WORKBENCH_WIDE);
        stale.removeAll(endpoints);
        assertThat(stale).as("table entries for endpoints that no longer exist").isEmpty();
    }

    /** "METHOD /path", with "?params" and "[consumes]" where the mapping has them: how the table names endpoints. */
    private static String key(RequestMappingInfo info, String pattern) {
        String methods = info.getMethodsCondition().getMethods().isEmpty() ? "ANY"
                : info.getMethodsCondition().getMethods().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(","));
        String params = info.getParamsCondition().getExpressions().stream().map(Object::toString).sorted()
                .collect(Collectors.joining("&"));
        var consumes = info.getConsumesCondition().getExpressions();
        String types = consumes.size() == 1 && !consumes.iterator().next().isNegated()
                ? " [" + consumes.iterator().next().getMediaType() + "]" : "";
        return methods + " " + pattern + (params.isEmpty() ? "" : "?" + params) + types;
    }

    private MockHttpServletResponse call(String user, AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        MvcResult result = mvc.perform(request.with(httpBasic(user, TestAccounts.passwordOf(user)))).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn(); // a streamed download, such as the audit export
        }
        return result.getResponse();
    }

    @Test
    void anOutsiderSeesNoneOfTheProjectInTheirLists() throws Exception {
        JsonNode projects = api.read(api.get(OUTSIDE_BOSS, "/api/projects"));
        List<String> names = new ArrayList<>();
        projects.forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).isNotEmpty().noneMatch(n -> n.contains(MARKER));
        Map<String, Object> mine = new LinkedHashMap<>();
        api.read(api.get(BOSS, "/api/projects")).forEach(p -> mine.put(p.get("name").asString(), p.get("yourRoles")));
        assertThat(mine).containsOnlyKeys(MARKER + " leak inquiry");
    }
}
