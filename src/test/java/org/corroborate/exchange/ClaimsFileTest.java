package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code claims.jsonl}: one claim per line with its members (source by id, title, hash and file;
 * span by offsets, label, author and text), stances, decisions, first report and drift, read back
 * as written; W3C claims as describing, linking and assessing annotations that keep the model's
 * rules; malformed lines refused with the file and line.
 */
@WorkbenchTest
class ClaimsFileTest {

    static final Instant T = GoldenFilesTest.T;

    @Autowired JsonMapper json;
    @Autowired W3cAnnotationFormat w3c;

    static ExportedClaim claim() {
        String sha = "1623770d21bb909d0f2901f52466df526e5d5f370971382fe94471e22421db6d";
        ExportedClaim.Source first = new ExportedClaim.Source(1, "Bottled water, week six", sha, "corpus.jsonl",
                "The Ledger", LocalDate.of(2026, 3, 1));
        ExportedClaim.Source second = new ExportedClaim.Source(2, "=Council minutes", "0e90" + sha.substring(4),
                "corpus.jsonl", null, null);
        return new ExportedClaim("c4", "Residents drink bottled water", "alice", T, T.plusSeconds(60), List.of(
                new ExportedClaim.Member(first, new ExportedClaim.Span("a2", 13, 36, "QUOTE", "alice",
                        "Still on bottled water."), "SUPPORTS", "alice", T, new ExportedClaim.Decision("ACCEPTED",
                        "Direct quote", "sam", T.plusSeconds(600))),
                new ExportedClaim.Member(second, new ExportedClaim.Span("a7", 0, 9, "FACT", "alice", "=SUM(1,2)"),
                        "CONTRADICTS", "bob", T.plusSeconds(30), null)),
                new ExportedClaim.FirstReported("earliest", List.of("a2"), LocalDate.of(2026, 3, 1),
                        "Bottled water, week six reported it first; 1 member's source has no date."),
                List.of(new ExportedClaim.Drift("number", List.of(new ExportedClaim.DriftValue("a2", "1", 0, 1),
                        new ExportedClaim.DriftValue("a7", "2", 7, 8)))));
    }

