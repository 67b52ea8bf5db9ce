package org.corroborate.exchange;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An administrator imports a span "by alice", a verdict "by bob" and a decision "by sam" dated months
 * back: each keeps its original author and says who imported it, when, from which file, everywhere
 * it appears; alice cannot edit it as her own; names that are not account names are refused.
 */
@WorkbenchTest
class ImportProvenanceTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private String line(String text, String author, String reviewer, String decidedBy) throws Exception {
        return json.writeValueAsString(Map.of("text", text,
                "spans", List.of(Map.of("id", "a1", "start", 0, "end", 9, "label", "FACT", "author", author,
                        "created", "2026-03-01T09:00:00Z", "assessments", Map.of(reviewer, "AGREE"))),
                "decisions", List.of(Map.of("id", "d1", "outcome", "ACCEPTED", "basedOn", List.of("a1"),
                        "start", 0, "end", 9, "label", "FACT", "reason", "Checked against the filing.",
                        "decidedBy", decidedBy, "decidedAt", "2026-03-02T09:00:00Z"))));
    }

    private org.springframework.test.web.servlet.ResultActions importLine(String line) throws Exception {
        return mvc.perform(post("/api/import").param("format", "jsonl").param("file", "old-study.jsonl")
                .param("project", String.valueOf(TestProjects.MAIN))
                .with(httpBasic("admin", "demo")).contentType("application/x-ndjson")
                .content(line.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void importedWorkSaysWhoImportedItWhenAndFromWhichFileEverywhere() throws Exception {
        String text = "The plant closed in May after the audit.";
        importLine(line(text, "alice", "bob", "sam")).andExpect(status().isOk());
        long source = source(text);

        JsonNode span = json.readTree(mvc.perform(get("/api/sources/" + source + "/annotations")
                .with(httpBasic("sam", "demo"))).andReturn().getResponse().getContentAsString()).get(0);
        assertThat(span.get("author").asString()).isEqualTo("alice");
        assertThat(span.get("createdAt").asString()).startsWith("2026-03-01");
        assertThat(span.get("imported").get("importedBy").asString()).isEqualTo("admin");
        assertThat(span.get("imported").get("importFile").asString()).isEqualTo("old-study.jsonl");
        assertThat(span.get("imported").get("importedAt").asString()).isNotBlank();
        long annotation = span.get("id").asLong();

        mvc.perform(get("/api/annotations/" + annotation + "/assessments").with(httpBasic("sam", "demo")))
                .andExpect(jsonPath("$[0].reviewer").value("bob"))
                .andExpect(jsonPath("$[0].imported.importedBy").value("admin"))
                .andExpect(jsonPath("$[0].imported.importFile").value("old-study.jsonl"));
        mvc.perform(get("/api/sources/" + source + "/decisions").with(httpBasic("sam", "demo")))
                .andExpect(jsonPath("$[0].decidedBy").value("sam"))
                .andExpect(jsonPath("$[0].decidedAt").value(org.hamcrest.Matchers.startsWith("2026-03-02")))
                .andExpect(jsonPath("$[0].imported.importedBy").value("admin"));

        // alice did not make it here: she may not edit or delete it as her own work.
        String refused = mvc.perform(put("/api/annotations/" + annotation).with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"mine now\", \"version\": 0}"))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("imported").contains("old-study.jsonl").contains("supervisor");
        mvc.perform(delete("/api/annotations/" + annotation + "?version=0").with(httpBasic("alice", "demo")))
                .andExpect(status().isForbidden());

        // The export carries the provenance of spans and decisions.
        byte[] zip = mvc.perform(get("/api/export?format=jsonl&source=" + source).with(httpBasic("sam", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        JsonNode exported = json.readTree(Zips.read(zip).get("corpus.jsonl").lines().findFirst().orElseThrow());
        assertThat(exported.get("spans").get(0).get("imported").get("importedBy").asString()).isEqualTo("admin");
        assertThat(exported.get("decisions").get(0).get("imported").get("importFile").asString())
                .isEqualTo("old-study.jsonl");
        byte[] csv = mvc.perform(get("/api/export?format=csv&source=" + source).with(httpBasic("sam", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Zips.read(csv).get("corpus.csv")).contains("by admin at ").contains("from old-study.jsonl");

        // bob's own verdict here replaces the imported one and is his live work.
        mvc.perform(put("/api/annotations/" + annotation + "/assessment").with(httpBasic("bob", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\": \"DISAGREE\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").doesNotExist());
    }

    @Test
    void workDoneHereCarriesNoImportMark() throws Exception {
        long source = json.readTree(mvc.perform(post("/api/sources").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("text",
                                "Made here, not imported.", "project", TestProjects.MAIN)))).andReturn().getResponse().getContentAsString())
                .get("id").asLong();
        mvc.perform(post("/api/sources/" + source + "/annotations").with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"start\": 0, \"end\": 4, \"label\": \"FACT\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.imported").value(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void namesThatAreNotAccountNamesAreRefusedWithFileAndLine() throws Exception {
        String text = "Names are data, never markup.";
        String good = json.writeValueAsString(Map.of("text", "A first, good line before a bad name"));
        for (String[] bad : List.of(
                new String[] {"<b>alice</b>", "bob", "sam", "author"},
                new String[] {"alice", "=HYPERLINK(\"http://x\")", "sam", "reviewer"},
                new String[] {"alice", "bob", "Sam Supervisor", "decidedBy"})) {
            String body = importLine(good + "\n" + line(text, bad[0], bad[1], bad[2]))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(json.readTree(body).get("message").asString())
                    .startsWith("old-study.jsonl, line 2: ").contains("'" + bad[3] + "'").contains("account names");
        }
        assertThat(mvc.perform(get("/api/sources").with(httpBasic("sam", "demo"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(org.corroborate.base.Sha256.hex(text.getBytes(
                        StandardCharsets.UTF_8)));
    }

    private long source(String text) throws Exception {
        String hash = org.corroborate.base.Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
        for (JsonNode s : json.readTree(mvc.perform(get("/api/sources").with(httpBasic("sam", "demo")))
                .andReturn().getResponse().getContentAsString())) {
            if (s.get("sha256").asString().equals(hash)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("not imported: " + text);
    }
}
