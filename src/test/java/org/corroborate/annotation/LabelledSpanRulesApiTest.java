package org.corroborate.annotation;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corroborate.WorkbenchTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reviewer's annotation, a supervisor's gold span and a span in an imported corpus are held to
 * the same {@link LabelledSpanRules}: the same bad span is refused by all three with the same
 * message (the import's names the file and line before it).
 */
@WorkbenchTest
class LabelledSpanRulesApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private String text;
    private long source;
    private long annotation;

    @BeforeEach
    void aSourceWithOneAnnotation() throws Exception {
        text = "The mayor said:  the water is safe. " + UUID.randomUUID();
        source = id(mvc.perform(post("/api/sources").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("text", text, "project", TestProjects.MAIN))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        annotation = id(mvc.perform(post("/api/sources/" + source + "/annotations").with(httpBasic("alice", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("start", 0, "end", 9, "label", "FACT"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void annotationGoldAndImportRefuseTheSameBadSpansWithTheSameMessage() throws Exception {
        int length = text.codePointCount(0, text.length());
        expectSameRefusal(span(15, 16, "FACT"), "The span 15..16 covers only white space.");
        expectSameRefusal(span(4, 4, "FACT"), "A span cannot be empty (start and end are both 4).");
        expectSameRefusal(span(9, 4, "FACT"), "A span must end after it starts (got 9..4).");
        expectSameRefusal(span(-1, 4, "FACT"), "A span cannot start or end before 0 (got -1..4).");
        expectSameRefusal(span(0, length + 1, "FACT"), "The span 0.." + (length + 1)
                + " goes beyond the end of the source (length " + length + " code points).");
        expectSameRefusal(span(0, 9, "OPINION"), "Unknown label 'OPINION'; the scheme has [FACT, QUOTE, ALLEGATION].");
        Map<String, Object> unknownAttribute = span(0, 9, "FACT");
        unknownAttribute.put("attributes", Map.of("speaker", "The mayor"));
        expectSameRefusal(unknownAttribute, "The label FACT has no attribute 'speaker'.");
        Map<String, Object> longAttribute = span(0, 9, "QUOTE");
        longAttribute.put("attributes", Map.of("speaker", "x".repeat(LabelledSpanRules.MAX_ATTRIBUTE + 1)));
        expectSameRefusal(longAttribute, "'speaker' is longer than 500 characters.");
        Map<String, Object> longNote = span(0, 9, "FACT");
        longNote.put("note", "  " + "n".repeat(LabelledSpanRules.MAX_NOTE + 1) + "  ");
        expectSameRefusal(longNote, "The note is longer than 4000 characters.");
    }

    @Test
    void goldSpansAreStrippedLikeAnnotations() throws Exception {
        Map<String, Object> decision = new LinkedHashMap<>(Map.of("annotationIds", List.of(annotation),
                "outcome", "ACCEPTED", "reason", "The mayor's words", "start", 0, "end", 9, "label", "QUOTE"));
        decision.put("attributes", Map.of("speaker", "  The mayor  "));
        decision.put("note", "  checked  ");
        String made = mvc.perform(post("/api/sources/" + source + "/decisions").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(decision)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(made).at("/gold/attributes/speaker").asString()).isEqualTo("The mayor");
        assertThat(json.readTree(made).at("/gold/note").asString()).isEqualTo("checked");
    }

    private static Map<String, Object> span(int start, int end, String label) {
        Map<String, Object> span = new LinkedHashMap<>();
        span.put("start", start);
        span.put("end", end);
        span.put("label", label);
        return span;
    }

    private void expectSameRefusal(Map<String, Object> span, String message) throws Exception {
        String byAnnotation = refusal(mvc.perform(post("/api/sources/" + source + "/annotations")
                .with(httpBasic("alice", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(span))).andReturn().getResponse());

        Map<String, Object> decision = new LinkedHashMap<>(span);
        decision.putAll(Map.of("annotationIds", List.of(annotation), "outcome", "ACCEPTED", "reason", "Gold"));
        String byGold = refusal(mvc.perform(post("/api/sources/" + source + "/decisions")
                .with(httpBasic("sam", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(decision))).andReturn().getResponse());

        Map<String, Object> imported = new LinkedHashMap<>(span);
        imported.put("author", "bob"); // alice already has a FACT at 0..9: that would be a conflict, not a refusal
        String line = json.writeValueAsString(Map.of("text", text, "spans", List.of(imported)));
        String byImport = refusal(mvc.perform(post("/api/import").param("format", "jsonl")
                .param("file", "corpus.jsonl").param("dryRun", "true").with(httpBasic("sam", "demo"))
                .header("X-Requested-With", "corroborate").contentType("application/x-ndjson")
                .content(line.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse());

        assertThat(byAnnotation).as("annotation").isEqualTo(message);
        assertThat(byGold).as("gold span").isEqualTo(message);
        assertThat(byImport).as("import").isEqualTo("corpus.jsonl, line 1: " + message);
    }

    private String refusal(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        return json.readTree(response.getContentAsString()).get("message").asString();
    }

    private long id(String body) {
        return json.readTree(body).get("id").asLong();
    }
}
