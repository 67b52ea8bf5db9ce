package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CodePoints;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seven observed cases of issue 14 ("exchange that real tools accept"), one test each, with
 * the result the format's own tools expect.
 */
@WorkbenchTest
class ExchangeCasesTest {

    static final Instant T = GoldenFilesTest.T;

    @Autowired BratFormat brat;
    @Autowired ConllFormat conll;
    @Autowired W3cAnnotationFormat w3c;
    @Autowired JsonLinesFormat jsonl;
    @Autowired ExportService exports;
    @Autowired CurrentActor actor;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private static ExportedSpan span(String text, String id, int start, int end, String label, String author,
                                     String note) {
        return new ExportedSpan(id, start, end, label, new CodePoints(text).substring(start, end), author, T, T,
                Map.of(), note, Map.of(), null, null, null, List.of());
    }

    private static ExportedSpan span(String text, String id, String quote, String label, String author) {
        int start = text.codePointCount(0, text.indexOf(quote));
        return span(text, id, start, start + quote.codePointCount(0, quote.length()), label, author, null);
    }

    private static ExportedSource source(long id, String text, ExportedSpan... spans) throws Exception {
        return new ExportedSource(FormatRulesTest.source(id, text), text, List.of(spans), List.of(), List.of());
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    // ---- 1. a broken download with status 200 ------------------------------------------------------

    @Test
    void case1_authorsWhoseNamesCollideAsFileNamesGetUniqueFilesAndTheManifestMapsThem() throws Exception {
        String text = "The boats leak.";
        ExportedSource source = source(1, text, span(text, "a1", "boats", "FACT", "ann lee"),
                span(text, "a2", "leak", "FACT", "ann_lee"), span(text, "a3", "The", "FACT", "ann/lee"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportArchive archive = new ExportArchive(out);
        try (ExportFormat.SourceWriter writer = conll.open(archive)) {
            writer.write(source);
            writer.finish();
        }
        archive.endFiles();
        archive.finish("{}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> mapping = new LinkedHashMap<>();
        archive.files().forEach(f -> mapping.put(f.name(), f.annotator()));
        assertThat(mapping).containsExactly(Map.entry("ann_lee-2.conll", "ann lee"),
                Map.entry("ann_lee-3.conll", "ann/lee"), Map.entry("ann_lee.conll", "ann_lee"));
        assertThat(Zips.read(out.toByteArray()).keySet()).containsExactlyInAnyOrder("ann_lee.conll",
                "ann_lee-2.conll", "ann_lee-3.conll", "manifest.json");
        assertThat(archive.uniqueName("ANN_LEE", ".conll")).as("names differing in case only collide on some disks")
                .isEqualTo("ANN_LEE-4.conll");
    }

    @Test
    void case1_anExportThatBreaksOffIsAnErrorBeforeTheFirstByteAndIsAudited() throws Exception {
        ExportFormat broken = new ExportFormat() {
            public String id() { return "conll"; }
            public String title() { return "broken"; }
            public String description() { return "breaks off after the first source"; }
            public SourceWriter open(ExportArchive archive) throws IOException {
                var file = archive.file("half.txt");
                return new SourceWriter() {
                    public void write(ExportedSource source) throws IOException {
                        file.write("written before the failure".getBytes(StandardCharsets.UTF_8));
                        throw new IllegalStateException("duplicate entry: ann_lee.conll");
                    }
                    public void finish() {}
                };
            }
        };
        ExportRequest request = new ExportRequest(TestProjects.MAIN, broken, Layer.parse("all"), List.of(), Set.of(),
                Set.of());
        assertThatThrownBy(() -> actor.runAs("sam", Role.SUPERVISOR,
                () -> exports.build(request, ExportService.Progress.NONE)))
                .isInstanceOf(ExportFailure.class)
                .hasMessageContaining("nothing was sent").hasMessageContaining("duplicate entry: ann_lee.conll")
                .hasMessageContaining("corpus.export-failed");
        mvc.perform(get("/api/audit").param("action", "corpus.export-failed").with(httpBasic("sam", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events[0].after.error").value(
                        "IllegalStateException: duplicate entry: ann_lee.conll"));
    }

    // ---- 2. brat export that brat cannot read -----------------------------------------------------

    @Test
    void case2_bratExportKeepsTabsSplitsAtLineEndsAndDeclaresOverlapsAndValues() throws Exception {
        String text = "a\tb then the boats\nleak\fhere\u2028and\u0085there";
        int leak = text.indexOf("boats");
        ExportedSpan tab = span(text, "a1", 0, 3, "FACT", "alice", "first\rsecond");
        ExportedSpan across = span(text, "a2", leak, new CodePoints(text).length(), "QUOTE", "alice", null);
        ExportedSpan inner = span(text, "a3", "boats", "FACT", "bob");
        ExportedSpan attributed = new ExportedSpan("a4", 9, 12, "QUOTE", "the", "bob", T, T,
                Map.of("speaker", "Zoë Lee"), null, Map.of(), null, null, null, List.of());
        Map<String, byte[]> files = GoldenFilesTest.write(brat, List.of(source(1, text, tab, across, inner,
                attributed)));
        String ann = text(files, "source-1.ann");
        var bounds = BratStandoffRules.check(ann, text);
        assertThat(ann).contains("T1\tFACT 0 3\ta\tb\n");
        int nl = text.codePointCount(0, text.indexOf('\n'));
        assertThat(bounds.get("T2").fragments()).as("boats / leak / here / and / there").hasSize(5);
        assertThat(ann).contains("QUOTE " + leak + " " + nl + ";" + (nl + 1) + " ");
        assertThat(ann).contains("author=alice span=a1 note=first second\n");
        String conf = text(files, "annotation.conf");
        assertThat(conf).contains("<OVERLAP>\tArg1:FACT, Arg2:QUOTE, <OVL-TYPE>:contain")
                .contains("speaker\tArg:QUOTE, Value:Zoë_Lee");
        // And back: the same spans, the note on one line.
        List<ImportedSource> back = brat.read(FormatRulesTest.files("brat.zip", files));
        assertThat(back.getFirst().spans()).extracting(s -> s.annotation().start() + ".." + s.annotation().end())
                .containsExactly("0..3", leak + ".." + new CodePoints(text).length(), leak + ".." + (leak + 5), "9..12");
        assertThat(back.getFirst().spans().getFirst().annotation().author()).isEqualTo("alice");
        assertThat(back.getFirst().spans().getFirst().annotation().note()).isEqualTo("first second");
    }

    // ---- 3. brat import -----------------------------------------------------------------------------

    @Test
    void case3_bratImportTakesCrlfCp437NamesFragmentsAndReportsSecondValues() throws Exception {
        String text = "the boats leak\nand the pier\nsinks";
        String ann = "T1\tFACT 4 14\tboats leak\r\n"
                + "T2\tFACT 19 27;28 33\tthe pier sinks\r\n"
                + "T3\tQUOTE 0 3;10 14\tthe leak\r\n"
                + "A1\tspeaker T3 Zoë\r\n"
                + "A2\tspeaker T3 Yusuf\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // The ZIP default: names in CP437, without the UTF-8 flag (Java sets the flag only for UTF-8).
        try (ZipOutputStream zip = new ZipOutputStream(bytes, Charset.forName("IBM437"))) {
            zip.putNextEntry(new ZipEntry("Zoë's notes.txt"));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("Zoë's notes.ann"));
            zip.write(ann.getBytes(StandardCharsets.UTF_8));
        }
        ImportFiles files = ImportFiles.of("brat.zip", bytes.toByteArray(), 1 << 20, 10);
        assertThat(files.names()).containsExactly("Zoë's notes.txt", "Zoë's notes.ann");
        ImportedSource source = brat.read(files).getFirst();
        assertThat(source.spans()).extracting(s -> s.annotation().label() + " " + s.annotation().start() + ".."
                + s.annotation().end()).containsExactly("FACT 4..14", "FACT 19..33", "QUOTE 0..3", "QUOTE 10..14");
        assertThat(source.spans().get(2).annotation().attributes()).containsEntry("speaker", "Zoë");
        assertThat(source.ignored()).anySatisfy(m -> assertThat(m).contains("line 5").contains("second value 'Yusuf'")
                .contains("keeps 'Zoë'"));
        assertThat(source.ignored()).anySatisfy(m -> assertThat(m).contains("line 3").contains("apart")
                .contains("2 spans"));
        // A UTF-8 name without the flag (many zip tools) reads as UTF-8 too.
        assertThat(ImportFiles.entryName(new String("Zoë.txt".getBytes(StandardCharsets.UTF_8),
                Charset.forName("IBM437")))).isEqualTo("Zoë.txt");
    }

    // ---- 4. CoNLL ----------------------------------------------------------------------------------

    @Test
    void case4_conllSplitsSpansAtSentenceEndsAndTakesU0085AsWhiteSpace() throws Exception {
        String text = "the boats leak\nand sink\u0085now";
        Map<String, byte[]> files = GoldenFilesTest.write(conll, List.of(source(1, text,
                span(text, "a1", "boats leak\nand sink", "FACT", "alice"))));
        String file = text(files, "alice.conll");
        List<Iob2Rules.Phrase> phrases = Iob2Rules.check(file);
        assertThat(phrases).containsExactly(new Iob2Rules.Phrase(0, 0, 1, 2, "FACT"),
                new Iob2Rules.Phrase(0, 1, 0, 1, "FACT"));
        assertThat(file).contains("and -X- _ B-FACT").doesNotContain("\u0085");
        assertThat(ConllTokenizer.tokenize(text)).extracting(ConllTokenizer.Token::text)
                .containsExactly("the", "boats", "leak", "and", "sink", "now");
        // As Python's str.split(): the no-break spaces too.
        assertThat(ConllTokenizer.tokenize("a\u00A0b\u202Fc\u2007d")).hasSize(4);
    }

    // ---- 5. W3C ------------------------------------------------------------------------------------

    @Test
    void case5_w3cWritesTheSpecsCollectionAndReadsItsFormsBodiesAndCreators() throws Exception {
        String text = "The boats leak.";
        Map<String, byte[]> files = GoldenFilesTest.write(w3c, List.of(source(1, text,
                span(text, "a1", "boats", "FACT", "alice"))));
        JsonNode collection = json.readTree(files.get("corpus.jsonld"));
        W3cModelRules.check(collection);
        assertThat(collection.get("first").get("items")).hasSize(1);

        String hash = ExportApiTest.sha256(text.getBytes(StandardCharsets.UTF_8));
        String spec = """
                {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/c1",
                 "type": "AnnotationCollection", "total": 1,
                 "first": {"id": "http://example.org/c1/p1", "type": "AnnotationPage", "items": [
                  {"id": "http://example.org/a1", "type": "Annotation", "motivation": "tagging",
                   "creator": [{"type": "Person", "nickname": "alice"}, {"type": "Person", "nickname": "bob"}],
                   "body": {"type": "TextualBody", "value": "FACT"},
                   "target": {"source": "urn:sha256:%s",
                              "selector": {"type": "TextPositionSelector", "start": 4, "end": 9}}}]}}
                """.formatted(hash);
        ImportedSource read = w3c.read(ImportFiles.of("spec.jsonld", spec.getBytes(StandardCharsets.UTF_8), 1 << 20,
                10)).getFirst();
        assertThat(read.sha256()).isEqualTo(hash);
        assertThat(read.spans()).singleElement().satisfies(s -> {
            assertThat(s.annotation().label()).isEqualTo("FACT");
            assertThat(s.annotation().author()).isEqualTo("alice");
        });
        assertThat(read.ignored()).anySatisfy(m -> assertThat(m).contains("creator 'bob'").contains("left out"));
        // The older form (items directly on the collection), as the workbench wrote it before, still reads.
        String older = spec.replace("\"first\": {\"id\": \"http://example.org/c1/p1\", \"type\": \"AnnotationPage\", ",
                "").replace("]}}", "]}");
        assertThat(older).contains("\"total\": 1,\n \"items\": [");
        assertThat(w3c.read(ImportFiles.of("old.jsonld", older.getBytes(StandardCharsets.UTF_8), 1 << 20, 10))
                .getFirst().spans()).hasSize(1);
    }

    // ---- 6. doccano ----------------------------------------------------------------------------------

    @Test
    void case6_doccanoSpansUnderEveryKeyAreReadAndEveryOtherKeyIsReported() throws Exception {
        String lines = """
                {"id": 7, "text": "the boats leak", "labels": [[4, 9, "FACT"]], "cats": {"POS": 1.0}}
                {"text": "the boats leak again", "entities": [[0, 3, "FACT"], {"start_offset": 4, "end_offset": 9, "label": "QUOTE", "id": 3}, {"start_offset": 10, "end_offset": 14, "label": "FACT", "id": 4}], "relations": [{"from_id": 3, "to_id": 4, "type": "says"}]}
                {"text": "doccano one", "annotations": [{"label": "FACT", "start_offset": 0, "end_offset": 7, "user": 1}], "Comments": ["check"]}
                """;
        List<ImportedSource> read = jsonl.read(ImportFiles.of("doccano.jsonl", lines.getBytes(StandardCharsets.UTF_8),
                1 << 20, 10));
        assertThat(read).flatExtracting(ImportedSource::spans).extracting(s -> s.annotation().label() + " "
                + s.annotation().start() + ".." + s.annotation().end())
                .containsExactly("FACT 4..9", "FACT 0..3", "QUOTE 4..9", "FACT 10..14", "FACT 0..7");
        // Since issue 15 doccano's relations are read, between the entities their ids name.
        assertThat(read.get(1).relations()).extracting(r -> r.from() + " " + r.type() + " " + r.to())
                .containsExactly("3 says 4");
        List<String> ignored = new ArrayList<>();
        read.forEach(s -> ignored.addAll(s.ignored()));
        assertThat(String.join("\n", ignored)).contains("'cats'").contains("'Comments'")
                .contains("line 1: 'id'").contains("'annotations.user'").doesNotContain("relations")
                .doesNotContain("entities.id");
        assertThatThrownBy(() -> jsonl.read(ImportFiles.of("ids.jsonl",
                "{\"text\": \"x y\", \"annotations\": [{\"label\": 3, \"start_offset\": 0, \"end_offset\": 1}]}"
                        .getBytes(StandardCharsets.UTF_8), 1 << 20, 10)))
                .hasMessageContaining("label is the number 3");
    }

    // ---- 7. who authored a plain doccano line ---------------------------------------------------------

    @Test
    void case7_plainLinesHaveAnExplicitAuthorAndARepeatedImportChangesNothing() throws Exception {
        String line = "{\"text\": \"Case seven: the pier was closed on Monday.\", \"label\": [[12, 20, \"FACT\"]]}";
        // An administrator does not annotate in the project: a plain line needs 'author'.
        String refused = importPlain(line, "admin", null).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("names no author").contains("'author'");
        importPlain(line, "admin", "nobody-here").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("'nobody-here' does not")));
        importPlain(line, "admin", "alice").andExpect(status().isOk()).andExpect(jsonPath("$.spansImported").value(1));
        // The same line again, by a supervisor who would be its author by default: recognised, nothing changes.
        importPlain(line, "sam", null).andExpect(status().isOk()).andExpect(jsonPath("$.spansImported").value(0))
                .andExpect(jsonPath("$.spansUnchanged").value(1));
        importPlain(line, "admin", "bob").andExpect(status().isOk()).andExpect(jsonPath("$.spansImported").value(0));
        String hash = org.corroborate.base.Sha256.hex("Case seven: the pier was closed on Monday."
                .getBytes(StandardCharsets.UTF_8));
        long id = -1;
        for (JsonNode s : json.readTree(mvc.perform(get("/api/sources").with(httpBasic("sam", "demo")))
                .andReturn().getResponse().getContentAsString())) {
            if (s.get("sha256").asString().equals(hash)) {
                id = s.get("id").asLong();
            }
        }
        JsonNode spans = json.readTree(mvc.perform(get("/api/sources/" + id + "/annotations")
                .with(httpBasic("sam", "demo"))).andReturn().getResponse().getContentAsString());
        assertThat(spans).singleElement().satisfies(s -> assertThat(s.get("author").asString()).isEqualTo("alice"));
    }

    private org.springframework.test.web.servlet.ResultActions importPlain(String line, String who, String author)
            throws Exception {
        var request = post("/api/import").param("format", "jsonl").param("file", "plain.jsonl")
                .param("project", String.valueOf(TestProjects.MAIN)).with(httpBasic(who, "demo"))
                .header("X-Requested-With", "corroborate").contentType("application/x-ndjson")
                .content(line.getBytes(StandardCharsets.UTF_8));
        return mvc.perform(author == null ? request : request.param("author", author));
    }
}
