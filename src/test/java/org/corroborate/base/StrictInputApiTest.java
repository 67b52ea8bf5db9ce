package org.corroborate.base;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.WorkbenchTest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.ImportedAnnotation;
import org.corroborate.security.AccountService;
import org.corroborate.security.NewAccount;
import org.corroborate.base.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19, case 7: lenient input. Every bad input below must answer 400 with a message that
 * names the field, and change nothing (no row, no audit event). Inputs are written as raw JSON,
 * since a JSON library would not write a duplicate key or a lone surrogate escape for us.
 */
@WorkbenchTest
class StrictInputApiTest {

    /** Every bad input tried, and whether it was refused as promised: the figures for the Reliability section of docs/operations.md. */
    private static final List<String> TRIED = new ArrayList<>();
    private static final List<String> REFUSED = new ArrayList<>();

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired CurrentActor actor;
    @Autowired AnnotationService annotations;
    @Autowired AccountService accounts;

    long source;
    long alices;
    long bobs;

    /** The mayor's sentence followed by {@code ending}, a sentence of the test's own, and two annotations on it. */
    private void corpus(String ending) throws Exception {
        source = json.readTree(mvc.perform(post("/api/sources").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", "Strict", "text",
                                "The mayor said the water is safe. " + ending, "project", TestProjects.MAIN))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        alices = create("alice", "{\"start\":0,\"end\":9,\"label\":\"QUOTE\",\"attributes\":{\"speaker\":\"mayor\"}}");
        bobs = create("bob", "{\"start\":4,\"end\":9,\"label\":\"FACT\"}");
    }

    @AfterAll
    static void figures() {
        System.out.printf("Strict input: %d bad inputs tried, %d refused with 400 naming the field and nothing changed%n",
                TRIED.size(), REFUSED.size());
        REFUSED.forEach(line -> System.out.println("  refused: " + line));
    }

    @Test
    void numbersMustBeWholeNumbersOfTheRightTypeAndKeysAppearOnce() throws Exception {
        corpus("Numbers are whole and keys appear once.");
        String create = "/api/sources/" + source + "/annotations";
        refused("start 1.5", post(create), "alice", "{\"start\":1.5,\"end\":9,\"label\":\"FACT\"}", "'start'", "whole number");
        refused("start 1e0", post(create), "alice", "{\"start\":1e0,\"end\":9,\"label\":\"FACT\"}", "'start'", "whole number");
        refused("start \"0\"", post(create), "alice", "{\"start\":\"0\",\"end\":9,\"label\":\"FACT\"}", "'start'", "not a string");
        refused("end \"9\"", post(create), "alice", "{\"start\":0,\"end\":\"9\",\"label\":\"FACT\"}", "'end'", "whole number");
        refused("start true", post(create), "alice", "{\"start\":true,\"end\":9,\"label\":\"FACT\"}", "'start'", "whole number");
        refused("start beyond int", post(create), "alice", "{\"start\":3000000000,\"end\":9,\"label\":\"FACT\"}", "'start'", "");
        refused("start twice", post(create), "alice", "{\"start\":0,\"start\":2,\"end\":9,\"label\":\"FACT\"}", "'start'", "more than once");
        refused("label twice", post(create), "alice", "{\"start\":0,\"end\":9,\"label\":\"FACT\",\"label\":\"QUOTE\"}", "'label'", "more than once");
        refused("attribute twice", post(create), "alice",
                "{\"start\":0,\"end\":9,\"label\":\"QUOTE\",\"attributes\":{\"speaker\":\"a\",\"speaker\":\"b\"}}",
                "'attributes.speaker'", "more than once");
        refused("label 5", post(create), "alice", "{\"start\":0,\"end\":9,\"label\":5}", "'label'", "a string");
        refused("attribute 7", post(create), "alice", "{\"start\":0,\"end\":9,\"label\":\"QUOTE\",\"attributes\":{\"speaker\":7}}",
                "'attributes.speaker'", "a string");
        refused("note 12", post(create), "alice", "{\"start\":0,\"end\":9,\"label\":\"FACT\",\"note\":12}", "'note'", "a string");
        refused("attributes a list", post(create), "alice", "{\"start\":0,\"end\":9,\"label\":\"FACT\",\"attributes\":[]}",
                "'attributes'", "object");
        refused("broken JSON", post(create), "alice", "{\"start\":0,\"end\":9,", "", "not valid JSON");
        refused("unclosed object", post(create), "alice", "{\"start\":0,\"end\":9", "", "not valid JSON");
        String update = "/api/annotations/" + alices;
        refused("version 0.5", put(update), "alice", "{\"version\":0.5,\"note\":\"x\"}", "'version'", "whole number");
        refused("version \"0\"", put(update), "alice", "{\"version\":\"0\",\"note\":\"x\"}", "'version'", "not a string");
        refused("version twice", put(update), "alice", "{\"version\":0,\"version\":0,\"note\":\"x\"}", "'version'", "more than once");
        String assessment = "/api/annotations/" + alices + "/assessment";
        refused("verdict 0", put(assessment), "bob", "{\"verdict\":0}", "'verdict'", "AGREE");
        refused("verdict MAYBE", put(assessment), "bob", "{\"verdict\":\"MAYBE\"}", "'verdict'", "not 'MAYBE'");
        refused("verdict twice", put(assessment), "bob", "{\"verdict\":\"AGREE\",\"verdict\":\"DISAGREE\"}", "'verdict'", "more than once");
        String blind = "/api/sources/" + source + "/blind";
        refused("blind \"true\"", put(blind), "sam", "{\"blind\":\"true\"}", "'blind'", "true or false");
        refused("blind 1", put(blind), "sam", "{\"blind\":1}", "'blind'", "true or false");
        refused("decision ids of text", post("/api/sources/" + source + "/decisions"), "sam",
                "{\"annotationIds\":[\"" + alices + "\"],\"outcome\":\"ACCEPTED\",\"reason\":\"r\"}", "'annotationIds[0]'", "whole number");
        refused("decision ids with null", post("/api/sources/" + source + "/decisions"), "sam",
                "{\"annotationIds\":[null],\"outcome\":\"ACCEPTED\",\"reason\":\"r\"}", "'annotationIds", "null");
        refused("assignment of null", put("/api/sources/" + source + "/assignment"), "sam",
                "{\"reviewers\":[null]}", "'reviewers", "null");
        refused("assignment without reviewers", put("/api/sources/" + source + "/assignment"), "sam", "{}",
                "'reviewers'", "required");
        refused("reopen without reviewer", post("/api/sources/" + source + "/reopen"), "sam",
                "{\"reason\":\"r\"}", "'reviewer'", "required");
        refused("title 3", post("/api/sources"), "admin", "{\"project\":1,\"title\":3,\"text\":\"Some text\"}", "'title'", "a string");
    }