    private String written(List<ExportedClaim> claims) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClaimsFile.write(json, out, claims);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ImportFiles upload(String claims) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("corpus.jsonl", "{\"text\": \"x\"}\n");
        files.put("claims.jsonl", claims);
        return ImportFiles.of("export.zip", Zips.write(files), 1 << 20, 10);
    }

    @Test
    void eachClaimIsOneLineWithItsMembersSourcesSpansStancesAndDecisions() throws Exception {
        String file = written(List.of(claim(), claim()));
        assertThat(file.lines()).hasSize(2);
        JsonNode line = json.readTree(file.lines().findFirst().orElseThrow());
        assertThat(line.propertyNames()).containsExactly("id", "statement", "createdBy", "createdAt", "modifiedAt",
                "members", "firstReported", "drift");
        JsonNode member = line.get("members").get(0);
        assertThat(member.propertyNames()).containsExactly("source", "span", "stance", "addedBy", "addedAt",
                "decision");
        assertThat(member.get("source").propertyNames()).containsExactly("id", "title", "sha256", "file",
                "publisher", "published");
        assertThat(member.get("source").get("file").asString()).isEqualTo("corpus.jsonl");
        assertThat(member.get("span").propertyNames()).containsExactly("id", "start", "end", "label", "author", "text");
        assertThat(member.get("decision").get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(line.get("members").get(1).get("decision").isNull()).isTrue();
        assertThat(line.get("firstReported").get("spans").get(0).asString()).isEqualTo("a2");
        assertThat(line.get("drift").get(0).get("values").get(1).get("span").asString()).isEqualTo("a7");
    }

    @Test
    void whatIsWrittenReadsBackMemberByMember() throws Exception {
        List<ClaimsFile.Claim> read = ClaimsFile.read(upload(written(List.of(claim()))), json);
        assertThat(read).hasSize(1);
        ClaimsFile.Claim claim = read.getFirst();
        assertThat(claim.file()).isEqualTo("claims.jsonl");
        assertThat(claim.line()).isEqualTo(1);
        assertThat(claim.ref()).isEqualTo("c4");
        assertThat(claim.statement()).isEqualTo("Residents drink bottled water");
        assertThat(claim.createdBy()).isEqualTo("alice");
        assertThat(claim.members()).containsExactly(
                new ClaimsFile.Member(1, claim().members().get(0).source().sha256(), "Bottled water, week six", 13, 36,
                        "QUOTE", "alice", "SUPPORTS", "alice", "ACCEPTED", "Direct quote", "sam", T.plusSeconds(600)),
                new ClaimsFile.Member(2, claim().members().get(1).source().sha256(), "=Council minutes", 0, 9, "FACT",
                        "alice", "CONTRADICTS", "bob", null, null, null, null));
    }

    @Test
    void aMalformedClaimLineIsRefusedWithItsFileAndLine() {
        assertThatThrownBy(() -> ClaimsFile.read(upload("{\"statement\": \"ok\", \"members\": []}\n{\"statement\":"),
                json)).isInstanceOf(WorkbenchException.class).hasMessageStartingWith("claims.jsonl, line 2: not JSON");
        assertThatThrownBy(() -> ClaimsFile.read(upload("{\"id\": \"c1\", \"statement\": \"ok\", \"members\": "
                + "[{\"stance\": \"SUPPORTS\"}]}"), json)).isInstanceOf(WorkbenchException.class)
                .hasMessage("claims.jsonl, line 1: member 1 of claim c1 needs a 'source' {sha256, title} and a 'span' "
                        + "{start, end, label, author}.");
        assertThatThrownBy(() -> ClaimsFile.read(upload("{\"members\": []}"), json))
                .isInstanceOf(WorkbenchException.class).hasMessage("claims.jsonl, line 1: 'statement' is missing.");
    }

    @Test
    void jsonLinesImportsDoNotTakeTheClaimsFileForACorpus() {
        assertThat(new JsonLinesFormat(json).read(upload("{\"statement\": \"ok\"}"))).hasSize(1);
    }

    @Test
    void inW3cAClaimDescribesItsMembersEachMemberLinksItsSpanAndADecisionAssessesTheMember() {
        List<Map<String, Object>> items = W3cClaims.items(claim());
        List<JsonNode> nodes = new ArrayList<>();
        items.forEach(item -> nodes.add(json.valueToTree(item)));
        nodes.forEach(W3cModelRules::annotation);
        assertThat(nodes).extracting(n -> n.get("motivation").asString())
                .containsExactly("describing", "linking", "assessing", "linking");
        JsonNode claim = nodes.getFirst();
        assertThat(claim.get("id").asString()).isEqualTo("urn:corroborate:claim:c4");
        assertThat(claim.get("body").get("value").asString()).isEqualTo("Residents drink bottled water");
        assertThat(claim.get("target")).extracting(JsonNode::asString).containsExactly(
                "urn:corroborate:annotation:a2", "urn:corroborate:annotation:a7");
        JsonNode member = nodes.get(1);
        assertThat(member.get("target").asString()).isEqualTo("urn:corroborate:annotation:a2");
        assertThat(member.get("body").get(0).get("source").asString()).isEqualTo("urn:corroborate:claim:c4");
        assertThat(member.get("body").get(0).get("purpose").asString()).isEqualTo("linking");
        assertThat(member.get("body").get(1).get("purpose").asString()).isEqualTo("classifying");
        assertThat(member.get("body").get(1).get("value").asString()).isEqualTo("SUPPORTS");
        JsonNode decision = nodes.get(2);
        assertThat(decision.get("target").asString()).isEqualTo("urn:corroborate:claim:c4/member/a2");
        assertThat(decision.get("creator").get("nickname").asString()).isEqualTo("sam");
        assertThat(decision.get("body").get(0).get("value").asString()).isEqualTo("ACCEPTED");
        assertThat(W3cClaims.items(new ExportedClaim("c5", "Alone", "alice", T, T, List.of(), null, List.of())))
                .as("a claim without members has no target").isEmpty();
    }

    @Test
    void aW3cImportPassesOverClaimItemsAndSaysSoWhenTheUploadHasNoClaimsFile() throws Exception {
        List<ExportedSource> corpus = GoldenFilesTest.corpus();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportArchive archive = new ExportArchive(out);
        try (ExportFormat.SourceWriter writer = w3c.open(archive)) {
            for (ExportedSource source : corpus) {
                writer.write(source);
            }
            writer.claims(List.of(claim()));
            writer.finish();
        }
        archive.endFiles();
        archive.finish("{}".getBytes(StandardCharsets.UTF_8));
        String jsonld = Zips.read(out.toByteArray()).get("corpus.jsonld");
        W3cModelRules.check(json.readTree(jsonld));
        List<ImportedSource> read = w3c.read(ImportFiles.of("corpus.jsonld", jsonld.getBytes(StandardCharsets.UTF_8),
                1 << 24, 10));
        assertThat(read.stream().mapToInt(s -> s.spans().size()).sum()).isEqualTo(7);
        assertThat(read.getFirst().ignored()).anyMatch(line -> line.endsWith(": 4 item(s) of claims, which are "
                + "imported from claims.jsonl, and the upload has none; left out."));
    }
}
