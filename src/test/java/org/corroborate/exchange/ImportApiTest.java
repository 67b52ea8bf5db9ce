package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestDesk;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A corpus leaves one workbench and comes back into another without loss; bad and hostile uploads
 * are refused with their file and line, and change nothing.
 */
@WorkbenchTest
class ImportApiTest {

    /** An empty workbench that both round trips import into, each checking only the sources it brought. */
    @TempDir static Path secondDataDir;
    static SecondWorkbench empty;

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired CurrentActor actor;
    Corpus corpus;

    @BeforeAll
    static void startTheSecondWorkbench() {
        empty = new SecondWorkbench(secondDataDir);
    }

    @AfterAll
    static void stopTheSecondWorkbench() {
        if (empty != null) {
            empty.close();
        }
    }

    @BeforeEach
    void fixture() {
        corpus = new Corpus(new Api(mvc, json));
    }

    /**
     * Two sources with emoji, accents, right-to-left text and overlapping spans; verdicts; two
     * decisions. Each round trip reports from a town of its own, so each brings sources of its own.
     */
    private List<Long> labelledCorpus(String town) throws Exception {
        String first = "💧 Zoë (زوي) said: “Still on bottled water.” 👩‍👩‍👧 The utility denies it.\nMayor Díaz "
                + "accused the utility of hiding the results. Reported from " + town + ".";
        String second = "Residents say the council knew in 2019. The council says it did not. Minutes of " + town + ".";
        long one = corpus.source("Bottled water in " + town + ", week six", first);
        long two = corpus.source("=Council minutes, " + town, second);
        long quote = corpus.annotate("alice", one, first, "Still on bottled water.", "QUOTE",
                Map.of("speaker", "Zoë"), "From the doorstep interview");
        long quoteBob = corpus.annotate("bob", one, first, "“Still on bottled water.”", "QUOTE",
                Map.of("speaker", "Zoë"), null);
        corpus.annotate("alice", one, first, "bottled water", "FACT", Map.of(), null); // nested in the quote
        long allegation = corpus.annotate("bob", one, first, "accused the utility of hiding the results",
                "ALLEGATION", Map.of("allegedBy", "Mayor Díaz", "allegedAgainst", "the utility"), "Emoji 👩‍👩‍👧 in a note");
        corpus.annotate("carol", one, first, "The utility denies it.", "FACT", Map.of(), null);
        long knew = corpus.annotate("alice", two, second, "the council knew in 2019", "ALLEGATION",
                Map.of("allegedBy", "Residents"), null);
        corpus.assess("bob", quote, "AGREE");
        corpus.assess("carol", quote, "UNSURE");
        corpus.assess("alice", allegation, "DISAGREE");
        corpus.assess("carol", knew, "AGREE");
        corpus.decide(one, List.of(quote, quoteBob), "ACCEPTED", quote, "Quote marks are not part of the quote");
        corpus.decide(two, List.of(knew), "REJECTED", null, "Hearsay");
        return List.of(one, two);
    }

    /** The export request, in the second workbench, of the sources an export of this one holds. */
    private String exportOfTheSame(byte[] exported) throws Exception {
        return query("/api/export?format=jsonl", inTheSecondWorkbench(exported));
    }

    /** The ids, in the second workbench, of the sources an export of this one holds (found by hash). */
    private List<Long> inTheSecondWorkbench(byte[] exported) throws Exception {
        List<String> hashes = new ArrayList<>();
        for (String line : Zips.read(exported).get("corpus.jsonl").split("\n")) {
            hashes.add(json.readTree(line).get("source").get("sha256").asString());
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode source : json.readTree(empty.get("/api/sources").body())) {
            if (hashes.contains(source.get("sha256").asString())) {
                ids.add(source.get("id").asLong());
            }
        }
        assertThat(ids).as("the exported sources are in the second workbench").hasSameSizeAs(hashes);
        return ids;
    }

    private static String query(String base, List<Long> sources) {
        StringBuilder q = new StringBuilder(base);
        sources.forEach(s -> q.append("&source=").append(s));
        return q.toString();
    }