    @Test
    void textFieldsRefuseNulControlCharactersAndLoneSurrogates() throws Exception {
        corpus("Text fields refuse control characters.");
        String create = "/api/sources/" + source + "/annotations";
        refused("note NUL", post(create), "alice", "{\"start\":0,\"end\":9,\"label\":\"FACT\",\"note\":\"a\\u0000b\"}", "'note'", "NUL");
        refused("note BEL", post(create), "alice", "{\"start\":0,\"end\":9,\"label\":\"FACT\",\"note\":\"a\\u0007b\"}", "'note'", "U+0007");
        refused("note ESC", post(create), "alice", "{\"start\":0,\"end\":9,\"label\":\"FACT\",\"note\":\"\\u001b[31m\"}", "'note'", "U+001B");
        refused("note lone high surrogate", post(create), "alice",
                "{\"start\":0,\"end\":9,\"label\":\"FACT\",\"note\":\"x\\ud800\"}", "'note'", "lone surrogate");
        refused("note lone low surrogate", post(create), "alice",
                "{\"start\":0,\"end\":9,\"label\":\"FACT\",\"note\":\"\\udc00x\"}", "'note'", "lone surrogate");
        refused("note reversed pair", post(create), "alice",
                "{\"start\":0,\"end\":9,\"label\":\"FACT\",\"note\":\"\\ude00\\ud83d\"}", "'note'", "lone surrogate");
        refused("attribute NUL", post(create), "alice",
                "{\"start\":0,\"end\":9,\"label\":\"QUOTE\",\"attributes\":{\"speaker\":\"\\u0000\"}}", "'attributes.speaker'", "NUL");
        refused("attribute lone surrogate", post(create), "alice",
                "{\"start\":0,\"end\":9,\"label\":\"QUOTE\",\"attributes\":{\"speaker\":\"\\ud83d\"}}", "'attributes.speaker'", "lone surrogate");
        String update = "/api/annotations/" + alices;
        refused("update note NUL", put(update), "alice", "{\"version\":0,\"note\":\"\\u0000\"}", "'note'", "NUL");
        refused("update attribute surrogate", put(update), "alice",
                "{\"version\":0,\"attributes\":{\"speaker\":\"\\udfff\"}}", "'attributes.speaker'", "lone surrogate");
        refused("supervisor reason NUL", put(update), "sam", "{\"version\":0,\"note\":\"n\",\"reason\":\"why\\u0000\"}",
                "'reason'", "NUL");
        refused("delete reason NUL", delete(update).param("version", "0").param("reason", "a\u0000b"), "sam", null,
                "'reason'", "NUL");
        String assessment = "/api/annotations/" + alices + "/assessment";
        refused("comment NUL", put(assessment), "bob", "{\"verdict\":\"AGREE\",\"comment\":\"\\u0000\"}", "'comment'", "NUL");
        refused("comment lone surrogate", put(assessment), "bob", "{\"verdict\":\"AGREE\",\"comment\":\"\\ud800\"}", "'comment'",
                "lone surrogate");
        String decisions = "/api/sources/" + source + "/decisions";
        refused("decision reason NUL", post(decisions), "sam",
                "{\"annotationIds\":[" + alices + "],\"outcome\":\"ACCEPTED\",\"reason\":\"ok\\u0000\"}", "'reason'", "NUL");
        refused("decision note surrogate", post(decisions), "sam",
                "{\"annotationIds\":[" + alices + "],\"outcome\":\"ACCEPTED\",\"reason\":\"ok\",\"note\":\"\\ud800\"}", "'note'",
                "lone surrogate");
        refused("decision attribute NUL", post(decisions), "sam",
                "{\"annotationIds\":[" + alices + "],\"outcome\":\"ACCEPTED\",\"reason\":\"ok\",\"attributes\":{\"speaker\":\"\\u0000\"}}",
                "'attributes.speaker'", "NUL");
        refused("source title NUL", post("/api/sources"), "admin", "{\"project\":1,\"title\":\"T\\u0000\",\"text\":\"Fresh text, title NUL\"}", "'title'", "NUL");
        refused("source publisher surrogate", post("/api/sources"), "admin", "{\"project\":1,\"publisher\":\"\\ud800\",\"text\":\"Fresh text, publisher surrogate\"}", "'publisher'", "lone surrogate");
        refused("source author ESC", post("/api/sources"), "admin", "{\"project\":1,\"author\":\"\\u001b\",\"text\":\"Fresh text, author ESC\"}", "'author'", "U+001B");
        refused("source text surrogate", post("/api/sources"), "admin", "{\"project\":1,\"text\":\"Fresh \\ud800 text\"}", "the text", "lone surrogate");
        refused("source text NUL", post("/api/sources"), "admin", "{\"project\":1,\"text\":\"Fresh \\u0000 text\"}", "the text", "U+0000");
        mvc.perform(post("/api/sources/" + source + "/submit").header("X-Requested-With", "corroborate").with(httpBasic("bob", "demo"))).andExpect(status().isOk());
        refused("reopen reason NUL", post("/api/sources/" + source + "/reopen"), "sam",
                "{\"reviewer\":\"bob\",\"reason\":\"\\u0000\"}", "'reason'", "NUL");
        serviceRefused("import author NUL", () -> actor.runAs("sam", Role.SUPERVISOR, () -> annotations.importAnnotation(source,
                new ImportedAnnotation("ali\u0000ce", 0, 3, "FACT", Map.of(), null, null, null), "test.jsonl", "test")), "'author'");
        serviceRefused("import author surrogate", () -> actor.runAs("sam", Role.SUPERVISOR, () -> annotations.importAnnotation(
                source, new ImportedAnnotation("ali\ud800ce", 0, 3, "FACT", Map.of(), null, null, null), "test.jsonl", "test")), "'author'");
        serviceRefused("account name NUL", () -> actor.runAs("admin", Role.ADMIN, () -> accounts.create(
                new NewAccount("nul" + System.nanoTime() % 100000, "Nu\u0000l", "a long enough password 1", Set.of()))),
                "'displayName'");
    }

