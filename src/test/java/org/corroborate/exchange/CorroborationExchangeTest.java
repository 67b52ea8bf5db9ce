package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.annotation.relation.RelationRequest;
import org.corroborate.annotation.relation.RelationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.claim.ClaimDetails;
import org.corroborate.claim.ClaimService;
import org.corroborate.claim.MemberOutcome;
import org.corroborate.claim.Stance;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relations and claims leave a project in an export and come back into a fresh one: the same
 * relations (type, ends, author), the same claims (statement, creator, members with their stances,
 * who added them and the supervisors' decisions), by JSON Lines and by brat; importing the same
 * file again changes nothing; the gold layer carries only accepted members; a doccano relation file
 * imports; and a bad file (a relation to a span it lacks, an unknown relation type, a relation whose
 * labels its type does not join, a claim member pointing at nothing) is refused with a clear
 * message, nothing stored.
 */
@WorkbenchTest
class CorroborationExchangeTest {

    @Autowired ImportService imports;
    @Autowired ExportService exports;
    @Autowired SourceService sources;
    @Autowired ProjectService projects;
    @Autowired AccountService accounts;
    @Autowired AnnotationService annotations;
    @Autowired RelationService relations;
    @Autowired ClaimService claims;
    @Autowired CurrentActor actor;
    @Autowired JsonMapper json;

    private static final String FIRST = "Mayor Lee said the pipes leak. Residents drink bottled water since May.";
    private static final String SECOND = "The utility denies that the pipes leak; water is safe, it says.";

    /** A project with a supervisor, two reviewers, two sources, spans, two relations and a claim. */
    private record Origin(long project, String supervisor, String ann, String bob) {}

    private long project(String name) {
        return actor.runAs("admin", Role.ADMIN, () -> projects.create(name, null)).id();
    }

    private long span(String who, long source, String text, String quote, String label) {
        int start = text.codePointCount(0, text.indexOf(quote));
        return actor.runAs(who, Role.REVIEWER, () -> annotations.create(source, AnnotationRequest.create(start,
                start + quote.codePointCount(0, quote.length()), label, Map.of(), null))).id();
    }

    private Origin origin(String prefix) {
        long project = project(prefix + " origin");
        TestAccounts people = new TestAccounts(accounts, projects, actor);
        String supervisor = prefix + "-sup";
        String ann = prefix + "-ann";
        String bob = prefix + "-bob";
        people.createIn(project, supervisor, Role.SUPERVISOR);
        people.createIn(project, ann, Role.REVIEWER);
        people.createIn(project, bob, Role.REVIEWER);
        long first = actor.runAs(supervisor, Role.SUPERVISOR, () -> sources.importText(project, "Week six",
                prefix + ": " + FIRST, null, null, "2026-03-01", null)).source().id();
        long second = actor.runAs(supervisor, Role.SUPERVISOR, () -> sources.importText(project, "Denial",
                prefix + ": " + SECOND, null, null, "2026-03-04", null)).source().id();
        long quote = span(ann, first, prefix + ": " + FIRST, "the pipes leak", "QUOTE");
        long mayor = span(ann, first, prefix + ": " + FIRST, "Mayor Lee", "FACT");
        long allegation = span(ann, first, prefix + ": " + FIRST, "Residents drink bottled water", "ALLEGATION");
        long denial = span(bob, second, prefix + ": " + SECOND, "the pipes leak", "QUOTE");
        long utility = span(bob, second, prefix + ": " + SECOND, "The utility", "FACT");
        actor.runAs(ann, Role.REVIEWER, () -> relations.create(new RelationRequest(quote, mayor, "said_by")));
        actor.runAs(ann, Role.REVIEWER, () -> relations.create(new RelationRequest(allegation, mayor, "made_by")));
        actor.runAs(bob, Role.REVIEWER, () -> relations.create(new RelationRequest(denial, utility, "said_by")));
        long claim = actor.runAs(ann, Role.REVIEWER, () -> claims.create(project, "The pipes leak")).id();
        actor.runAs(ann, Role.REVIEWER, () -> claims.addMember(claim, quote, Stance.SUPPORTS));
        actor.runAs(bob, Role.REVIEWER, () -> claims.addMember(claim, denial, Stance.CONTRADICTS));
        actor.runAs(supervisor, Role.SUPERVISOR, () -> claims.decide(claim, quote, MemberOutcome.ACCEPTED,
                "The mayor's own words"));
        actor.runAs(bob, Role.REVIEWER, () -> claims.create(project, "Nobody has said this yet"));
        return new Origin(project, supervisor, ann, bob);
    }

    private byte[] export(String who, long project, String format, String layer) {
        return actor.runAs(who, Role.SUPERVISOR, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exports.export(exports.request(project, format, layer, null, null, null), out,
                    ExportService.Progress.NONE);
            return out.toByteArray();
        });
    }

    /** A fresh project and a supervisor of it who imports. */
    private long target(String prefix, String importer) {
        long project = project(prefix + " " + importer);
        new TestAccounts(accounts, projects, actor).createIn(project, importer, Role.SUPERVISOR);
        return project;
    }

    private ImportReport importInto(long project, String importer, String format, String file, byte[] content) {
        return actor.runAs(importer, Role.SUPERVISOR, () -> imports.importCorpus(project, format, file, content,
                false));
    }

    /** The project's relations as lines: the spans they join (label, text, author), the type and the author. */
    private List<String> relationsOf(long project, String reader) {
        return actor.runAs(reader, Role.SUPERVISOR, () -> {
            List<String> lines = new ArrayList<>();
            for (SourceSummary source : sources.list(project)) {
                String text = sources.get(source.id()).text();
                Map<Long, AnnotationDetails> spans = new HashMap<>();
                annotations.visible(source.id(), null).forEach(a -> spans.put(a.id(), a));
                relations.visible(source.id()).forEach(r -> lines.add(describe(spans.get(r.from())) + " -" + r.type()
                        + "-> " + describe(spans.get(r.to())) + " by " + r.author()));
            }
            return lines.stream().sorted().toList();
        });
    }

    private static String describe(AnnotationDetails a) {
        return a.label() + " '" + a.text() + "' (" + a.author() + ")";
    }

    /** The project's claims as lines: statement, creator, and each member with stance, adder and decision. */
    private List<String> claimsOf(long project, String reader) {
        return actor.runAs(reader, Role.SUPERVISOR, () -> claims.all(project).stream().map(c -> c.statement()
                + " by " + c.createdBy() + ": " + c.members().stream().map(m -> m.label() + " '" + m.text() + "' ("
                + m.author() + ") " + m.stance() + " added by " + m.addedBy() + (m.decision() == null ? ""
                : " " + m.decision().outcome() + " by " + m.decision().decidedBy() + ": " + m.decision().reason()))
                .sorted().toList()).sorted().toList());
    }

    @Test
    void relationsAndClaimsComeBackIntoAFreshProjectByJsonLinesAndByBrat() {
        Origin origin = origin("xrt");
        List<String> expectedRelations = relationsOf(origin.project(), origin.supervisor());
        List<String> expectedClaims = claimsOf(origin.project(), origin.supervisor());
        assertThat(expectedRelations).hasSize(3);
        assertThat(expectedClaims).hasSize(2);

        for (String format : List.of("jsonl", "brat")) {
            String importer = "xrt-" + format;
            long target = target("xrt", importer);
            byte[] zip = export(origin.supervisor(), origin.project(), format, "all");
            ImportReport report = importInto(target, importer, format, "export.zip", zip);
            assertThat(report.relationsImported()).as(format).isEqualTo(3);
            assertThat(report.claimsImported()).as(format).isEqualTo(2);
            assertThat(report.conflicts()).as(format).isEmpty();
            assertThat(relationsOf(target, importer)).as(format).isEqualTo(expectedRelations);
            assertThat(claimsOf(target, importer)).as(format).isEqualTo(expectedClaims);

            ImportReport again = importInto(target, importer, format, "export.zip", zip);
            assertThat(again.relationsImported()).as(format + " again").isZero();
            assertThat(again.relationsUnchanged()).as(format + " again").isEqualTo(3);
            assertThat(again.claimsImported()).as(format + " again").isZero();
            assertThat(again.claimsUnchanged()).as(format + " again").isEqualTo(2);
            assertThat(again.conflicts()).as(format + " again").isEmpty();
            assertThat(claimsOf(target, importer)).as(format + " again").isEqualTo(expectedClaims);
        }
    }

    @Test
    void everyArchiveCarriesClaimsAndTheGoldLayerOnlyTheAcceptedMembers() throws Exception {
        Origin origin = origin("xgold");
        for (String format : List.of("jsonl", "brat", "w3c", "csv", "conll")) {
            Map<String, String> files = Zips.read(export(origin.supervisor(), origin.project(), format, "all"));
            List<String> lines = files.get("claims.jsonl").lines().toList();
            assertThat(lines).as(format).hasSize(2);
            JsonNode manifest = json.readTree(files.get("manifest.json"));
            assertThat(manifest.get("counts").get("claims").asInt()).as(format).isEqualTo(2);
            assertThat(manifest.get("counts").get("relations").asInt()).as(format).isEqualTo(3);
        }
        Map<String, String> gold = Zips.read(export(origin.supervisor(), origin.project(), "jsonl", "gold"));
        List<String> lines = gold.get("claims.jsonl").lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode claim = json.readTree(lines.getFirst());
        assertThat(claim.get("statement").asString()).isEqualTo("The pipes leak");
        assertThat(claim.get("members")).hasSize(1);
        assertThat(claim.get("members").get(0).get("decision").get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(claim.get("members").get(0).get("source").get("file").asString()).isEqualTo("corpus.jsonl");
        assertThat(json.readTree(gold.get("corpus.jsonl").lines().findFirst().orElseThrow()).get("relations"))
                .as("the gold layer has no relations").isEmpty();
    }

    @Test
    void inBlindSourcesAReviewerExportsOnlyTheirOwnRelationsAndClaimMembers() throws Exception {
        Origin origin = origin("xblind");
        actor.runAs(origin.supervisor(), Role.SUPERVISOR, () -> sources.setBlind(sources.list(origin.project())
                .stream().map(SourceSummary::id).toList(), true));
        Map<String, String> files = Zips.read(actor.runAs(origin.ann(), Role.REVIEWER, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exports.export(exports.request(origin.project(), "jsonl", "all", null, null, null), out,
                    ExportService.Progress.NONE);
            return out.toByteArray();
        }));
        List<String> types = new ArrayList<>();
        for (String line : files.get("corpus.jsonl").lines().toList()) {
            json.readTree(line).get("relations").forEach(r -> types.add(r.get("type").asString() + " by "
                    + r.get("author").asString()));
        }
        assertThat(types).containsExactlyInAnyOrder("said_by by xblind-ann", "made_by by xblind-ann");
        List<String> members = new ArrayList<>();
        for (String line : files.get("claims.jsonl").lines().toList()) {
            json.readTree(line).get("members").forEach(m -> members.add(m.get("span").get("author").asString()));
        }
        assertThat(members).containsExactly("xblind-ann");
    }

    @Test
    void aDoccanoRelationFileImportsItsSpansAndRelationsByTheImporter() {
        long target = target("xdoc", "xdoc-sup");
        String line = "{\"text\": \"xdoc: Mayor Lee said the pipes leak.\", \"entities\": [{\"id\": 10, \"label\": "
                + "\"QUOTE\", \"start_offset\": 21, \"end_offset\": 35}, {\"id\": 11, \"label\": \"FACT\", "
                + "\"start_offset\": 6, \"end_offset\": 15}], \"relations\": [{\"id\": 3, \"from_id\": 10, \"to_id\": "
                + "11, \"type\": \"said_by\"}]}\n";
        byte[] file = line.getBytes(StandardCharsets.UTF_8);
        ImportReport report = importInto(target, "xdoc-sup", "jsonl", "doccano.jsonl", file);
        assertThat(report.spansImported()).isEqualTo(2);
        assertThat(report.relationsImported()).isEqualTo(1);
        assertThat(report.ignored()).noneMatch(l -> l.contains("relations"));
        assertThat(relationsOf(target, "xdoc-sup")).containsExactly(
                "QUOTE 'the pipes leak' (xdoc-sup) -said_by-> FACT 'Mayor Lee' (xdoc-sup) by xdoc-sup");
        ImportReport again = importInto(target, "xdoc-sup", "jsonl", "doccano.jsonl", file);
        assertThat(again.relationsUnchanged()).isEqualTo(1);
        assertThat(again.relationsImported()).isZero();
    }

    private void refused(String prefix, String format, String file, byte[] content, String message) {
        String importer = prefix + "-sup";
        long target = target(prefix, importer);
        assertThatThrownBy(() -> importInto(target, importer, format, file, content))
                .isInstanceOf(WorkbenchException.class).hasMessage(message);
        assertThat(actor.runAs(importer, Role.SUPERVISOR, () -> sources.list(target))).as("nothing stored").isEmpty();
        assertThat(claimsOf(target, importer)).isEmpty();
    }

    @Test
    void aBratRelationToASpanTheFileLacksIsRefusedAndNothingIsStored() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("story.txt", "xbad1: Mayor Lee said the pipes leak.");
        files.put("story.ann", "T1\tQUOTE 22 36\tthe pipes leak\nR1\tsaid_by Arg1:T1 Arg2:T2\n");
        refused("xbad1", "brat", "story.zip", Zips.write(files), "story.ann, line 2: relation R1 names T2, which the "
                + "file has no T line for; a relation here joins two text-bound spans.");
    }

    @Test
    void anUnknownRelationTypeOrOneThatDoesNotFitItsLabelsIsRefusedAndNothingIsStored() {
        String unknown = "{\"text\": \"xbad2: Mayor Lee said the pipes leak.\", \"entities\": [{\"id\": 1, \"label\": "
                + "\"QUOTE\", \"start_offset\": 22, \"end_offset\": 36}, {\"id\": 2, \"label\": \"FACT\", "
                + "\"start_offset\": 7, \"end_offset\": 16}], \"relations\": [{\"id\": 7, \"from_id\": 1, \"to_id\": 2, "
                + "\"type\": \"cites\"}]}";
        refused("xbad2", "jsonl", "doccano.jsonl", unknown.getBytes(StandardCharsets.UTF_8), "doccano.jsonl, line 1: "
                + "Unknown relation type 'cites' in relation 7; the scheme has [against, made_by, said_by].");
        String backwards = unknown.replace("xbad2", "xbad3").replace("\"from_id\": 1, \"to_id\": 2",
                "\"from_id\": 2, \"to_id\": 1").replace("cites", "said_by");
        refused("xbad3", "jsonl", "doccano.jsonl", backwards.getBytes(StandardCharsets.UTF_8), "doccano.jsonl, line 1: "
                + "relation 7 (said_by) goes from a FACT span; said_by goes from [QUOTE].");
    }

    @Test
    void aClaimMemberPointingAtNothingIsRefusedAndNothingIsStored() {
        Map<String, String> files = new LinkedHashMap<>();
        String text = "xbad4: Mayor Lee said the pipes leak.";
        files.put("corpus.jsonl", "{\"text\": \"" + text + "\", \"spans\": [{\"id\": \"a1\", \"start\": 22, \"end\": "
                + "36, \"label\": \"QUOTE\", \"author\": \"alice\"}]}\n");
        String sha = org.corroborate.base.Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
        files.put("claims.jsonl", "{\"id\": \"c1\", \"statement\": \"The pipes leak\", \"createdBy\": \"alice\", "
                + "\"members\": [{\"source\": {\"sha256\": \"" + sha + "\", \"title\": \"Story\"}, \"span\": {\"start\": "
                + "22, \"end\": 36, \"label\": \"QUOTE\", \"author\": \"alice\"}, \"stance\": \"SUPPORTS\"}, "
                + "{\"source\": {\"sha256\": \"" + sha + "\", \"title\": \"Story\"}, \"span\": {\"start\": 7, \"end\": "
                + "16, \"label\": \"FACT\", \"author\": \"alice\"}, \"stance\": \"SUPPORTS\"}]}\n");
        refused("xbad4", "jsonl", "export.zip", Zips.write(files), "claims.jsonl, line 1: member 2 of claim c1 points "
                + "at a FACT span at 7..16 by alice in the source 'Story' (urn:sha256:" + sha + "), which neither the "
                + "upload nor the workbench holds.");
    }
}