    @Test
    void aCorpusImportedIntoAnEmptyWorkbenchExportsTheSameAgain() throws Exception {
        List<Long> sources = labelledCorpus("Ellsworth");
        byte[] exported = corpus.export("sam", query("format=jsonl", sources));
        HttpResponse<String> imported = empty.post("/api/import?format=jsonl&file=corpus.zip", exported,
                "application/zip");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode report = json.readTree(imported.body());
        assertThat(report.get("sourcesImported").asInt()).isEqualTo(2);
        assertThat(report.get("spansImported").asInt()).isEqualTo(6);
        assertThat(report.get("verdictsImported").asInt()).isEqualTo(4);
        assertThat(report.get("decisionsImported").asInt()).isEqualTo(2);
        assertThat(report.get("conflicts")).isEmpty();

        HttpResponse<byte[]> again = empty.get(exportOfTheSame(exported));
        assertThat(again.statusCode()).isEqualTo(200);
        String before = json.writeValueAsString(comparable(Zips.read(exported).get("corpus.jsonl")));
        String after = json.writeValueAsString(comparable(Zips.read(again.body()).get("corpus.jsonl")));
        assertThat(after).isEqualTo(before);

        // Importing the same corpus again changes nothing and says so.
        JsonNode twice = json.readTree(empty.post("/api/import?format=jsonl", exported, "application/zip").body());
        assertThat(twice.get("sourcesMatched").asInt()).isEqualTo(2);
        assertThat(twice.get("spansUnchanged").asInt()).isEqualTo(6);
        assertThat(twice.get("spansImported").asInt()).isZero();
        assertThat(twice.get("decisionsImported").asInt()).isZero();
        assertThat(twice.get("conflicts")).isEmpty();

        // The import is in the audit trail of the new workbench, with the file it came from.
        JsonNode audit = json.readTree(empty.get("/api/audit?action=annotation.imported&source="
                + inTheSecondWorkbench(exported).getFirst()).body());
        assertThat(audit.get("events").get(0).get("reason").asString()).isEqualTo("Imported from corpus.zip (jsonl)");
    }

