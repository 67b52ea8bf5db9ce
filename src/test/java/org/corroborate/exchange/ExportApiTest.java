package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CodePoints;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The corpus leaves as JSON Lines (doccano-compatible) and CSV, offsets in code points, by layer. */
@WorkbenchTest
class ExportApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private long source(String text) throws Exception {
        String created = mvc.perform(post("/api/sources").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", "=HYPERLINK(\"x\")", "text", text))))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asLong();
    }

    private long annotate(String who, long source, int start, int end, String label) throws Exception {
        String created = mvc.perform(post("/api/sources/" + source + "/annotations").with(httpBasic(who, "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("start", start, "end", end, "label", label))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asLong();
    }

    private String export(String user, String query) throws Exception {
        return mvc.perform(get("/api/export?" + query).with(httpBasic(user, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesAreDoccanoCompatibleWithCodePointOffsets() throws Exception {
        String text = "💧 Zoë said: “Still on bottled water.” قال يوسف " + UUID.randomUUID();
        long source = source(text);
        int start = text.codePointCount(0, text.indexOf("Still"));
        long quote = annotate("alice", source, start, start + "Still on bottled water.".length(), "QUOTE");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/annotations/" + quote + "/assessment").with(httpBasic("bob", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"AGREE\"}"))
                .andExpect(status().isOk());

        String body = export("carol", "format=jsonl&source=" + source);
        JsonNode line = json.readTree(body.lines().findFirst().orElseThrow());
        assertThat(line.get("text").asString()).isEqualTo(text);
        JsonNode label = line.get("label").get(0);
        CodePoints points = new CodePoints(text);
        assertThat(points.substring(label.get(0).asInt(), label.get(1).asInt())).isEqualTo("Still on bottled water.");
        assertThat(label.get(2).asString()).isEqualTo("QUOTE");
        assertThat(line.get("source").get("sha256").asString()).hasSize(64);
        assertThat(line.get("spans").get(0).get("author").asString()).isEqualTo("alice");
        assertThat(line.get("spans").get(0).get("assessments").get("bob").asString()).isEqualTo("AGREE");
    }

    @Test
    void w3cAnnotationsQuoteExactlyTheTextAtTheirPosition() throws Exception {
        String text = "👩‍👩‍👧 Zoe\u0301 told us: the water “tasted of metal”. " + UUID.randomUUID();
        long source = source(text);
        String stored = json.readTree(mvc.perform(get("/api/sources/" + source).with(httpBasic("alice", "demo")))
                .andReturn().getResponse().getContentAsString()).get("text").asString();
        int start = stored.codePointCount(0, stored.indexOf("tasted"));
        long quote = annotate("alice", source, start, start + "tasted of metal".length(), "QUOTE");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/annotations/" + quote + "/assessment").with(httpBasic("carol", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"UNSURE\"}"))
                .andExpect(status().isOk());
        JsonNode collection = json.readTree(export("sam", "format=w3c&source=" + source));
        assertThat(collection.get("@context").asString()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(collection.get("type").asString()).isEqualTo("AnnotationCollection");
        CodePoints points = new CodePoints(stored);
        JsonNode annotation = collection.get("items").get(0);
        JsonNode selectors = annotation.get("target").get("selector");
        JsonNode position = selectors.get(1);
        assertThat(selectors.get(0).get("exact").asString())
                .isEqualTo(points.substring(position.get("start").asInt(), position.get("end").asInt()))
                .isEqualTo("tasted of metal");
        assertThat(annotation.get("target").get("source").asString()).startsWith("urn:sha256:");
        assertThat(annotation.get("body").get(0).get("value").asString()).isEqualTo("QUOTE");
        JsonNode assessing = collection.get("items").get(1);
        assertThat(assessing.get("motivation").asString()).isEqualTo("assessing");
        assertThat(assessing.get("target").asString()).isEqualTo(annotation.get("id").asString());
    }

    @Test
    void bratStandoffHasTabSeparatedLinesWhoseTextIsTheCoveredText() throws Exception {
        String text = "Line one 💧\nThe mayor said: “the water is safe”. " + UUID.randomUUID();
        long source = source(text);
        int start = text.codePointCount(0, text.indexOf("the water"));
        annotate("alice", source, start, start + "the water is safe".length(), "QUOTE");
        byte[] zip = mvc.perform(get("/api/export").param("format", "brat").param("source", String.valueOf(source))
                        .with(httpBasic("sam", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Map<String, String> entries = new java.util.TreeMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsKeys("annotation.conf", "source-" + source + ".txt", "source-" + source + ".ann");
        assertThat(entries.get("annotation.conf")).contains("[entities]\nFACT\nQUOTE\nALLEGATION");
        String storedText = entries.get("source-" + source + ".txt");
        CodePoints points = new CodePoints(storedText);
        String tLine = entries.get("source-" + source + ".ann").lines().filter(l -> l.startsWith("T")).findFirst()
                .orElseThrow();
        String[] fields = tLine.split("\t");
        assertThat(fields).hasSize(3);
        String[] typeAndOffsets = fields[1].split(" ");
        assertThat(typeAndOffsets[0]).isEqualTo("QUOTE");
        assertThat(fields[2]).isEqualTo(points.substring(Integer.parseInt(typeAndOffsets[1]),
                Integer.parseInt(typeAndOffsets[2]))).isEqualTo("the water is safe");
    }

    @Test
    void csvRowsAreSafeInSpreadsheets() throws Exception {
        long source = source("=1+1 is what the cell said. " + UUID.randomUUID());
        annotate("alice", source, 0, 4, "FACT");
        String body = export("alice", "format=csv&source=" + source);
        var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.get("text")).isEqualTo("'=1+1");
            assertThat(r.get("source_title")).startsWith("'=HYPERLINK");
            assertThat(r.get("start")).isEqualTo("0");
        });
    }

    @Test
    void theGoldLayerHoldsOnlyAdjudicatedSpansWithTheirDecision() throws Exception {
        long source = source("The utility hid the results. " + UUID.randomUUID());
        long a = annotate("alice", source, 4, 27, "ALLEGATION");
        long b = annotate("bob", source, 4, 27, "FACT");
        mvc.perform(post("/api/sources/" + source + "/decisions").with(httpBasic("sam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("annotationIds", List.of(a, b), "outcome", "ACCEPTED",
                                "from", a, "reason", "An accusation"))))
                .andExpect(status().isCreated());
        JsonNode gold = json.readTree(export("bob", "format=jsonl&layer=gold&source=" + source).lines().findFirst()
                .orElseThrow());
        assertThat(gold.get("label")).hasSize(1);
        assertThat(gold.get("spans").get(0).get("gold").get("reason").asString()).isEqualTo("An accusation");
        JsonNode alices = json.readTree(export("sam", "format=jsonl&layer=reviewer:alice&source=" + source).lines()
                .findFirst().orElseThrow());
        assertThat(alices.get("spans")).hasSize(1);
        assertThat(alices.get("spans").get(0).get("author").asString()).isEqualTo("alice");
    }

    @Test
    void badRequestsAreRefusedAndExportsAudited() throws Exception {
        mvc.perform(get("/api/export").param("format", "docx").with(httpBasic("alice", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/export").param("layer", "silver").with(httpBasic("alice", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/export").param("source", "987654").with(httpBasic("alice", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/export")).andExpect(status().isUnauthorized());
        export("carol", "format=csv");
        mvc.perform(get("/api/audit").param("action", "corpus.exported").with(httpBasic("sam", "demo")))
                .andExpect(jsonPath("$.events[0].actor").value("carol"))
                .andExpect(jsonPath("$.events[0].after.format").value("csv"));
    }
}
