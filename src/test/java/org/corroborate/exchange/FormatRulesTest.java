package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CodePoints;
import org.corroborate.source.SourceSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each format's rules, taken from its specification ({@link BratStandoffRules}, {@link Iob2Rules},
 * {@link W3cModelRules}), hold for every golden file; and random texts (emoji, ZWJ sequences,
 * right-to-left script, tabs, every character Python ends a line at) with random spans, exported
 * and read back by those rules and by the workbench's readers, give back the same spans.
 */
@WorkbenchTest
class FormatRulesTest {

    static final Path GOLDEN = GoldenFilesTest.GOLDEN;
    static final Instant T = GoldenFilesTest.T;

    @Autowired BratFormat brat;
    @Autowired ConllFormat conll;
    @Autowired W3cAnnotationFormat w3c;
    @Autowired JsonLinesFormat jsonl;
    @Autowired JsonMapper json;

    @Test
    void everyGoldenFileKeepsItsFormatsRules() throws Exception {
        for (String name : List.of("source-1", "source-2")) {
            BratStandoffRules.check(Files.readString(GOLDEN.resolve("brat/" + name + ".ann")),
                    Files.readString(GOLDEN.resolve("brat/" + name + ".txt")));
        }
        String conf = Files.readString(GOLDEN.resolve("brat/annotation.conf"));
        // a3 and a4 cross; a3 and a4 lie inside the quotes; bob's quote holds alice's.
        assertThat(conf).contains("<OVERLAP>\tArg1:FACT, Arg2:FACT, <OVL-TYPE>:cross\n")
                .contains("<OVERLAP>\tArg1:FACT, Arg2:QUOTE, <OVL-TYPE>:contain\n")
                .contains("<OVERLAP>\tArg1:QUOTE, Arg2:QUOTE, <OVL-TYPE>:contain\n");
        conf.lines().filter(l -> l.contains("Arg:")).forEach(l -> assertThat(l).contains(", Value:"));
        try (var files = Files.list(GOLDEN.resolve("conll"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".conll")).toList()) {
                assertThat(Iob2Rules.check(Files.readString(file))).as(file.toString()).isNotEmpty();
            }
        }
        assertThat(W3cModelRules.check(json.readTree(Files.readString(GOLDEN.resolve("w3c/corpus.jsonld")))))
                .hasSize(14);
    }

    /**
     * Writes the golden corpus and a source with every kind of line end, tab and a span across lines,
     * in every format, to {@code target/exchange-samples/FORMAT/}, for the formats' own tools
     * (brat's parser and validator, conlleval, the W3C schemas, doccano's parser; docs/formats.md
     * says what each said). The files keep this test's rules too.
     */
    @Test
    void samplesForTheFormatsOwnToolsKeepTheRules() throws Exception {
        String text = "a\tb then the boats\nleak\fhere\u2028and\u0085there. Zoë said “no” 👨‍👩‍👧";
        CodePoints points = new CodePoints(text);
        int boats = text.codePointCount(0, text.indexOf("boats"));
        List<ExportedSpan> spans = List.of(
                new ExportedSpan("a91", 0, 3, "FACT", "a\tb", "alice", T, T, Map.of(), "first\rsecond", Map.of(), null,
                        null, null, List.of()),
                new ExportedSpan("a92", boats, points.length(), "QUOTE", points.substring(boats, points.length()), "alice",
                        T, T, Map.of("speaker", "Zoë Lee"), null, Map.of(), null, null, null, List.of()),
                new ExportedSpan("a93", boats, boats + 5, "FACT", "boats", "bob", T, T, Map.of(), null, Map.of(), null,
                        null, null, List.of()));
        List<ExportedSource> corpus = new ArrayList<>(GoldenFilesTest.corpus());
        // A relation from the quote written in fragments around the line ends, to the tab's fact.
        corpus.add(new ExportedSource(source(3, text), text, spans, List.of(), List.of(),
                List.of(new ExportedRelation("r9", "a92", "a91", "said_by", "alice", T))));
        Path samples = Path.of("target", "exchange-samples");
        for (var format : List.of(brat, conll, w3c, jsonl)) {
            Path folder = samples.resolve(format.id());
            Files.createDirectories(folder);
            for (var file : GoldenFilesTest.write(format, corpus).entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
        }
        BratStandoffRules.check(Files.readString(samples.resolve("brat/source-3.ann")), text);
        assertThat(Files.readString(samples.resolve("brat/source-3.ann"))).contains("R1\tsaid_by Arg1:T2 Arg2:T1\n");
        assertThat(Iob2Rules.check(Files.readString(samples.resolve("conll/alice.conll")))).isNotEmpty();
        W3cModelRules.check(json.readTree(Files.readString(samples.resolve("w3c/corpus.jsonld"))));
    }

    static final String[] PIECES = {"water", "Zoë", "said", "💧", "👨‍👩‍👧", "👍🏽", "قال", "يوسف", "שלום", "\t", " ", " ",
        "\n", "\r", "\u000B", "\f", "\u001C", "\u001D", "\u001E", "\u0085", "\u2028", "\u2029", "\u00A0", ".", ",",
        "“", "”", "e\u0301", "don't", "1,000"};

    @Test
    void randomTextsAndSpansComeBackTheSameFromEveryImportableFormat() throws Exception {
        Random random = new Random(20261130);
        for (int round = 0; round < 60; round++) {
            List<ExportedSource> corpus = new ArrayList<>();
            for (int s = 1; s <= 3; s++) {
                corpus.add(randomSource(random, s));
            }
            Map<String, List<ExportedSpan>> given = new LinkedHashMap<>();
            corpus.forEach(source -> given.put(source.text(), source.spans()));

            // brat: every .ann keeps brat's rules; every span with some text comes back whole.
            Map<String, byte[]> bratFiles = GoldenFilesTest.write(brat, corpus);
            for (ExportedSource source : corpus) {
                String base = "source-" + source.source().id();
                BratStandoffRules.check(new String(bratFiles.get(base + ".ann"), StandardCharsets.UTF_8), source.text());
            }
            for (ImportedSource back : brat.read(files("corpus.zip", bratFiles))) {
                String text = back.draft().text();
                List<ExportedSpan> expected = given.get(text).stream()
                        .filter(span -> !onlyLineEnds(new CodePoints(text).substring(span.start(), span.end())))
                        .toList();
                assertThat(spans(back)).as("brat round %d", round).isEqualTo(described(expected, true));
            }

            // JSON Lines: everything.
            for (ImportedSource back : jsonl.read(files("corpus.jsonl", GoldenFilesTest.write(jsonl, corpus)))) {
                assertThat(spans(back)).as("jsonl round %d", round).isEqualTo(described(given.get(back.draft().text()),
                        false));
            }

            // W3C: the model's MUSTs, and every span back by the hash of its text.
            Map<String, byte[]> w3cFiles = GoldenFilesTest.write(w3c, corpus);
            W3cModelRules.check(json.readTree(w3cFiles.get("corpus.jsonld")));
            Map<String, String> byHash = new TreeMap<>();
            corpus.forEach(source -> byHash.put(source.source().sha256(), source.text()));
            for (ImportedSource back : w3c.read(files("corpus.jsonld", w3cFiles))) {
                assertThat(spans(back)).as("w3c round %d", round)
                        .isEqualTo(described(given.get(byHash.get(back.sha256())), false));
            }

            // CoNLL: well-formed IOB2 whatever the text; no phrase crosses a sentence.
            Map<String, byte[]> conllFiles = GoldenFilesTest.write(conll, corpus);
            conllFiles.forEach((name, content) -> {
                if (name.endsWith(".conll")) {
                    Iob2Rules.check(new String(content, StandardCharsets.UTF_8));
                }
            });
        }
    }

    private static boolean onlyLineEnds(String text) {
        return text.chars().allMatch(PythonText::isLineEnd);
    }

    static ImportFiles files(String name, Map<String, byte[]> files) {
        if (files.size() == 1 && files.containsKey(name)) {
            return ImportFiles.of(name, files.get(name), 1 << 30, 1000);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        files.forEach((n, bytes) -> entries.put(n, new String(bytes, StandardCharsets.UTF_8)));
        return ImportFiles.of(name, Zips.write(entries), 1 << 30, 1000);
    }

    /** Spans as comparable lines: place, label, author, note (brat: line ends as spaces), attributes. */
    private static List<String> described(List<ExportedSpan> spans, boolean bratNotes) {
        return spans.stream().map(s -> s.start() + ".." + s.end() + " " + s.label() + " by " + s.author() + " note="
                + (s.note() == null ? null : bratNotes ? PythonText.oneLine(s.note()) : s.note())
                + " " + new TreeMap<>(s.attributes())).sorted().toList();
    }

    private static List<String> spans(ImportedSource source) {
        return source.spans().stream().map(s -> s.annotation().start() + ".." + s.annotation().end() + " "
                + s.annotation().label() + " by " + s.annotation().author() + " note=" + s.annotation().note() + " "
                + new TreeMap<>(s.annotation().attributes())).sorted().toList();
    }

    private ExportedSource randomSource(Random random, long id) throws Exception {
        StringBuilder text = new StringBuilder();
        int pieces = 5 + random.nextInt(30);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String content = text.toString();
        CodePoints points = new CodePoints(content);
        List<ExportedSpan> spans = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            int start = random.nextInt(points.length());
            int end = start + 1 + random.nextInt(points.length() - start);
            String label = List.of("FACT", "QUOTE", "ALLEGATION").get(random.nextInt(3));
            String note = random.nextBoolean() ? null : "note " + PIECES[random.nextInt(PIECES.length)] + " end";
            Map<String, String> attributes = label.equals("QUOTE") && random.nextBoolean()
                    ? Map.of("speaker", "Zoë") : Map.of();
            spans.add(new ExportedSpan("a" + (id * 100 + i), start, end, label, points.substring(start, end),
                    random.nextBoolean() ? "alice" : "bob", T, T, attributes, note, Map.of(), null, null, null,
                    List.of()));
        }
        return new ExportedSource(source(id, content), content, spans, List.of(), List.of());
    }

    static SourceSummary source(long id, String text) throws Exception {
        return new SourceSummary(id, "Source " + id, null, null, null, null, null, null, null, "admin", T,
                ExportApiTest.sha256(text.getBytes(StandardCharsets.UTF_8)), text.codePointCount(0, text.length()),
                false, 0, 1L);
    }
}
