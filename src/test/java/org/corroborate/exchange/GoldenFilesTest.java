package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CodePoints;
import org.corroborate.source.SourceSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every format's output for a small fixed corpus (emoji, a ZWJ family, right-to-left text, nested
 * and overlapping spans, a span ending inside a word, a formula-like cell, tabs and line breaks in
 * a note, two relations) equals the golden files in {@code src/test/resources/golden/FORMAT/}, byte for byte; and
 * what can be imported reads back as the spans, verdicts and decisions that were written.
 * Run with {@code -Dgolden.update=true} to rewrite the golden files after an intended change, then
 * review the diff.
 */
@WorkbenchTest
class GoldenFilesTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Instant T = Instant.parse("2026-03-14T09:30:00Z");

    @Autowired List<ExportFormat> formats;
    @Autowired List<ImportFormat> importers;

    static final String FIRST = "💧 Zo\u00eb said: “Still on bottled water.” 👨‍👩‍👧 قال يوسف إن المياه ملوثة\n"
            + "The utility denies it.";
    static final String SECOND = "=SUM(1,2) is what the cell said.\n+44 called back.";

    static List<ExportedSource> corpus() throws Exception {
        List<ExportedSpan> first = new ArrayList<>();
        first.add(span(FIRST, "a1", "“Still on bottled water.”", "QUOTE", "bob", Map.of(), null, Map.of()));
        first.add(span(FIRST, "a2", "Still on bottled water.", "QUOTE", "alice", Map.of("speaker", "Zoë"),
                "Doorstep\tinterview,\nsecond visit", new TreeMap<>(Map.of("bob", "AGREE", "carol", "UNSURE"))));
        first.add(span(FIRST, "a3", "Still on bot", "FACT", "alice", Map.of(), null, Map.of()));
        first.add(span(FIRST, "a4", "bottled water", "FACT", "alice", Map.of(), null, Map.of()));
        first.add(span(FIRST, "a5", "👨‍👩‍👧", "FACT", "bob", Map.of(), "A family 👨‍👩‍👧", Map.of()));
        first.add(span(FIRST, "a6", "قال يوسف إن المياه ملوثة", "ALLEGATION", "carol",
                new TreeMap<>(Map.of("allegedBy", "يوسف", "allegedAgainst", "the utility")), null,
                Map.of("alice", "DISAGREE")));
        List<ExportedDecision> decisions = List.of(
                new ExportedDecision("d1", "ACCEPTED", first.get(1).start(), first.get(1).end(), "QUOTE",
                        "Still on bottled water.", Map.of("speaker", "Zoë"), null, List.of("a1", "a2"),
                        "Quote marks are not part of the quote", "sam", T.plusSeconds(3600)),
                new ExportedDecision("d2", "REJECTED", null, null, null, null, null, null, List.of("a6"),
                        "Hearsay", "sam", T.plusSeconds(7200)));
        List<ExportedSpan> second = List.of(span(SECOND, "a7", "=SUM(1,2)", "FACT", "alice", Map.of(), "=cmd|' /C calc'!A0",
                Map.of()));
        List<ExportedStatus> statuses = List.of(new ExportedStatus("alice", "SUBMITTED", T.plusSeconds(600)),
                new ExportedStatus("bob", "IN_PROGRESS", T.plusSeconds(60)),
                new ExportedStatus("carol", "SUBMITTED", T.plusSeconds(900)));
        // alice's quote is said by the fact a4; carol's allegation is made by bob's family fact.
        List<ExportedRelation> relations = List.of(new ExportedRelation("r1", "a2", "a4", "said_by", "alice", T),
                new ExportedRelation("r2", "a6", "a5", "made_by", "carol", T.plusSeconds(5)));
        return List.of(new ExportedSource(source(1, "Bottled water, week six", FIRST), FIRST, first, decisions,
                        statuses, relations),
                new ExportedSource(source(2, "=Council minutes", SECOND), SECOND, second, List.of(),
                        List.of(new ExportedStatus("alice", "IN_PROGRESS", T))));
    }

    private static ExportedSpan span(String text, String id, String quote, String label, String author,
                                     Map<String, String> attributes, String note, Map<String, String> verdicts) {
        int start = text.codePointCount(0, text.indexOf(quote));
        int end = start + quote.codePointCount(0, quote.length());
        // Each verdict in full too, one with a comment that needs escaping: a tab, a quote, an emoji.
        List<ExportedVerdict> full = new TreeMap<>(verdicts).entrySet().stream().map(v -> new ExportedVerdict(
                v.getKey(), v.getValue(), v.getValue().equals("UNSURE") ? "Was it \"bottled\"\tor 💧 tap?" : null,
                T.plusSeconds(120), T.plusSeconds(180), null)).toList();
        return new ExportedSpan(id, start, end, label, new CodePoints(text).substring(start, end), author, T,
                T.plusSeconds(60), attributes, note, verdicts, null, null, null, full);
    }

    private static SourceSummary source(long id, String title, String text) throws Exception {
        return new SourceSummary(id, title, "The Ledger", "R. Reporter", "https://example.org/" + id,
                java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 2), "en", "story-" + id + ".txt",
                "admin", T, ExportApiTest.sha256(text.getBytes(StandardCharsets.UTF_8)),
                text.codePointCount(0, text.length()), false, 0, 1L,
                // The second source came from a two-page PDF: its spans carry their page.
                id == 2 ? "application/pdf" : null, id == 2 ? ExportApiTest.sha256(new byte[] {'%', 'P'}) : null,
                id == 2 ? List.of(0, text.indexOf('\n') + 1) : List.of());
    }

    /** The format's files (without the manifest, which the export service writes) for the corpus. */
    static Map<String, byte[]> write(ExportFormat format, List<ExportedSource> corpus) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportArchive archive = new ExportArchive(out);
        try (ExportFormat.SourceWriter writer = format.open(archive)) {
            for (ExportedSource source : corpus) {
                writer.write(source);
            }
            writer.finish();
        }
        archive.endFiles();
        archive.finish("{}".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> files = new LinkedHashMap<>();
        Zips.read(out.toByteArray()).forEach((name, content) -> {
            if (!name.equals(ExportArchive.MANIFEST)) {
                files.put(name, content.getBytes(StandardCharsets.UTF_8));
            }
        });
        return files;
    }

    @Test
    void everyFormatWritesExactlyTheGoldenFiles() throws Exception {
        boolean update = Boolean.getBoolean("golden.update");
        assertThat(formats).extracting(ExportFormat::id).containsExactlyInAnyOrder("brat", "conll", "csv", "jsonl",
                "w3c");
        for (ExportFormat format : formats) {
            Map<String, byte[]> files = write(format, corpus());
            Path folder = GOLDEN.resolve(format.id());
            if (update) {
                Files.createDirectories(folder);
                for (var file : files.entrySet()) {
                    Files.write(folder.resolve(file.getKey()), file.getValue());
                }
            }
            try (var golden = Files.list(folder)) {
                assertThat(golden.map(p -> p.getFileName().toString()).sorted().toList())
                        .as(format.id()).isEqualTo(files.keySet().stream().sorted().toList());
            }
            for (var file : files.entrySet()) {
                assertThat(new String(file.getValue(), StandardCharsets.UTF_8)).as(format.id() + "/" + file.getKey())
                        .isEqualTo(Files.readString(folder.resolve(file.getKey())));
            }
        }
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameSpansVerdictsAndDecisions() throws Exception {
        List<ExportedSource> corpus = corpus();
        for (ImportFormat importer : importers) {
            ExportFormat format = formats.stream().filter(f -> f.id().equals(importer.id())).findFirst().orElseThrow();
            Map<String, String> files = new LinkedHashMap<>();
            write(format, corpus).forEach((name, bytes) -> files.put(name, new String(bytes, StandardCharsets.UTF_8)));
            List<ImportedSource> read = importer.read(ImportFiles.of("golden.zip", Zips.write(files), 1 << 24, 100));
            assertThat(read).as(importer.id()).hasSize(2);
            for (int i = 0; i < 2; i++) {
                ExportedSource written = corpus.get(i);
                ImportedSource back = read.get(i);
                if (back.draft() != null) {
                    assertThat(back.draft().text()).isEqualTo(written.text());
                } else {
                    assertThat(back.sha256()).isEqualTo(written.source().sha256());
                }
                assertThat(back.spans()).as(importer.id()).hasSameSizeAs(written.spans());
                for (int s = 0; s < written.spans().size(); s++) {
                    ExportedSpan w = written.spans().get(s);
                    ImportedSource.ImportedSpan r = back.spans().get(s);
                    assertThat(r.ref()).isEqualTo(w.id());
                    assertThat(List.of(r.annotation().start(), r.annotation().end(), r.annotation().label(),
                            r.annotation().author())).as(importer.id() + " " + w.id())
                            .isEqualTo(List.of(w.start(), w.end(), w.label(), w.author()));
                    assertThat(r.annotation().attributes()).as(importer.id() + " " + w.id())
                            .isEqualTo(w.attributes());
                    if (!importer.id().equals("brat")) { // brat notes are one line, and carry no times or verdicts
                        assertThat(r.annotation().note()).isEqualTo(w.note());
                        assertThat(r.annotation().createdAt()).isEqualTo(w.created());
                        assertThat(r.annotation().modifiedAt()).isEqualTo(w.modified());
                        assertThat(r.verdicts()).isEqualTo(w.assessments());
                        if (importer.id().equals("jsonl")) { // only JSON Lines carries comments and times
                            for (ExportedVerdict v : w.verdicts()) {
                                assertThat(r.notes().get(v.reviewer())).isEqualTo(
                                        new ImportedSource.VerdictNote(v.comment(), v.created(), v.modified()));
                            }
                        }
                    }
                }
                if (importer.id().equals("jsonl")) {
                    assertThat(back.blind()).isEqualTo(written.source().blind());
                    assertThat(back.statuses()).extracting(ImportedSource.Status::reviewer, ImportedSource.Status::status,
                                    ImportedSource.Status::changedAt)
                            .containsExactlyElementsOf(written.statuses().stream().map(st -> org.assertj.core.groups
                                    .Tuple.tuple(st.reviewer(), st.status(), st.changedAt())).toList());
                }
                assertThat(back.relations()).as(importer.id() + " relations")
                        .extracting(ImportedSource.Relation::from, ImportedSource.Relation::to,
                                ImportedSource.Relation::type, ImportedSource.Relation::author)
                        .containsExactlyElementsOf(written.relations().stream().map(r -> org.assertj.core.groups
                                .Tuple.tuple(r.from(), r.to(), r.type(), r.author())).toList());
                if (!importer.id().equals("brat")) {
                    assertThat(back.decisions()).extracting(ImportedSource.Decision::ref, ImportedSource.Decision::outcome,
                                    ImportedSource.Decision::basedOn, ImportedSource.Decision::start)
                            .as(importer.id()).containsExactlyElementsOf(written.decisions().stream()
                                    .map(d -> org.assertj.core.groups.Tuple.tuple(d.id(), d.outcome(), d.basedOn(),
                                            d.start())).toList());
                }
            }
        }
    }

    @Test
    void theW3cCollectionExpandsAsJsonLdUsingOnlyTermsOfTheContext() throws Exception {
        byte[] collection = write(formats.stream().filter(f -> f.id().equals("w3c")).findFirst().orElseThrow(),
                corpus()).get("corpus.jsonld");
        assertThat(JsonLd.undefinedTerms(collection)).isEmpty();
        var expanded = JsonLd.expand(collection);
        String oa = "http://www.w3.org/ns/oa#";
        // The model's form: the collection's first AnnotationPage (an as:OrderedCollectionPage) holds the items.
        String as = "http://www.w3.org/ns/activitystreams#";
        var collectionNode = expanded.getJsonObject(0);
        assertThat(collectionNode.getString("@id")).isEqualTo("urn:corroborate:export:corpus");
        assertThat(collectionNode.getJsonArray(as + "totalItems").getJsonObject(0).get("@value").toString()).isEqualTo("14");
        var page = collectionNode.getJsonArray(as + "first").getJsonObject(0);
        assertThat(page.getJsonArray("@type").getString(0)).isEqualTo(as + "OrderedCollectionPage");
        var items = page.getJsonArray(as + "items").getJsonObject(0).getJsonArray("@list");
        assertThat(items).hasSize(6 + 3 + 2 + 2 + 1);
        for (var value : items) {
            var item = value.asJsonObject();
            assertThat(item.getJsonArray("@type").getString(0)).isEqualTo(oa + "Annotation");
            String motivation = item.getJsonArray(oa + "motivatedBy").getJsonObject(0).getString("@id");
            assertThat(motivation).isIn(oa + "tagging", oa + "assessing", oa + "linking");
            if (motivation.equals(oa + "linking")) {
                // A relation: the target is the span it goes from; a body, with purpose linking, the span it goes to.
                assertThat(item.getJsonArray(oa + "hasTarget").getJsonObject(0).getString("@id"))
                        .startsWith("urn:corroborate:annotation:a");
                var linked = item.getJsonArray(oa + "hasBody").stream().map(b -> b.asJsonObject())
                        .filter(b -> b.containsKey(oa + "hasSource")).findFirst().orElseThrow();
                assertThat(linked.getJsonArray("@type").getString(0)).isEqualTo(oa + "SpecificResource");
                assertThat(linked.getJsonArray(oa + "hasPurpose").getJsonObject(0).getString("@id"))
                        .isEqualTo(oa + "linking");
                assertThat(linked.getJsonArray(oa + "hasSource").getJsonObject(0).getString("@id"))
                        .startsWith("urn:corroborate:annotation:a");
            }
            if (motivation.equals(oa + "tagging")) {
                var target = item.getJsonArray(oa + "hasTarget").getJsonObject(0);
                var selectors = target.getJsonArray(oa + "hasSelector");
                String exact = null;
                int start = -1;
                int end = -1;
                for (var s : selectors) {
                    var selector = s.asJsonObject();
                    String type = selector.getJsonArray("@type").getString(0);
                    if (type.equals(oa + "TextQuoteSelector")) {
                        exact = selector.getJsonArray(oa + "exact").getJsonObject(0).getString("@value");
                    } else if (type.equals(oa + "TextPositionSelector")) {
                        start = selector.getJsonArray(oa + "start").getJsonObject(0).getJsonNumber("@value").intValue();
                        end = selector.getJsonArray(oa + "end").getJsonObject(0).getJsonNumber("@value").intValue();
                    }
                }
                String source = target.getJsonArray(oa + "hasSource").getJsonObject(0).getString("@id");
                String text = source.endsWith(corpus().get(0).source().sha256()) ? FIRST : SECOND;
                assertThat(exact).isEqualTo(new CodePoints(text).substring(start, end));
            }
        }
    }
}