    @Test
    void reasonsLongerThanTheirColumnAreRefusedNot500() throws Exception {
        corpus("Long reasons are refused.");
        // Found by the review of the merged work: a reason over the 2,000 characters its columns hold
        // reached the database and answered 500 (H2 "Value too long for column REASON").
        String longReason = "why ".repeat(600);
        String update = "/api/annotations/" + alices;
        refused("supervisor reason too long", put(update), "sam",
                "{\"version\":0,\"note\":\"n\",\"reason\":\"" + longReason + "\"}", "'reason'", "2000");
        refused("delete reason too long", delete(update).param("version", "0").param("reason", longReason), "sam", null,
                "'reason'", "2000");
        refused("decision reason too long", post("/api/sources/" + source + "/decisions"), "sam",
                "{\"annotationIds\":[" + alices + "],\"outcome\":\"ACCEPTED\",\"reason\":\"" + longReason + "\"}",
                "'reason'", "2000");
        mvc.perform(post("/api/sources/" + source + "/submit").header("X-Requested-With", "corroborate")
                .with(httpBasic("bob", "demo"))).andExpect(status().isOk());
        refused("reopen reason too long", post("/api/sources/" + source + "/reopen"), "sam",
                "{\"reviewer\":\"bob\",\"reason\":\"" + longReason + "\"}", "'reason'", "2000");
    }