    /**
     * Issue 12, item 8: a round trip dropped verdict comments, review statuses and blind mode. They
     * now travel in JSON Lines, and come back under reviewers the second workbench has no account
     * for, marked and audited as imported.
     */
    @Test
    void verdictCommentsReviewStatusesAndBlindModeSurviveARoundTrip() throws Exception {
        TestDesk desk = TestDesk.create("Round trip desk", Map.of("trip-sup", java.util.Set.of(Role.SUPERVISOR),
                "trip-ann", java.util.Set.of(Role.REVIEWER), "trip-bea", java.util.Set.of(Role.REVIEWER)),
                accounts, projects, sources, actor);
        Api api = new Api(mvc, json);
        String text = "Round trip: the 💧 reservoir held 40% less in June, the board said.";
        long blind = desk.source("Round trip, blind", text);
        long open = desk.source("Round trip, open", "Round trip: a second text, with nothing blind about it.");
        api.put("trip-sup", "/api/sources/" + blind + "/blind", Map.of("blind", true)).andExpect(status().isOk());
        long fact = corpus.annotate("trip-ann", blind, text, "40% less in June", "FACT", Map.of(), null);
        long quote = corpus.annotate("trip-bea", blind, text, "the 💧 reservoir held 40% less in June", "QUOTE",
                Map.of("speaker", "the board"), null);
        corpus.annotate("trip-ann", open, 0, 10, "FACT");
        api.post("trip-ann", "/api/sources/" + blind + "/submit", null).andExpect(status().isOk());
        api.post("trip-bea", "/api/sources/" + blind + "/submit", null).andExpect(status().isOk());
        api.put("trip-bea", "/api/annotations/" + fact + "/assessment",
                Map.of("verdict", "DISAGREE", "comment", "An estimate 💧, not a measured fact")).andExpect(status().isOk());
        api.put("trip-ann", "/api/annotations/" + quote + "/assessment", Map.of("verdict", "AGREE"))
                .andExpect(status().isOk());
        api.post("trip-sup", "/api/sources/" + blind + "/reopen",
                Map.of("reviewer", "trip-bea", "reason", "Look again at the figures")).andExpect(status().isOk());

        byte[] exported = corpus.export("trip-sup", "format=jsonl&project=" + desk.project);
        String jsonl = Zips.read(exported).get("corpus.jsonl");
        JsonNode blindLine = null;
        for (String raw : jsonl.split("\n")) {
            JsonNode line = json.readTree(raw);
            if (line.get("source").get("id").asLong() == blind) {
                blindLine = line;
            }
        }
        assertThat(blindLine).isNotNull();
        assertThat(blindLine.get("source").get("blind").asBoolean()).isTrue();
        assertThat(blindLine.get("statuses")).hasSize(2);
        assertThat(blindLine.get("statuses").get(0).get("reviewer").asString()).isEqualTo("trip-ann");
        assertThat(blindLine.get("statuses").get(0).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(blindLine.get("statuses").get(1).get("status").asString()).isEqualTo("IN_PROGRESS");
        JsonNode factSpan = null;
        for (JsonNode span : blindLine.get("spans")) {
            if (span.get("id").asString().equals("a" + fact)) {
                factSpan = span;
            }
        }
        assertThat(factSpan.get("assessments").get("trip-bea").asString()).isEqualTo("DISAGREE");
        JsonNode verdict = factSpan.get("verdicts").get(0);
        assertThat(verdict.get("reviewer").asString()).isEqualTo("trip-bea");
        assertThat(verdict.get("verdict").asString()).isEqualTo("DISAGREE");
        assertThat(verdict.get("comment").asString()).isEqualTo("An estimate 💧, not a measured fact");
        assertThat(verdict.get("created").isString()).isTrue();
        assertThat(verdict.has("imported")).as("a verdict given here has no import provenance").isFalse();

        HttpResponse<String> imported = empty.post("/api/import?format=jsonl&file=corpus.zip", exported,
                "application/zip");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode report = json.readTree(imported.body());
        assertThat(report.get("verdictsImported").asInt()).isEqualTo(2);
        assertThat(report.get("statusesImported").asInt()).isEqualTo(3);
        assertThat(report.get("blindImported").asInt()).isEqualTo(1);
        assertThat(report.get("conflicts")).isEmpty();

        List<Long> there = inTheSecondWorkbench(exported);
        HttpResponse<byte[]> again = empty.get(query("/api/export?format=jsonl", there));
        String before = json.writeValueAsString(comparable(jsonl));
        String after = json.writeValueAsString(comparable(Zips.read(again.body()).get("corpus.jsonl")));
        assertThat(after).isEqualTo(before);
        // Imported verdicts say where they came from.
        String reExported = Zips.read(again.body()).get("corpus.jsonl");
        int marked = 0;
        for (String raw : reExported.split("\n")) {
            for (JsonNode span : json.readTree(raw).get("spans")) {
                for (JsonNode v : span.get("verdicts")) {
                    assertThat(v.get("imported").get("importFile").asString()).isEqualTo("corpus.zip: corpus.jsonl");
                    marked++;
                }
            }
        }
        assertThat(marked).as("every imported verdict is marked imported").isEqualTo(2);

        // The second workbench audited what the import wrote, with the file it came from.
        for (String action : List.of("review.imported", "source.blind-on", "assessment.imported")) {
            JsonNode events = json.readTree(empty.get("/api/audit?action=" + action).body()).get("events");
            assertThat(events).as(action).isNotEmpty();
            assertThat(events.get(0).get("reason").asString()).as(action).isEqualTo("Imported from corpus.zip (jsonl)");
        }

        // Again: everything is already there, nothing conflicts.
        JsonNode twice = json.readTree(empty.post("/api/import?format=jsonl", exported, "application/zip").body());
        assertThat(twice.get("statusesImported").asInt()).isZero();
        assertThat(twice.get("verdictsImported").asInt()).isZero();
        assertThat(twice.get("blindImported").asInt()).isZero();
        assertThat(twice.get("conflicts")).isEmpty();
    }

    @Test
    void w3cAndBratCarryTheSpansBackIntoAWorkbenchThatHoldsTheTexts() throws Exception {
        List<Long> sources = labelledCorpus("Riverside");
        byte[] all = corpus.export("sam", query("format=jsonl", sources));
        byte[] textsOnly = corpus.export("sam", query("format=jsonl&label=FACT&status=SUBMITTED", sources));
        byte[] w3c = corpus.export("sam", query("format=w3c", sources));
        byte[] brat = corpus.export("sam", query("format=brat", sources));
        // W3C names sources by hash only: without their texts the import is refused, and changes nothing.
        HttpResponse<String> refused = empty.post("/api/import?format=w3c", w3c, "application/zip");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("message").asString())
                .startsWith("corpus.jsonld, line 2: the source urn:sha256:").contains("import the sources first");

        JsonNode texts = json.readTree(empty.post("/api/import?format=jsonl", textsOnly, "application/zip").body());
        assertThat(texts.get("sourcesImported").asInt()).isEqualTo(2);
        assertThat(texts.get("spansImported").asInt()).isZero();
        JsonNode fromW3c = json.readTree(empty.post("/api/import?format=w3c", w3c, "application/zip").body());
        assertThat(fromW3c.get("spansImported").asInt()).isEqualTo(6);
        assertThat(fromW3c.get("verdictsImported").asInt()).isEqualTo(4);
        assertThat(fromW3c.get("decisionsImported").asInt()).isEqualTo(2);
        assertThat(fromW3c.get("conflicts")).isEmpty();
        // W3C carries spans, verdicts (by name) and decisions: with the texts in place, the export is the
        // same, but for what W3C has no place for (verdicts' comments and times, review statuses).
        assertThat(json.writeValueAsString(withoutWhatW3cLacks(comparable(Zips.read(empty.get(exportOfTheSame(all))
                .body()).get("corpus.jsonl"))))).isEqualTo(json.writeValueAsString(withoutWhatW3cLacks(
                comparable(Zips.read(all).get("corpus.jsonl")))));

        // brat over the same texts finds the same spans already there (authors ride in the notes).
        JsonNode fromBrat = json.readTree(empty.post("/api/import?format=brat", brat, "application/zip").body());
        assertThat(fromBrat.get("sourcesMatched").asInt()).isEqualTo(2);
        assertThat(fromBrat.get("spansUnchanged").asInt()).isEqualTo(6);
        assertThat(fromBrat.get("conflicts")).isEmpty();
        assertThat(fromBrat.get("spansImported").asInt()).isZero();
    }

