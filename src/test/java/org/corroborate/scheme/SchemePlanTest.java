package org.corroborate.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.corroborate.base.WorkbenchException;
import org.junit.jupiter.api.Test;

/** A proposed scheme read against the current one: renames, mappings, archives, drops and the diff. */
class SchemePlanTest {

    static LabelScheme shipped() throws Exception {
        return SchemeReader.read("annotations/scheme.json", Files.readString(Path.of("annotations/scheme.json")));
    }

    static SchemeProposal propose(String json) {
        return SchemeProposal.read(json);
    }

    /** The shipped scheme as JSON with its version number, for editing in a test. */
    static String shippedJson(int schemeVersion) throws Exception {
        String json = SchemeReader.write(shipped());
        return "{\"schemeVersion\": " + schemeVersion + ", " + json.strip().substring(1);
    }

    @Test
    void theShippedSchemeWrittenAndReadBackIsTheSame() throws Exception {
        SchemeProposal same = propose(shippedJson(1));
        assertThat(same.scheme()).isEqualTo(shipped());
        assertThat(same.basedOn()).isEqualTo(1);
        SchemePlan plan = SchemePlan.of(shipped(), same);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.diff().isEmpty()).isTrue();
        assertThat(plan.diff().summary()).isEqualTo("no change");
        assertThat(plan.migration().isEmpty()).isTrue();
        assertThat(SchemeReader.write(shipped())).doesNotContain("archived").doesNotContain("renamedFrom");
    }

    @Test
    void renamesAreExplicitAndMigrateLabelsAndAttributes() throws Exception {
        String json = shippedJson(1)
                .replace("\"name\" : \"ALLEGATION\"", "\"name\" : \"CLAIM\", \"renamedFrom\" : \"ALLEGATION\"")
                .replace("\"name\" : \"speaker\"", "\"name\" : \"source\", \"renamedFrom\" : \"speaker\"")
                .replace("\"version\" : \"1.0.0\"", "\"version\" : \"1.1.0\"");
        SchemePlan plan = SchemePlan.of(shipped(), propose(json));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.diff().entries()).extracting(SchemeDiff.Entry::text).containsExactly(
                "scheme version '1.0.0' → '1.1.0'",
                "attribute QUOTE.speaker renamed to source",
                "label ALLEGATION renamed to CLAIM");
        assertThat(plan.migration().labels()).isEqualTo(Map.of("ALLEGATION", "CLAIM"));
        assertThat(plan.migration().attributes()).isEqualTo(Map.of("QUOTE", Map.of("speaker", "source")));
        assertThat(plan.droppedLabels()).isEmpty();
        assertThat(plan.droppedAttributes()).isEmpty();
        SchemeMigration.Moved quote = plan.migration().apply("QUOTE", Map.of("speaker", "Ana"), "annotation 1");
        assertThat(quote.label()).isEqualTo("QUOTE");
        assertThat(quote.attributes()).isEqualTo(Map.of("source", "Ana"));
        SchemeMigration.Moved claim = plan.migration().apply("ALLEGATION", Map.of("allegedBy", "Bo"), "annotation 2");
        assertThat(claim.label()).isEqualTo("CLAIM");
        assertThat(claim.attributes()).isEqualTo(Map.of("allegedBy", "Bo"));
        assertThat(plan.migration().apply("FACT", Map.of(), "annotation 3")).isNull();
    }

    @Test
    void removingWithoutAMappingIsADropAndAMappingMovesTheSpans() throws Exception {
        LabelScheme current = shipped();
        String withoutAllegation = SchemeReader.write(new LabelScheme(current.name(), current.version(),
                current.description(), current.labels().subList(0, 2), current.relations().stream()
                .filter(r -> !r.from().contains("ALLEGATION")).toList()));
        String body = "{\"schemeVersion\": 2, " + withoutAllegation.strip().substring(1);
        SchemePlan dropped = SchemePlan.of(current, propose(body));
        assertThat(dropped.droppedLabels()).containsExactly("ALLEGATION");
        assertThat(dropped.diff().summary()).isEqualTo("label ALLEGATION removed; relation type made_by removed; "
                + "relation type against removed");
        assertThat(dropped.droppedRelations()).containsExactly("made_by", "against");

        String mapped = body.replaceFirst("\\{", "{\"mappings\": {\"labels\": {\"ALLEGATION\": \"QUOTE\"}, "
                + "\"attributes\": {\"ALLEGATION\": {\"allegedBy\": \"speaker\"}}}, ");
        SchemePlan plan = SchemePlan.of(current, propose(mapped));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.droppedLabels()).isEmpty();
        assertThat(plan.diff().entries()).extracting(SchemeDiff.Entry::text).containsExactly(
                "label ALLEGATION removed, its spans mapped to QUOTE",
                "attribute ALLEGATION.allegedBy removed, its values mapped to QUOTE.speaker",
                "relation type made_by removed", "relation type against removed");
        SchemeMigration.Moved moved = plan.migration().apply("ALLEGATION",
                Map.of("allegedBy", "Bo", "allegedAgainst", "Cy"), "annotation 4");
        // A value the new label does not declare stays on the span: nothing is lost.
        assertThat(moved).isEqualTo(new SchemeMigration.Moved("QUOTE", Map.of("speaker", "Bo", "allegedAgainst", "Cy")));
    }

    @Test
    void archivingKeepsTheLabelAndIsNoDrop() throws Exception {
        String json = shippedJson(1).replace("\"hotkey\" : \"3\",", "\"hotkey\" : \"3\", \"archived\" : true,");
        SchemeProposal proposal = propose(json);
        assertThat(proposal.scheme().label("ALLEGATION").orElseThrow().archived()).isTrue();
        assertThat(proposal.scheme().offered()).extracting(LabelScheme.Label::name).containsExactly("FACT", "QUOTE");
        SchemePlan plan = SchemePlan.of(shipped(), proposal);
        assertThat(plan.droppedLabels()).isEmpty();
        assertThat(plan.diff().summary()).isEqualTo("label ALLEGATION archived");
        assertThat(SchemeReader.write(proposal.scheme())).contains("\"archived\" : true");
    }

    @Test
    void changedFieldsAndAttributesAreListed() throws Exception {
        String json = shippedJson(1)
                .replace("\"color\" : \"#1565c0\"", "\"color\" : \"#0d47a1\"")
                .replace("\"hotkey\" : \"1\"", "\"hotkey\" : \"f\"")
                .replace("\"attributes\" : [ ]", "\"attributes\" : [ {\"name\": \"onRecord\", \"title\": \"On the record\", "
                        + "\"type\": \"yesno\", \"required\": true} ]")
                .replaceAll("(\"name\" : \"allegedAgainst\",[^}]*)\"required\" : false,([^}]*)\"type\" : \"text\"",
                        "$1\"required\" : true,$2\"type\" : \"agent\"")
                .replace("\"required\" : false\n        }, {", "\"required\" : false, \"archived\" : true\n        }, {");
        SchemePlan plan = SchemePlan.of(shipped(), propose(json));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.diff().entries()).extracting(SchemeDiff.Entry::text).contains(
                "label FACT: hotkey '1' → 'f'",
                "attribute FACT.onRecord added",
                "label QUOTE: colour '#1565c0' → '#0d47a1'",
                "ALLEGATION.allegedAgainst: type 'text' → 'agent'",
                "ALLEGATION.allegedAgainst: required 'false' → 'true'");
    }

    @Test
    void badInstructionsAreProblems() throws Exception {
        String json = shippedJson(1)
                .replace("\"name\" : \"ALLEGATION\"", "\"name\" : \"CLAIM\", \"renamedFrom\" : \"RUMOUR\"")
                .replace("\"name\" : \"speaker\"", "\"name\" : \"source\", \"renamedFrom\" : \"voice\"")
                .replaceFirst("\\{", "{\"mappings\": {\"labels\": {\"FACT\": \"NOPE\"}}, ");
        SchemePlan plan = SchemePlan.of(shipped(), propose(json));
        assertThat(plan.problems()).containsExactlyInAnyOrder(
                "label 'CLAIM' is renamed from 'RUMOUR', which the current version does not have",
                "label 'QUOTE': attribute 'source' is renamed from 'voice', which QUOTE does not have",
                "'mappings.labels' maps 'FACT', which the new version keeps (as 'FACT'); only a removed label can be mapped");
    }

    @Test
    void theProposalNeedsItsVersionAndListsEveryProblem() {
        assertThatThrownBy(() -> propose("{\"name\": \"\", \"version\": \"1\", \"labels\": [], \"mappings\": 3}"))
                .isInstanceOf(InvalidSchemeException.class)
                .satisfies(e -> assertThat(((InvalidSchemeException) e).problems()).containsExactlyInAnyOrder(
                        "'schemeVersion' is required: the version number your edit started from (GET gives it)",
                        "'mappings' must be an object: {\"labels\": {...}, \"attributes\": {...}}",
                        "'name' is missing",
                        "'version' must look like 1.0.0, found '1'",
                        "'labels' must list at least one label"));
        assertThatThrownBy(() -> propose("[]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> propose("{\"schemeVersion\": 1, \"schemeVersion\": 2}"))
                .hasMessageContaining("'schemeVersion' appears more than once");
    }

    @Test
    void aSchemeWithEveryLabelArchivedIsRefused() {
        assertThatThrownBy(() -> SchemeReader.read("x.json", """
                {"name": "a", "version": "1.0.0", "labels": [
                  {"name": "FACT", "title": "Fact", "color": "#2e7d32", "attributes": [], "archived": true}]}
                """)).hasMessageContaining("at least one label must not be archived");
    }

    @Test
    void twoAttributesMovedOntoOneWithDifferentValuesIsAConflict() {
        SchemeMigration migration = new SchemeMigration(Map.of(), Map.of("QUOTE", Map.of("speaker", "source")));
        assertThatThrownBy(() -> migration.apply("QUOTE", Map.of("speaker", "Ana", "source", "Bo"), "annotation 9"))
                .isInstanceOf(WorkbenchException.class)
                .hasMessageStartingWith("annotation 9 has the values");
        assertThat(migration.apply("QUOTE", Map.of("speaker", "Ana", "source", "Ana"), "annotation 9").attributes())
                .isEqualTo(Map.of("source", "Ana"));
        assertThat(List.of(migration.touches("QUOTE"), migration.touches("FACT"))).containsExactly(true, false);
    }
}
