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
import org.apache.commons.csv.CSVFormat;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CodePoints;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The corpus leaves as JSON Lines (doccano-compatible) and CSV, offsets in code points, by layer. */
@WorkbenchTest
class ExportApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    Corpus corpus;

    @org.junit.jupiter.api.BeforeEach
    void fixture() {
        corpus = new Corpus(new Api(mvc, json));
    }

    /** A source whose title a spreadsheet would run as a formula. */
    private long source(String text) throws Exception {
        return corpus.source("=HYPERLINK(\"x\")", text);
    }

    private long annotate(String who, long source, int start, int end, String label) throws Exception {
        return corpus.annotate(who, source, start, end, label);
    }

    /** The export's files by name; every export is a zip. */
    private Map<String, String> files(String user, String query) throws Exception {
        byte[] zip = mvc.perform(get("/api/export?" + query).with(httpBasic(user, "demo")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", org.hamcrest.Matchers.containsString(".zip")))
                .andReturn().getResponse().getContentAsByteArray();
        return Zips.read(zip);
    }

    /** The export's one data file (not the claims, not the manifest). */
    private String export(String user, String query) throws Exception {
        Map<String, String> files = files(user, query);
        assertThat(files).containsKeys("claims.jsonl", "manifest.json").hasSize(3);
        return files.entrySet().stream().filter(e -> !e.getKey().equals("manifest.json")
                && !e.getKey().equals("claims.jsonl")).findFirst().orElseThrow().getValue();
    }

    @Test
    void jsonLinesAreDoccanoCompatibleWithCodePointOffsets() throws Exception {
        String text = "💧 Zoë said: “Still on bottled water.” قال يوسف";
        long source = source(text);
        int start = text.codePointCount(0, text.indexOf("Still"));
        long quote = annotate("alice", source, start, start + "Still on bottled water.".length(), "QUOTE");
        corpus.assess("bob", quote, "AGREE");

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
        String text = "👩‍👩‍👧 Zoe\u0301 told us: the water “tasted of metal”.";
        long source = source(text);
        String stored = json.readTree(mvc.perform(get("/api/sources/" + source).with(httpBasic("alice", "demo")))
                .andReturn().getResponse().getContentAsString()).get("text").asString();
        int start = stored.codePointCount(0, stored.indexOf("tasted"));
        long quote = annotate("alice", source, start, start + "tasted of metal".length(), "QUOTE");
        corpus.assess("carol", quote, "UNSURE");
        JsonNode collection = json.readTree(export("sam", "format=w3c&source=" + source));
        assertThat(collection.get("@context").asString()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(collection.get("type").asString()).isEqualTo("AnnotationCollection");
        CodePoints points = new CodePoints(stored);
        JsonNode annotation = collection.get("first").get("items").get(0);
        JsonNode selectors = annotation.get("target").get("selector");
        JsonNode position = selectors.get(1);
        assertThat(selectors.get(0).get("exact").asString())
                .isEqualTo(points.substring(position.get("start").asInt(), position.get("end").asInt()))
                .isEqualTo("tasted of metal");
        assertThat(annotation.get("target").get("source").asString()).startsWith("urn:sha256:");
        assertThat(annotation.get("body").get(0).get("value").asString()).isEqualTo("QUOTE");
        JsonNode assessing = collection.get("first").get("items").get(1);
        assertThat(assessing.get("motivation").asString()).isEqualTo("assessing");
        assertThat(assessing.get("target").asString()).isEqualTo(annotation.get("id").asString());
    }

    @Test
    void bratStandoffHasTabSeparatedLinesWhoseTextIsTheCoveredText() throws Exception {
        String text = "Line one 💧\nThe mayor said: “the water is safe”.";
        long source = source(text);
        int start = text.codePointCount(0, text.indexOf("the water"));
        annotate("alice", source, start, start + "the water is safe".length(), "QUOTE");
        Map<String, String> entries = files("sam", "format=brat&source=" + source);
        assertThat(entries).containsKeys("manifest.json", "annotation.conf", "source-" + source + ".txt", "source-" + source + ".ann");
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
        long source = source("=1+1 is what the cell said.");
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
        long source = source("The utility hid the results.");
        long a = annotate("alice", source, 4, 27, "ALLEGATION");
        long b = annotate("bob", source, 4, 27, "FACT");
        corpus.decide(source, List.of(a, b), "ACCEPTED", a, "An accusation");
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
        long source = source("Exported by carol, as the audit trail says.");
        export("carol", "format=csv&source=" + source);
        mvc.perform(get("/api/audit").param("action", "corpus.exported").with(httpBasic("sam", "demo")))
                .andExpect(jsonPath("$.events[0].actor").value("carol"))
                .andExpect(jsonPath("$.events[0].after.format").value("csv"));
    }

    @Test
    void conllTagsWholeTokensPerAnnotatorAndListsWhatBioCannotHold() throws Exception {
        String text = "Zoë's 💧 e-mail: the utility hid results.\nSecond line here";
        long source = source(text);
        CodePoints points = new CodePoints(text);
        int utility = text.codePointCount(0, text.indexOf("utility"));
        annotate("alice", source, utility, utility + "utility hid results".length(), "FACT");
        int hid = text.codePointCount(0, text.indexOf("hid"));
        annotate("alice", source, hid, hid + 3, "QUOTE"); // nested in the FACT: BIO holds one
        annotate("alice", source, utility + 1, utility + 4, "ALLEGATION"); // "til": inside a token
        int second = text.codePointCount(0, text.indexOf("Second"));
        annotate("bob", source, second, second + "Second line".length(), "FACT");

        Map<String, String> files = files("sam", "format=conll&source=" + source);
        assertThat(files.keySet()).containsExactly("alice.conll", "bob.conll", "claims.jsonl", "skipped.csv",
                "manifest.json");
        List<String> alice = files.get("alice.conll").lines().toList();
        assertThat(alice.subList(0, 2)).containsExactly("-DOCSTART- -X- -X- O", "");
        assertThat(alice).containsSubsequence("Zoë's -X- _ O", "💧 -X- _ O", "e-mail -X- _ O", ": -X- _ O",
                "utility -X- _ B-FACT", "hid -X- _ I-FACT", "results -X- _ I-FACT", ". -X- _ O", "",
                "Second -X- _ O");
        assertThat(files.get("bob.conll").lines()).contains("Second -X- _ B-FACT", "line -X- _ I-FACT");
        // Every token line has four space-separated columns, and the tokens are the text's, in order.
        assertThat(alice.stream().filter(l -> !l.isEmpty() && !l.startsWith("-DOCSTART-")))
                .allSatisfy(l -> assertThat(l.split(" ")).hasSize(4));
        JsonNode manifest = json.readTree(files.get("manifest.json"));
        assertThat(manifest.get("skipped")).hasSize(2);
        assertThat(manifest.get("skipped").findValuesAsString("reason"))
                .containsExactlyInAnyOrder("overlaps a span already tagged", "does not start where a token starts");
        assertThat(manifest.get("skipped").findValuesAsString("detail")).anySatisfy(d -> assertThat(d)
                .startsWith("span a"));
        assertThat(manifest.get("counts").get("skipped").asInt()).isEqualTo(2);
        assertThat(manifest.get("counts").get("skippedByReason").get("does not start where a token starts").asInt()).isEqualTo(1);
        // Every skipped span is in skipped.csv too (the manifest holds only the first thousand).
        assertThat(files.get("skipped.csv").lines()).hasSize(3).first().asString()
                .isEqualTo("source,span,label,start,end,author,reason,detail");
        assertThat(manifest.get("files").findValuesAsString("name")).contains("skipped.csv");
        assertThat(manifest.get("files").get(0).get("documents").get(0).asLong()).isEqualTo(source);
        assertThat(points.length()).isPositive();
    }

    @Test
    void everyExportCarriesAManifestThatTheAuditTrailVouchesFor() throws Exception {
        String text = "The council said the pipes were replaced in 2019.";
        long source = source(text);
        annotate("alice", source, 4, 11, "FACT");
        annotate("bob", source, 4, 11, "FACT");
        annotate("bob", source, 12, 16, "QUOTE");
        Map<String, String> files = files("sam", "format=jsonl&source=" + source);
        JsonNode manifest = json.readTree(files.get("manifest.json"));
        assertThat(manifest.get("application").asString()).isEqualTo("Corroborate");
        assertThat(manifest.get("version").asString()).isNotBlank();
        assertThat(manifest.get("exportedBy").asString()).isEqualTo("sam");
        assertThat(manifest.get("format").asString()).isEqualTo("jsonl");
        assertThat(manifest.get("layer").asString()).isEqualTo("all");
        assertThat(manifest.get("offsets").asString()).contains("code points");
        assertThat(manifest.get("scheme").get("version").asString()).isNotBlank();
        String stored = json.readTree(mvc.perform(get("/api/sources/" + source).with(httpBasic("sam", "demo")))
                .andReturn().getResponse().getContentAsString()).get("sha256").asString();
        assertThat(manifest.get("sources").get(0).get("sha256").asString()).isEqualTo(stored);
        assertThat(manifest.get("sources").get(0).get("spans").asInt()).isEqualTo(3);
        assertThat(manifest.get("sources").get(0).get("textVersion").asInt()).isEqualTo(1);
        assertThat(manifest.get("counts").get("spansByLabel").get("FACT").asInt()).isEqualTo(2);
        assertThat(manifest.get("counts").get("spansByAuthor").get("bob").asInt()).isEqualTo(2);
        JsonNode pair = manifest.get("agreement").get("spanF1").get("pairs").get(0);
        assertThat(pair.get("first").asString()).isEqualTo("alice");
        assertThat(pair.get("spanF1Exact").asDouble()).isEqualTo(2.0 * 1 / 3);
        assertThat(manifest.get("auditChainHead").get("seq").asLong()).isPositive();
        assertThat(manifest.get("auditChainHead").get("hash").asString()).hasSize(64);
        JsonNode file = manifest.get("files").get(0);
        assertThat(file.get("name").asString()).isEqualTo("corpus.jsonl");
        byte[] data = files.get("corpus.jsonl").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(file.get("bytes").asLong()).isEqualTo(data.length);
        assertThat(file.get("sha256").asString()).isEqualTo(sha256(data));
        String recorded = json.readTree(mvc.perform(get("/api/audit").param("action", "corpus.exported")
                        .with(httpBasic("sam", "demo"))).andReturn().getResponse().getContentAsString())
                .get("events").get(0).get("after").get("manifestSha256").asString();
        assertThat(recorded).isEqualTo(sha256(files.get("manifest.json").getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void labelAndReviewStatusFiltersChooseTheSpans() throws Exception {
        long source = source("Residents say the utility knew. The utility denies it.");
        annotate("alice", source, 0, 9, "QUOTE");
        annotate("alice", source, 32, 43, "FACT");
        annotate("bob", source, 32, 43, "FACT");
        mvc.perform(post("/api/sources/" + source + "/submit").header("X-Requested-With", "corroborate").with(httpBasic("alice", "demo")))
                .andExpect(status().isOk());
        JsonNode facts = json.readTree(export("sam", "format=jsonl&label=FACT&source=" + source));
        assertThat(facts.get("label").findValuesAsString("")).isEmpty();
        assertThat(facts.get("spans")).hasSize(2).allSatisfy(s -> assertThat(s.get("label").asString()).isEqualTo("FACT"));
        JsonNode submitted = json.readTree(export("sam", "format=jsonl&status=SUBMITTED&source=" + source));
        assertThat(submitted.get("spans")).hasSize(2)
                .allSatisfy(s -> assertThat(s.get("author").asString()).isEqualTo("alice"));
        mvc.perform(get("/api/export").param("label", "RUMOUR").with(httpBasic("sam", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("RUMOUR")));
        mvc.perform(get("/api/export").param("layer", "gold").param("status", "SUBMITTED")
                        .with(httpBasic("sam", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/export").param("status", "DONE").with(httpBasic("sam", "demo")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theLabelFilterReachesLabelsThatOnlyOldSpansCarry() throws Exception {
        // A label the project's scheme no longer has, on a span made before (here written straight into
        // the table, as data from before scheme versions is): the filter must still be able to pick it.
        Api api = new Api(mvc, json);
        long project = api.id(api.post("admin", "/api/projects", java.util.Map.of("name", "Export of old labels",
                "description", "A label that only old spans carry")).andExpect(status().isCreated()));
        long source = api.id(api.post("admin", "/api/sources", java.util.Map.of("text",
                "Word went round that the pumps had failed.", "project", project)).andExpect(status().isCreated()));
        jdbc.update("insert into annotation (project_id, source_id, start_offset, end_offset, label, attributes, author, "
                + "created_at, modified_at, covered_text, context_before, context_after, version, scheme_version) "
                + "values (?, ?, 0, 4, 'RUMOUR', '{}', 'alice', current_timestamp, current_timestamp, 'Word', '', '', 0, 1)",
                project, source);
        JsonNode rumours = json.readTree(export("admin", "format=jsonl&label=RUMOUR&project=" + project));
        assertThat(rumours.get("spans")).hasSize(1)
                .allSatisfy(span -> assertThat(span.get("label").asString()).isEqualTo("RUMOUR"));
        mvc.perform(get("/api/export").param("label", "GOSSIP").param("project", String.valueOf(project))
                        .with(httpBasic("admin", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("RUMOUR")));
    }

    static String sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    }
}