    @Test
    void plainDoccanoLinesAreImportedAsTheImportersSpans() throws Exception {
        String text = "Ünïcode 💧 test of doccano lines";
        String line = json.writeValueAsString(Map.of("text", text, "label", List.of(List.of(8, 9, "FACT"))));
        String body = mvc.perform(post("/api/import").param("format", "jsonl").param("file", "doccano.jsonl")
                        .with(httpBasic("sam", "demo")).contentType("application/x-ndjson")
                        .content(line.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(body).get("spansImported").asInt()).isEqualTo(1);
        long source = findSource(text);
        mvc.perform(get("/api/sources/" + source + "/annotations").with(httpBasic("sam", "demo")))
                .andExpect(jsonPath("$[0].author").value("sam"))
                .andExpect(jsonPath("$[0].text").value("💧"));
    }

    @Test
    void malformedFilesAreRefusedWithFileAndLineAndChangeNothing() throws Exception {
        String good = json.writeValueAsString(Map.of("text", "A good first line of a refused file", "label", List.of()));
        String badLabel = json.writeValueAsString(Map.of("text", "Second text, with an unknown label",
                "label", List.of(List.of(0, 6, "RUMOUR"))));
        expectRefused("jsonl", "corpus.jsonl", (good + "\n" + badLabel + "\n").getBytes(StandardCharsets.UTF_8),
                400, "corpus.jsonl, line 2: Unknown label 'RUMOUR'");
        expectRefused("jsonl", "corpus.jsonl", (good + "\n{\"text\": \"cut off").getBytes(StandardCharsets.UTF_8),
                400, "corpus.jsonl, line 2: not JSON");
        String outside = json.writeValueAsString(Map.of("text", "Short text, span beyond its end", "label", List.of(List.of(3, 999, "FACT"))));
        expectRefused("jsonl", "corpus.jsonl", (good + "\n" + outside).getBytes(StandardCharsets.UTF_8), 400,
                "corpus.jsonl, line 2: The span 3..999 goes beyond the end of the source");
        byte[] latin1 = ("{\"text\": \"Caf\u00e9 in Latin-1\"}\n").getBytes(StandardCharsets.ISO_8859_1);
        expectRefused("jsonl", "latin1.jsonl", latin1, 400, "latin1.jsonl, line 1: not UTF-8 text");
        expectRefused("brat", "corpus.zip", Zips.write(Map.of("a.txt", "Some text with a fragment beyond its end",
                "a.ann", "T1\tFACT 0 4\tSome\nT2\tFACT 0 2;3 99\tSo e\n")), 400,
                "a.ann, line 2: the fragment 3 99 is not within the text");
        expectRefused("brat", "corpus.zip", Zips.write(Map.of("a.txt", "Some text whose span names other words",
                "a.ann", "T1\tFACT 0 4\tWord\n")), 400, "a.ann, line 1: span T1 says it covers 'Word'");
        // Nothing of the good first line was kept.
        assertThat(findSourceOrNull("A good first line of a refused file")).isNull();
        // Reviewers may not import.
        mvc.perform(post("/api/import").param("format", "jsonl").with(httpBasic("alice", "demo"))
                        .contentType("application/x-ndjson").content(good))
                .andExpect(status().isForbidden());
    }

    @Test
    void hostileUploadsAreTurnedAway() throws Exception {
        expectRefused("brat", "evil.zip", Zips.write(Map.of("../../etc/cron.d/x.txt", "owned")), 400,
                "points outside the archive");
        expectRefused("brat", "evil.zip", Zips.write(Map.of("/abs.txt", "owned")), 400, "points outside the archive");
        expectRefused("brat", "evil.zip", Zips.write(Map.of("C:\\\\x.txt", "owned")), 400, "points outside the archive");
        byte[] zip = Zips.write(Map.of("a.txt", "Some text", "a.ann", "T1\tFACT 0 4\tSome\n"));
        expectRefused("brat", "cut.zip", java.util.Arrays.copyOf(zip, zip.length / 2), 400, "cut.zip");
        expectRefused("brat", "fake.zip", "not a zip".getBytes(StandardCharsets.UTF_8), 400, "not a zip archive");
        // A zip bomb: a small upload that unpacks beyond the limit (the test workbench allows 4 MiB unpacked).
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(bytes)) {
            out.putNextEntry(new java.util.zip.ZipEntry("bomb.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 8; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(64 * 1024);
        expectRefused("brat", "bomb.zip", bytes.toByteArray(), 413, "unpacks to more than");
        // An upload over the size limit (8 MiB in the test workbench).
        expectRefused("jsonl", "huge.jsonl", new byte[8 * 1024 * 1024 + 1], 413, "larger than");
        expectRefused("jsonl", "empty.jsonl", new byte[0], 400, "empty");
        expectRefused("docx", "x.docx", "x".getBytes(StandardCharsets.UTF_8), 400, "Unknown import format");
    }

    @Test
    void whatTheWorkbenchHasNoPlaceForIsReportedNotDropped() throws Exception {
        String text = "The council denies it, says a brat file with an event.";
        String body = mvc.perform(post("/api/import").param("format", "brat").param("file", "foreign.zip")
                        .with(httpBasic("sam", "demo")).contentType("application/zip")
                        .content(Zips.write(Map.of("doc.txt", text, "doc.ann", "T1\tFACT 4 11\tcouncil\n"
                                + "E1\tFACT:T1\nA1\tNegated T9\n#1\tAnnotatorNotes T1\tchecked\n"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode report = json.readTree(body);
        assertThat(report.get("spansImported").asInt()).isEqualTo(1);
        assertThat(report.get("ignored").toString()).contains("doc.ann, line 2: E1 (an event)")
                .contains("doc.ann: attributes or notes of T9");
    }

    @Test
    void theFileMayComeAsAMultipartPartButNotAsAForm() throws Exception {
        String text = "Sent as a multipart part";
        byte[] line = json.writeValueAsBytes(Map.of("text", text, "label", List.of(List.of(0, 4, "FACT"))));
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/import").header("X-Requested-With", "corroborate").file(new org.springframework.mock.web.MockMultipartFile("file",
                                "part.jsonl", "application/x-ndjson", line))
                        .param("format", "jsonl").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(body).get("file").asString()).isEqualTo("part.jsonl");
        assertThat(json.readTree(body).get("spansImported").asInt()).isEqualTo(1);
        mvc.perform(post("/api/import?format=jsonl").header("X-Requested-With", "corroborate").with(httpBasic("sam", "demo"))
                        .contentType("application/x-www-form-urlencoded").content(line))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString(
                        "application/x-www-form-urlencoded")));
    }

    @Test
    void aDryRunReportsAndKeepsNothing() throws Exception {
        String text = "Dry run text, never kept";
        String line = json.writeValueAsString(Map.of("text", text, "label", List.of(List.of(0, 3, "FACT"))));
        String body = mvc.perform(post("/api/import").param("format", "jsonl").param("dryRun", "true")
                        .with(httpBasic("sam", "demo")).contentType("application/x-ndjson").content(line))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(body).get("dryRun").asBoolean()).isTrue();
        assertThat(json.readTree(body).get("sourcesImported").asInt()).isEqualTo(1);
        assertThat(findSourceOrNull(text)).isNull();
    }

    private void expectRefused(String format, String file, byte[] content, int status, String message)
            throws Exception {
        mvc.perform(post("/api/import").param("format", format).param("file", file)
                        .with(httpBasic("sam", "demo")).contentType("application/octet-stream").content(content))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString(message)));
    }

    private long findSource(String text) throws Exception {
        Long id = findSourceOrNull(text);
        assertThat(id).isNotNull();
        return id;
    }

    private Long findSourceOrNull(String text) throws Exception {
        String hash = ExportApiTest.sha256(text.getBytes(StandardCharsets.UTF_8));
        JsonNode list = json.readTree(mvc.perform(get("/api/sources").with(httpBasic("sam", "demo")))
                .andReturn().getResponse().getContentAsString());
        for (JsonNode source : list) {
            if (source.get("sha256").asString().equals(hash)) {
                return source.get("id").asLong();
            }
        }
        return null;
    }

    /**
     * The export with what must differ between two workbenches taken out: database ids (spans,
     * entities, relations and decisions are renumbered in order), when and by whom each source was
     * imported, versions, and relations' times (an imported relation is made at the import).
     * Everything else (texts, metadata, hashes, offsets, labels, authors, times, attributes,
     * notes, verdicts, decisions, relations' ends, types and authors) must be equal.
     */
    private List<JsonNode> comparable(String jsonl) {
        List<JsonNode> lines = new ArrayList<>();
        for (String raw : jsonl.split("\n")) {
            ObjectNode line = (ObjectNode) json.readTree(raw);
            line.remove("id");
            ObjectNode source = (ObjectNode) line.get("source");
            for (String field : List.of("id", "importedAt", "importedBy", "version", "project")) {
                source.remove(field);
            }
            Map<String, String> renamed = new HashMap<>();
            int n = 0;
            for (JsonNode span : line.get("spans")) {
                ((ObjectNode) span).remove("imported"); // who imported it, when, from which file: new each time
                span.path("verdicts").forEach(v -> ((ObjectNode) v).remove("imported"));
                String was = span.get("id").asString();
                renamed.put(was, "span-" + (++n));
                ((ObjectNode) span).put("id", renamed.get(was));
            }
            // doccano's entity ids are the numbers of the span ids; relations name them, and get the import's time.
            Map<Long, Long> entities = new HashMap<>();
            int e = 0;
            for (JsonNode entity : line.path("entities")) {
                entities.put(entity.get("id").asLong(), (long) ++e);
                ((ObjectNode) entity).put("id", e);
            }
            int r = 0;
            for (JsonNode relation : line.path("relations")) {
                ObjectNode node = (ObjectNode) relation;
                node.put("id", ++r);
                node.put("from_id", entities.get(node.get("from_id").asLong()));
                node.put("to_id", entities.get(node.get("to_id").asLong()));
                node.remove("created");
            }
            int d = 0;
            for (JsonNode decision : line.path("decisions")) {
                ((ObjectNode) decision).put("id", "decision-" + (++d));
                ((ObjectNode) decision).remove("imported");
                ArrayNode basedOn = ((ObjectNode) decision).putArray("basedOn");
                for (JsonNode ref : originalBasedOn(raw, d - 1)) {
                    basedOn.add(renamed.get(ref.asString()));
                }
            }
            lines.add(line);
        }
        lines.sort(java.util.Comparator.comparing(l -> l.get("source").get("sha256").asString()));
        return lines;
    }

    /** Lines of {@link #comparable} without the verdicts' comments and times and the statuses, which W3C does not carry. */
    private static List<JsonNode> withoutWhatW3cLacks(List<JsonNode> lines) {
        for (JsonNode line : lines) {
            ((ObjectNode) line).remove("statuses");
            for (JsonNode span : line.get("spans")) {
                span.path("verdicts").forEach(v -> ((ObjectNode) v).remove(List.of("comment", "created", "modified")));
            }
        }
        return lines;
    }

    private JsonNode originalBasedOn(String raw, int index) {
        return json.readTree(raw).get("decisions").get(index).get("basedOn");
    }
}