    @Test
    void aBodyOfTwoJsonValuesIsNamedAsSuch() throws Exception {
        corpus("Two JSON values are named as such.");
        // Found by the review of the merged work: it answered "must be a JSON object, not an object."
        refused("two JSON objects", post("/api/sources/" + source + "/annotations"), "alice",
                "{\"start\":0,\"end\":9,\"label\":\"FACT\"}{\"start\":0,\"end\":9,\"label\":\"FACT\"}",
                "The request body", "more than one JSON value");
    }

    @Test
    void tabsLineBreaksAndEmojiStillPass() throws Exception {
        corpus("Tabs, line breaks and emoji pass.");
        mvc.perform(put("/api/annotations/" + alices).with(httpBasic("alice", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"note\":\"line one\\n\\tline two\\r\\n\\ud83d\\udca7 water\"}"))
                .andExpect(status().isOk());
        assertThat(annotation(alices).get("note").asString()).isEqualTo("line one\n\tline two\r\n💧 water");
        mvc.perform(put("/api/annotations/" + bobs).with(httpBasic("bob", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"start\":4,\"unknownField\":true}"))
                .andExpect(status().isOk());
    }

    /** Sends a bad input and checks: 400, the message names the field and says why, nothing changed. */
    private void refused(String what, MockHttpServletRequestBuilder request, String user, String body, String field,
                         String why) throws Exception {
        TRIED.add(what);
        State before = state();
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(httpBasic(user, "demo"))).andReturn().getResponse();
        String message = response.getStatus() == 400
                ? json.readTree(response.getContentAsString()).get("message").asString() : "";
        assertThat(response.getStatus()).as(what + ": " + response.getContentAsString()).isEqualTo(400);
        assertThat(message).as(what).contains(field).contains(why).doesNotContain("[Source:");
        assertThat(state()).as(what + " changed nothing").isEqualTo(before);
        REFUSED.add(what + " → " + message);
    }

    private void serviceRefused(String what, Runnable call, String field) {
        TRIED.add(what);
        State before = state();
        assertThatThrownBy(call::run).as(what).isInstanceOf(WorkbenchException.class)
                .hasMessageContaining(field)
                .satisfies(e -> assertThat(((WorkbenchException) e).kind()).isEqualTo(WorkbenchException.Kind.BAD_INPUT));
        assertThat(state()).as(what + " changed nothing").isEqualTo(before);
        REFUSED.add(what);
    }

    private JsonNode annotation(long id) throws Exception {
        return json.readTree(mvc.perform(get("/api/annotations/" + id).with(httpBasic("sam", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private State state() {
        return new State(jdbc.queryForObject("select count(*) from audit_event", Long.class),
                jdbc.queryForObject("select count(*) from annotation", Long.class),
                jdbc.queryForObject("select count(*) from source", Long.class),
                jdbc.queryForObject("select count(*) from account", Long.class),
                jdbc.queryForList("select version from annotation where id in (?, ?) order by id", Long.class, alices, bobs));
    }

    private record State(long events, long annotations, long sources, long accounts, List<Long> versions) {}

    private long create(String user, String body) throws Exception {
        return json.readTree(mvc.perform(post("/api/sources/" + source + "/annotations").with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
    }
}
