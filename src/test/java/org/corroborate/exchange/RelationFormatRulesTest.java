package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relations in every format that can carry them, shaped as each format's specification says: brat
 * {@code R} lines ({@code R1 → TYPE Arg1:T2 Arg2:T4}, as brat's reader parses them) with the types
 * in annotation.conf's {@code [relations]}; doccano's {@code entities} and {@code relations}
 * ({@code id, from_id, to_id, type}) in JSON Lines; W3C linking annotations; a CSV column. Each
 * importable format reads them back; a relation naming a span the file lacks is refused.
 */
@WorkbenchTest
class RelationFormatRulesTest {

    @Autowired BratFormat brat;
    @Autowired JsonLinesFormat jsonl;
    @Autowired W3cAnnotationFormat w3c;
    @Autowired CsvFormat csv;
    @Autowired JsonMapper json;

    /** The golden corpus: its first source has two relations, alice's quote said by a fact, carol's allegation. */
    static List<ExportedSource> corpus() throws Exception {
        return GoldenFilesTest.corpus();
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    private static List<String> relations(ImportedSource source) {
        return source.relations().stream().map(r -> r.ref() + " " + r.from() + " -" + r.type() + "-> " + r.to()
                + " by " + r.author()).toList();
    }

    @Test
    void bratWritesRLinesAsBratsReaderParsesThemAndDeclaresEveryRelationType() throws Exception {
        Map<String, byte[]> files = GoldenFilesTest.write(brat, corpus());
        String ann = text(files, "source-1.ann");
        BratStandoffRules.check(ann, GoldenFilesTest.FIRST);
        // a2 is the second T line, a4 the fourth; the relations' notes come after the six spans' notes.
        assertThat(ann).contains("R1\tsaid_by Arg1:T2 Arg2:T4\n#7\tAnnotatorNotes R1\tauthor=alice relation=r1\n")
                .contains("R2\tmade_by Arg1:T6 Arg2:T5\n#8\tAnnotatorNotes R2\tauthor=carol relation=r2\n");
        String conf = text(files, "annotation.conf");
        String relations = conf.substring(conf.indexOf("[relations]\n"), conf.indexOf("[events]"));
        assertThat(relations).contains("said_by\tArg1:QUOTE, Arg2:FACT\n", "made_by\tArg1:ALLEGATION, Arg2:FACT\n",
                "against\tArg1:ALLEGATION, Arg2:FACT\n");

        List<ImportedSource> back = brat.read(FormatRulesTest.files("brat.zip", files));
        assertThat(relations(back.getFirst())).containsExactly("r1 a2 -said_by-> a4 by alice",
                "r2 a6 -made_by-> a5 by carol");
        assertThat(back.getFirst().ignored()).noneMatch(line -> line.contains("relation"));
        assertThat(back.get(1).relations()).isEmpty();
    }

    @Test
    void jsonLinesWritesDoccanosEntitiesAndRelationsAndReadsThemBack() throws Exception {
        Map<String, byte[]> files = GoldenFilesTest.write(jsonl, corpus());
        JsonNode line = json.readTree(text(files, "corpus.jsonl").lines().findFirst().orElseThrow());
        Set<Long> entities = new HashSet<>();
        for (JsonNode entity : line.get("entities")) {
            assertThat(entity.propertyNames()).containsExactly("id", "label", "start_offset", "end_offset");
            assertThat(entities.add(entity.get("id").asLong())).as("entity ids are distinct").isTrue();
        }
        assertThat(entities).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        JsonNode relation = line.get("relations").get(0);
        assertThat(relation.get("id").asLong()).isEqualTo(1);
        assertThat(relation.get("from_id").asLong()).isEqualTo(2);
        assertThat(relation.get("to_id").asLong()).isEqualTo(4);
        assertThat(relation.get("type").asString()).isEqualTo("said_by");
        assertThat(relation.get("author").asString()).isEqualTo("alice");
        for (JsonNode r : line.get("relations")) {
            assertThat(entities).contains(r.get("from_id").asLong(), r.get("to_id").asLong());
        }

        List<ImportedSource> back = jsonl.read(FormatRulesTest.files("corpus.jsonl", files));
        assertThat(relations(back.getFirst())).containsExactly("1 a2 -said_by-> a4 by alice",
                "2 a6 -made_by-> a5 by carol");
        assertThat(json.readTree(text(files, "corpus.jsonl").lines().skip(1).findFirst().orElseThrow())
                .get("relations")).isEmpty();
    }

    @Test
    void w3cWritesEachRelationAsALinkingAnnotationAndReadsItBack() throws Exception {
        Map<String, byte[]> files = GoldenFilesTest.write(w3c, corpus());
        JsonNode collection = json.readTree(text(files, "corpus.jsonld"));
        W3cModelRules.check(collection);
        List<JsonNode> linking = new ArrayList<>();
        collection.get("first").get("items").forEach(item -> {
            if (item.get("motivation").asString().equals("linking")) {
                linking.add(item);
            }
        });
        assertThat(linking).hasSize(2);
        JsonNode saidBy = linking.getFirst();
        assertThat(saidBy.get("id").asString()).isEqualTo("urn:corroborate:relation:r1");
        assertThat(saidBy.get("target").asString()).isEqualTo("urn:corroborate:annotation:a2");
        assertThat(saidBy.get("creator").get("nickname").asString()).isEqualTo("alice");
        JsonNode linked = saidBy.get("body").get(0);
        assertThat(linked.get("type").asString()).isEqualTo("SpecificResource");
        assertThat(linked.get("source").asString()).isEqualTo("urn:corroborate:annotation:a4");
        assertThat(linked.get("purpose").asString()).isEqualTo("linking");
        JsonNode type = saidBy.get("body").get(1);
        assertThat(type.get("purpose").asString()).isEqualTo("tagging");
        assertThat(type.get("value").asString()).isEqualTo("said_by");

        List<ImportedSource> back = w3c.read(FormatRulesTest.files("corpus.jsonld", files));
        String sha256 = corpus().getFirst().source().sha256();
        ImportedSource first = back.stream().filter(s -> s.sha256().equals(sha256))
                .findFirst().orElseThrow();
        assertThat(relations(first)).containsExactly("r1 a2 -said_by-> a4 by alice", "r2 a6 -made_by-> a5 by carol");
    }

    @Test
    void aW3cLinkToSomethingOtherThanASpanIsLeftOutAndReported() throws Exception {
        String sha256 = corpus().getFirst().source().sha256();
        String items = "[{\"id\": \"urn:x:1\", \"type\": \"Annotation\", \"motivation\": \"tagging\", "
                + "\"body\": {\"type\": \"TextualBody\", \"value\": \"FACT\"}, \"target\": {\"source\": "
                + "\"urn:sha256:" + sha256 + "\", \"selector\": {\"type\": \"TextPositionSelector\", \"start\": 0, "
                + "\"end\": 1}}},\n{\"id\": \"urn:x:2\", \"type\": \"Annotation\", \"motivation\": \"linking\", "
                + "\"body\": \"https://example.org/more\", \"target\": \"urn:x:1\"}]";
        List<ImportedSource> read = w3c.read(ImportFiles.of("links.jsonld", items.getBytes(StandardCharsets.UTF_8),
                1 << 20, 10));
        assertThat(read.getFirst().relations()).isEmpty();
        assertThat(read.getFirst().ignored()).containsExactly("links.jsonld, line 2: 1 linking annotation(s) that do "
                + "not join two annotations of the upload; only relations between spans have a place here, so they "
                + "are left out.");
    }

    @Test
    void csvGivesEachSpanTheRelationsGoingFromIt() throws Exception {
        Map<String, String> relationsBySpan = new LinkedHashMap<>();
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .get().parse(new java.io.StringReader(text(GoldenFilesTest.write(csv, corpus()), "corpus.csv")))) {
            assertThat(parser.getHeaderNames()).endsWith("imported", "relations", "page");
            parser.forEach(row -> relationsBySpan.put(row.get("span_id"), row.get("relations")));
        }
        assertThat(relationsBySpan.get("a2")).isEqualTo("[{\"id\":\"r1\",\"type\":\"said_by\",\"to\":\"a4\","
                + "\"author\":\"alice\"}]");
        assertThat(relationsBySpan.get("a6")).isEqualTo("[{\"id\":\"r2\",\"type\":\"made_by\",\"to\":\"a5\","
                + "\"author\":\"carol\"}]");
        assertThat(relationsBySpan.get("a4")).as("listed on the span it goes from only").isEqualTo("[]");
    }

    // ---- doccano's relation export -----------------------------------------------------------------

    private List<ImportedSource> doccano(String... lines) {
        return jsonl.read(ImportFiles.of("doccano.jsonl", String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                1 << 20, 10));
    }

    @Test
    void aDoccanoRelationExportReadsItsEntitiesAndRelations() {
        // doccano's relation-extraction JSONL, as its documentation shows it.
        List<ImportedSource> read = doccano("{\"id\": 1, \"text\": \"Mayor Lee said the pipes leak.\", "
                + "\"entities\": [{\"id\": 10, \"label\": \"QUOTE\", \"start_offset\": 15, \"end_offset\": 29}, "
                + "{\"id\": 11, \"label\": \"FACT\", \"start_offset\": 0, \"end_offset\": 9}], "
                + "\"relations\": [{\"id\": 3, \"from_id\": 10, \"to_id\": 11, \"type\": \"said_by\"}]}");
        ImportedSource source = read.getFirst();
        assertThat(source.spans()).extracting(ImportedSource.ImportedSpan::ref).containsExactly("10", "11");
        assertThat(relations(source)).containsExactly("3 10 -said_by-> 11 by null");
        assertThat(source.ignored()).containsExactly("doccano.jsonl, line 1: 'id' is not read.");
    }

    @Test
    void aDoccanoRelationToASpanTheLineLacksIsRefused() {
        assertThatThrownBy(() -> doccano("{\"text\": \"Mayor Lee said so.\", \"entities\": [{\"id\": 10, \"label\": "
                + "\"QUOTE\", \"start_offset\": 0, \"end_offset\": 5}], \"relations\": [{\"id\": 3, \"from_id\": 10, "
                + "\"to_id\": 12, \"type\": \"said_by\"}]}"))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("doccano.jsonl, line 1: relation 3: 'to_id' is 12, but the line has no span with that id.");
        assertThatThrownBy(() -> doccano("{\"text\": \"Mayor Lee said so.\", \"label\": [[0, 5, \"QUOTE\"]], "
                + "\"relations\": [{\"id\": 3, \"from_id\": 0, \"to_id\": 1, \"type\": \"said_by\"}]}"))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("doccano.jsonl, line 1: relation 3: 'from_id' is 0, but the line has no span with that "
                        + "id (its spans carry no ids).");
    }

    // ---- hand-written brat -------------------------------------------------------------------------

    private List<ImportedSource> bratFiles(String ann) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("story.txt", "Mayor Lee said the pipes leak.".getBytes(StandardCharsets.UTF_8));
        files.put("story.ann", ann.getBytes(StandardCharsets.UTF_8));
        return brat.read(FormatRulesTest.files("story.zip", files));
    }

    @Test
    void aHandWrittenBratFileWithRelationsReadsThem() {
        List<ImportedSource> read = bratFiles("T1\tQUOTE 15 29\tthe pipes leak\nT2\tFACT 0 9\tMayor Lee\n"
                + "R1\tsaid_by Arg1:T1 Arg2:T2\t\n#1\tAnnotatorNotes R1\tchecked twice\n");
        assertThat(relations(read.getFirst())).containsExactly("R1 T1 -said_by-> T2 by null");
        assertThat(read.getFirst().ignored()).containsExactly("story.ann: the note on relation R1 is not read; "
                + "relations here have no notes.");
    }

    @Test
    void aBratRelationNamingNoSpanOrWrittenWronglyIsRefused() {
        assertThatThrownBy(() -> bratFiles("T1\tQUOTE 15 29\tthe pipes leak\nR1\tsaid_by Arg1:T1 Arg2:T9\n"))
                .isInstanceOf(WorkbenchException.class).hasMessage("story.ann, line 2: relation R1 names T9, which "
                        + "the file has no T line for; a relation here joins two text-bound spans.");
        assertThatThrownBy(() -> bratFiles("T1\tQUOTE 15 29\tthe pipes leak\nR1\tsaid_by Arg1:T1\n"))
                .isInstanceOf(WorkbenchException.class).hasMessage("story.ann, line 2: relation R1 must read "
                        + "'TYPE Arg1:ID Arg2:ID', not 'said_by Arg1:T1'.");
        assertThatThrownBy(() -> bratFiles("T1\tQUOTE 15 29\tthe pipes leak\nT2\tFACT 0 9\tMayor Lee\n"
                + "R1\tsaid_by Arg1:T1 Arg1:T2\n"))
                .isInstanceOf(WorkbenchException.class).hasMessageContaining("story.ann, line 3: relation R1 must "
                        + "read 'TYPE Arg1:ID Arg2:ID' (two arguments with different names)");
    }

    @Test
    void eventsNormalizationsAndEquivalencesAreStillReportedNotRead() {
        List<ImportedSource> read = bratFiles("T1\tQUOTE 15 29\tthe pipes leak\nE1\tQUOTE:T1\n"
                + "N1\tReference T1 Wikipedia:534366\tpipes\n*\tEquiv T1 T1\n");
        assertThat(read.getFirst().ignored()).containsExactly(
                "story.ann, line 2: E1 (an event) has no place in the workbench.",
                "story.ann, line 3: N1 (a normalization) has no place in the workbench.",
                "story.ann, line 4: * (an equivalence) has no place in the workbench.");
    }
}
