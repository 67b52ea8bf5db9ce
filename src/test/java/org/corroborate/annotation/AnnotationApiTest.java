package org.corroborate.annotation;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The annotation API as a script uses it: code point offsets, validation, versions, permissions. */
@WorkbenchTest
class AnnotationApiTest {

    /** Emoji, a ZWJ family, a decomposed accent (stored composed), right-to-left text and CRLF line ends. */
    static final String TEXT = "Resident 💧 👩‍👩‍👧 Zoe\u0301 said:\r\n“Still on bottled water.”\r\nقال يوسف حداد إن الماء ليس آمناً.\r\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    long sourceId;
    String stored;

    /** Imports TEXT followed by {@code ending}, a sentence of the test's own; keeps its id and stored text. */
    private void importSource(String ending) throws Exception {
        String text = TEXT + ending;
        JsonNode source = read(mvc.perform(post("/api/sources").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("text", text, "project", TestProjects.MAIN))))
                .andExpect(status().isCreated()));
        sourceId = source.get("id").asLong();
        stored = read(mvc.perform(get("/api/sources/" + sourceId).with(httpBasic("alice", "demo")))).get("text").asString();
    }

    /** The code point offset of a substring, as Python's str.index would give it. */
    private int offsetOf(String part) {
        int index = stored.indexOf(part);
        assertThat(index).as("'%s' in the source", part).isNotNegative();
        return stored.codePointCount(0, index);
    }

    private int cp(String s) {
        return s.codePointCount(0, s.length());
    }

    private ResultActions create(String user, Object body) throws Exception {
        return mvc.perform(post("/api/sources/" + sourceId + "/annotations").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    @Test
    void createsWithCodePointOffsetsAndStoresTheCoveredTextAndContext() throws Exception {
        importSource("Offsets are counted in code points.");
        int start = offsetOf("Zoé");
        JsonNode created = read(create("alice", Map.of("start", start, "end", start + 3, "label", "QUOTE",
                "attributes", Map.of("speaker", "  Zoé Ødegård "), "note", "Name composed on import"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.text").value("Zoé"))
                .andExpect(jsonPath("$.author").value("alice"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.attributes.speaker").value("Zoé Ødegård"))
                .andExpect(jsonPath("$.contextBefore").value(containsString("👩‍👩‍👧 ")))
                .andExpect(jsonPath("$.contextAfter").value(containsString(" said:\n"))));
        assertThat(created.get("start").asInt()).isEqualTo(start);

        int arabic = offsetOf("يوسف حداد");
        create("alice", Map.of("start", arabic, "end", arabic + cp("يوسف حداد"), "label", "FACT"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.text").value("يوسف حداد"));
        int drop = offsetOf("💧");
        create("alice", Map.of("start", drop, "end", drop + 1, "label", "FACT"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.text").value("💧"));
        int quote = offsetOf("Still");
        create("alice", Map.of("start", quote, "end", quote + cp("Still on bottled water."), "label", "QUOTE"))
                .andExpect(jsonPath("$.text").value("Still on bottled water."));

        mvc.perform(get("/api/sources/" + sourceId + "/annotations").with(httpBasic("alice", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].text", hasItem("يوسف حداد")))
                .andExpect(jsonPath("$.length()").value(4));
    }

    @Test
    void refusesBadSpansLabelsAndAttributesAndChangesNothing() throws Exception {
        importSource("Bad spans change nothing.");
        int length = cp(stored);
        create("alice", Map.of("start", 5, "end", 5, "label", "FACT")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("cannot be empty")));
        create("alice", Map.of("start", 9, "end", 4, "label", "FACT")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("must end after it starts")));
        create("alice", Map.of("start", 0, "end", length + 1, "label", "FACT")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("beyond the end of the source")));
        create("alice", Map.of("start", -1, "end", 3, "label", "FACT")).andExpect(status().isBadRequest());
        create("alice", Map.of("start", 0, "end", 3, "label", "OPINION")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("Unknown label 'OPINION'")));
        create("alice", Map.of("start", 0, "end", 3, "label", "FACT", "attributes", Map.of("speaker", "x")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("The label FACT has no attribute 'speaker'")));
        create("alice", Map.of("end", 3, "label", "FACT")).andExpect(status().isBadRequest());
        int space = offsetOf(":\n") + 1;
        create("alice", Map.of("start", space, "end", space + 1, "label", "FACT")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("only white space")));
        mvc.perform(post("/api/sources/999999/annotations").with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"start\":0,\"end\":1,\"label\":\"FACT\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/sources/" + sourceId + "/annotations").with(httpBasic("alice", "demo")))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void updatesWithTheVersionAndAnswersAStaleVersionWith409AndTheCurrentState() throws Exception {
        importSource("A stale version is answered with 409.");
        JsonNode created = read(create("bob", Map.of("start", 0, "end", 8, "label", "FACT")));
        long id = created.get("id").asLong();
        mvc.perform(put("/api/annotations/" + id).with(httpBasic("bob", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("version", 0, "label", "QUOTE",
                                "attributes", Map.of("speaker", "A resident")))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("QUOTE"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/annotations/" + id).with(httpBasic("bob", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("version", 0, "note", "late edit"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("conflict"))
                .andExpect(jsonPath("$.details.current.version").value(1))
                .andExpect(jsonPath("$.details.current.attributes.speaker").value("A resident"));
        mvc.perform(delete("/api/annotations/" + id).param("version", "0").with(httpBasic("bob", "demo")))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/annotations/" + id).with(httpBasic("bob", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("'version' is required")));
        mvc.perform(delete("/api/annotations/" + id).param("version", "1").with(httpBasic("bob", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/annotations/" + id).with(httpBasic("bob", "demo"))).andExpect(status().isNotFound());
    }

    @Test
    void aReviewerCannotChangeAColleaguesAnnotationButASupervisorCanWithAReason() throws Exception {
        importSource("Only the author, or a supervisor with a reason.");
        long id = read(create("alice", Map.of("start", 0, "end", 8, "label", "FACT"))).get("id").asLong();
        String edit = json.writeValueAsString(Map.of("version", 0, "label", "ALLEGATION"));
        mvc.perform(put("/api/annotations/" + id).with(httpBasic("bob", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(edit))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/annotations/" + id).param("version", "0").with(httpBasic("carol", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/annotations/" + id).with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(edit))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("a reason is required")));
        mvc.perform(put("/api/annotations/" + id).with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("version", 0, "label", "ALLEGATION",
                                "reason", "The sentence accuses the utility"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.author").value("alice"))
                .andExpect(jsonPath("$.label").value("ALLEGATION"));
        create("admin", Map.of("start", 0, "end", 8, "label", "FACT")).andExpect(status().isForbidden());
        mvc.perform(post("/api/sources/" + sourceId + "/annotations")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void blindModeHidesColleaguesUntilTheReviewerSubmits() throws Exception {
        importSource("Blind until the reviewer submits.");
        create("alice", Map.of("start", 0, "end", 8, "label", "FACT")).andExpect(status().isCreated());
        create("bob", Map.of("start", 0, "end", 8, "label", "FACT")).andExpect(status().isCreated());
        mvc.perform(put("/api/sources/" + sourceId + "/blind").with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"blind\": true}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/sources/" + sourceId + "/blind").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"blind\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.blind").value(true));

        mvc.perform(get("/api/sources/" + sourceId + "/annotations").with(httpBasic("bob", "demo")))
                .andExpect(jsonPath("$[*].author", not(hasItem("alice"))))
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/sources/" + sourceId + "/annotations").with(httpBasic("sam", "demo")))
                .andExpect(jsonPath("$.length()").value(2));

        mvc.perform(post("/api/sources/" + sourceId + "/submit").header("X-Requested-With", "corroborate").with(httpBasic("bob", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(get("/api/sources/" + sourceId + "/annotations").with(httpBasic("bob", "demo")))
                .andExpect(jsonPath("$[*].author", hasItem("alice")));
        mvc.perform(get("/api/sources/" + sourceId + "/annotations").param("reviewer", "bob")
                        .with(httpBasic("bob", "demo")))
                .andExpect(jsonPath("$.length()").value(1));
        String history = mvc.perform(get("/api/sources/" + sourceId + "/history").with(httpBasic("alice", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].change").value("add"))
                .andExpect(jsonPath("$[0].state.blind").value(false))
                .andExpect(jsonPath("$[1].actor").value("sam"))
                .andExpect(jsonPath("$[1].state.blind").value(true))
                .andReturn().getResponse().getContentAsString();
        String importedAt = json.readTree(history).get(0).get("at").asString();
        mvc.perform(get("/api/sources/" + sourceId + "/history").param("at", importedAt)
                        .with(httpBasic("alice", "demo")))
                .andExpect(jsonPath("$.blind").value(false));
        mvc.perform(get("/api/sources/" + sourceId + "/status").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].reviewer", hasItem("alice")))
                .andExpect(jsonPath("$[?(@.reviewer == 'alice')].status", hasItem("IN_PROGRESS")))
                .andExpect(jsonPath("$[?(@.reviewer == 'bob')].status", hasItem("SUBMITTED")));
    }
}
