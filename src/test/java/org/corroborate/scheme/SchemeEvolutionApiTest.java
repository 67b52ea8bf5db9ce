package org.corroborate.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.corroborate.WorkbenchTest;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.corroborate.testing.TestAccounts;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.security.AccountService;
import org.corroborate.security.NewAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A project's scheme changed through the API: renames migrate annotations and gold spans, dropping
 * what is in use is refused with counts, mappings and archives are the way out, and a corpus
 * annotated under version 1 still works everywhere after three changes. Each test makes its own
 * project, so the shared demo project's scheme never changes under other tests.
 */
@WorkbenchTest
class SchemeEvolutionApiTest {

    private static final AtomicInteger PROJECTS = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired CurrentActor actor;

    Api api;
    /** This test's supervisor and reviewers: accounts of its own, so no demo account gains a project. */
    String sam;
    String alice;
    String bob;

    @BeforeEach
    void fixture() {
        api = new Api(mvc, json);
        int n = PROJECTS.incrementAndGet();
        sam = account("schemesup" + n);
        alice = account("schemerevone" + n);
        bob = account("schemerevtwo" + n);
    }

    private String account(String username) {
        actor.runAs("admin", Role.ADMIN, () -> accounts.create(new NewAccount(username, "Test " + username,
                TestAccounts.PASSWORD, EnumSet.noneOf(Role.class))));
        return username;
    }

    /** A project of the test's own: its supervisor, two reviewers, and carol nowhere; its id. */
    long project() throws Exception {
        String name = "Scheme evolution " + PROJECTS.get() + " " + System.nanoTime();
        long id = api.id(api.post("admin", "/api/projects", Map.of("name", name, "description", "scheme tests"))
                .andExpect(status().isCreated()));
        api.put("admin", "/api/projects/" + id + "/members", List.of(
                Map.of("username", sam, "roles", List.of("SUPERVISOR")),
                Map.of("username", alice, "roles", List.of("REVIEWER")),
                Map.of("username", bob, "roles", List.of("REVIEWER")))).andExpect(status().isOk());
        return id;
    }

    long source(long project, String text) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", text.substring(0, 30));
        body.put("text", text);
        body.put("project", project);
        return api.id(api.post("admin", "/api/sources", body).andExpect(status().isCreated()));
    }

    ObjectNode scheme(String who, long project) throws Exception {
        return (ObjectNode) api.read(api.get(who, "/api/projects/" + project + "/scheme").andExpect(status().isOk()));
    }

    ResultActions put(String who, long project, JsonNode body) throws Exception {
        return api.perform(who, MockMvcRequestBuilders.put("/api/projects/" + project + "/scheme")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    static ObjectNode label(ObjectNode scheme, String name) {
        for (JsonNode label : scheme.get("labels").values()) {
            if (label.get("name").asString().equals(name)) {
                return (ObjectNode) label;
            }
        }
        throw new AssertionError("no label " + name);
    }

    static ObjectNode attribute(ObjectNode label, String name) {
        for (JsonNode attribute : label.get("attributes").values()) {
            if (attribute.get("name").asString().equals(name)) {
                return (ObjectNode) attribute;
            }
        }
        throw new AssertionError("no attribute " + name);
    }

    JsonNode annotation(String who, long id) throws Exception {
        return api.read(api.get(who, "/api/annotations/" + id).andExpect(status().isOk()));
    }

    @Test
    void aNewProjectStartsWithTheTemplateAsVersionOne() throws Exception {
        long project = project();
        ObjectNode scheme = scheme(alice, project);
        assertThat(scheme.get("schemeVersion").asInt()).isEqualTo(1);
        assertThat(scheme.get("name").asString()).isEqualTo("corroborate-default");
        assertThat(scheme.get("labels").values()).extracting(l -> l.get("name").asString())
                .containsExactly("FACT", "QUOTE", "ALLEGATION");
        JsonNode versions = api.read(api.get(alice, "/api/projects/" + project + "/scheme/versions"));
        assertThat(versions.size()).isEqualTo(1);
        assertThat(versions.get(0).get("createdBy").asString()).isEqualTo("admin");
        JsonNode main = api.read(api.get("sam", "/api/projects/1/scheme/versions"));
        assertThat(main.get(0).get("createdBy").asString()).as("the default project's version 1 came at start-up")
                .isEqualTo("system");
        // Sent back unchanged, nothing changes.
        assertThat(api.read(put(sam, project, scheme).andExpect(status().isOk())).get("schemeVersion").asInt())
                .isEqualTo(1);
    }

    @Test
    void longDescriptionsCanBeSavedAndEditedAgainWithoutAReason() throws Exception {
        // The history of migrated spans records what the change did; a long change must still fit, and a
        // person's own reason is checked as they gave it.
        long project = project();
        ObjectNode scheme = scheme(sam, project);
        label(scheme, "FACT").put("description", "Careful guidance on what a fact is. ".repeat(60));
        put(sam, project, scheme).andExpect(status().isOk());
        scheme = scheme(sam, project);
        label(scheme, "FACT").put("description", label(scheme, "FACT").get("description").asString() + " Typo fixed.");
        label(scheme, "QUOTE").put("description", "Quoted words, and only those. ".repeat(60));
        put(sam, project, scheme).andExpect(status().isOk());
        scheme = scheme(sam, project);
        label(scheme, "FACT").put("description", "Short again.");
        scheme.put("reason", "bad\u0001");
        JsonNode refused = api.read(put(sam, project, scheme).andExpect(status().isBadRequest()));
        assertThat(refused.get("message").asString()).contains("U+0001 at position 4");
    }

    @Test
    void onlyMembersSeeItAndOnlyOverseersChangeIt() throws Exception {
        long project = project();
        ObjectNode scheme = scheme(sam, project);
        api.get("carol", "/api/projects/" + project + "/scheme").andExpect(status().isNotFound());
        api.get("carol", "/api/projects/" + project + "/scheme/versions").andExpect(status().isNotFound());
        put("carol", project, scheme).andExpect(status().isNotFound());
        label(scheme, "FACT").put("color", "#00ff00");
        put(alice, project, scheme).andExpect(status().isForbidden());
        api.get(alice, "/api/projects/" + project + "/scheme/versions/9").andExpect(status().isNotFound());
        ObjectNode bad = scheme.deepCopy();
        label(bad, "FACT").put("color", "green");
        bad.remove("schemeVersion");
        JsonNode refused = api.read(put(sam, project, bad).andExpect(status().isBadRequest()));
        assertThat(refused.get("details").get("problems").values()).extracting(JsonNode::asString).containsExactly(
                "'schemeVersion' is required: the version number your edit started from (GET gives it)",
                "label 'FACT': 'color' must be #rrggbb, found 'green'");
        assertThat(api.read(put("admin", project, scheme).andExpect(status().isOk())).get("schemeVersion").asInt())
                .isEqualTo(2);
        JsonNode stale = api.read(put(sam, project, scheme).andExpect(status().isConflict()));
        assertThat(stale.get("message").asString()).startsWith("The scheme is at version 2, but your change was "
                + "made to version 1");
    }

    @Test
    void aCorpusAnnotatedUnderVersionOneSurvivesThreeChanges() throws Exception {
        long project = project();
        String text = "Scheme evolution: the mayor said “we will fix it” and the council accused Harwick Water "
                + "of hiding the lead results in 2024.";
        long source = source(project, text);
        Corpus corpus = new Corpus(api);
        long quote = corpus.annotate(alice, source, text, "we will fix it", "QUOTE", Map.of("speaker", "the mayor"), null);
        long fact = corpus.annotate(alice, source, text, "2024", "FACT", Map.of(), null);
        long alleged = corpus.annotate(alice, source, text, "Harwick Water of hiding the lead results", "ALLEGATION",
                Map.of("allegedBy", "the council", "allegedAgainst", "Harwick Water"), null);
        long bobs = corpus.annotate(bob, source, text, "Harwick Water of hiding the lead results", "ALLEGATION",
                Map.of("allegedBy", "the council"), null);
        long other = corpus.annotate(alice, source, text, "hiding the lead results", "ALLEGATION",
                Map.of("allegedBy", "the council"), null);
        api.post(sam, "/api/sources/" + source + "/decisions", Map.of("annotationIds", List.of(alleged, bobs),
                "outcome", "ACCEPTED", "from", alleged, "reason", "Both saw the allegation."))
                .andExpect(status().isCreated());
        assertThat(annotation(alice, quote).get("schemeVersion").asInt()).isEqualTo(1);

        // Version 2: ALLEGATION becomes CLAIM, a quote's speaker its source.
        ObjectNode scheme = scheme(sam, project);
        label(scheme, "ALLEGATION").put("renamedFrom", "ALLEGATION").put("name", "CLAIM").put("title", "Claim");
        attribute(label(scheme, "QUOTE"), "speaker").put("renamedFrom", "speaker").put("name", "source");
        scheme.put("version", "1.1.0").put("reason", "Claims are not always allegations.");
        JsonNode two = api.read(put(sam, project, scheme).andExpect(status().isOk()));
        assertThat(two.get("schemeVersion").asInt()).isEqualTo(2);
        assertThat(two.get("changes").values()).extracting(JsonNode::asString).containsExactly(
                "scheme version '1.0.0' → '1.1.0'", "attribute QUOTE.speaker renamed to source",
                "label ALLEGATION renamed to CLAIM", "label CLAIM: title 'Allegation' → 'Claim'");
        assertThat(two.get("summary").asString()).endsWith("; migrated 4 annotations, 1 gold span");
        JsonNode claim = annotation(alice, alleged);
        assertThat(claim.get("label").asString()).isEqualTo("CLAIM");
        assertThat(claim.get("schemeVersion").asInt()).isEqualTo(2);
        assertThat(claim.get("attributes").get("allegedBy").asString()).isEqualTo("the council");
        assertThat(annotation(alice, quote).get("attributes").get("source").asString()).isEqualTo("the mayor");
        assertThat(annotation(alice, fact).get("schemeVersion").asInt()).isEqualTo(1);
        JsonNode gold = api.read(api.get(sam, "/api/sources/" + source + "/annotations?layer=gold"));
        assertThat(gold.toString()).contains("\"CLAIM\"").doesNotContain("ALLEGATION");
        JsonNode history = api.read(api.get(alice, "/api/annotations/" + alleged + "/history"));
        assertThat(history.toString()).contains("scheme version 2: ");
        JsonNode audit = api.read(api.get(sam, "/api/audit?action=scheme.changed&size=50"));
        assertThat(audit.toString()).contains("Claims are not always allegations.").contains("\"migrated\":{\"annotations\":4,\"gold spans\":1}");

        // Version 3 would drop CLAIM, which is in use: refused with the counts; archived instead.
        ObjectNode withoutClaim = scheme(sam, project);
        ArrayNode labels = (ArrayNode) withoutClaim.get("labels");
        labels.remove(2);
        JsonNode refused = api.read(put(sam, project, withoutClaim).andExpect(status().isConflict()));
        assertThat(refused.get("message").asString()).startsWith("The change would remove what is in use: label CLAIM "
                + "is used by 3 annotations and 1 gold span.");
        assertThat(refused.get("details").get("inUse").get("label CLAIM").get("annotations").asInt()).isEqualTo(3);
        ObjectNode archived = scheme(sam, project);
        label(archived, "CLAIM").put("archived", true);
        assertThat(api.read(put(sam, project, archived).andExpect(status().isOk())).get("schemeVersion").asInt())
                .isEqualTo(3);
        api.post(alice, "/api/sources/" + source + "/annotations", Map.of("start", 0, "end", 6, "label", "CLAIM"))
                .andExpect(status().isBadRequest());
        // An archived label stays on the span when it is changed (a decided one stays as it was judged).
        api.put(alice, "/api/annotations/" + other, Map.of("version", annotation(alice, other).get("version").asLong(),
                "note", "still a claim")).andExpect(status().isOk());
        assertThat(annotation(alice, other).get("label").asString()).isEqualTo("CLAIM");
        assertThat(annotation(alice, other).get("schemeVersion").asInt()).isEqualTo(3);

        // Version 4: FACT mapped into QUOTE, and quotes get a required yes/no question.
        ObjectNode four = scheme(sam, project);
        ((ArrayNode) four.get("labels")).remove(0);
        ((ArrayNode) label(four, "QUOTE").get("attributes")).addObject().put("name", "onRecord")
                .put("title", "On the record").put("type", "yesno").put("required", true);
        four.putObject("mappings").putObject("labels").put("FACT", "QUOTE");
        JsonNode v4 = api.read(put(sam, project, four).andExpect(status().isOk()));
        assertThat(v4.get("summary").asString()).contains("label FACT removed, its spans mapped to QUOTE")
                .contains("attribute QUOTE.onRecord added");
        assertThat(annotation(alice, fact).get("label").asString()).isEqualTo("QUOTE");
        JsonNode oldQuote = annotation(alice, quote);
        api.put(alice, "/api/annotations/" + quote, Map.of("version", oldQuote.get("version").asLong(),
                "note", "checked")).andExpect(status().isBadRequest());
        corpus.annotate(bob, source, text, "the council", "QUOTE", Map.of("onRecord", "yes"), null);

        JsonNode versions = api.read(api.get(alice, "/api/projects/" + project + "/scheme/versions"));
        assertThat(versions.size()).isEqualTo(4);
        assertThat(versions.get(2).get("summary").asString()).isEqualTo("label CLAIM archived");
        JsonNode second = api.read(api.get(alice, "/api/projects/" + project + "/scheme/versions/2"));
        assertThat(second.get("scheme").get("labels").get(2).get("name").asString()).isEqualTo("CLAIM");

        // Every screen's data and every format still works over spans made under versions 1 to 4.
        api.get(sam, "/api/sources/" + source + "/units").andExpect(status().isOk());
        api.get(sam, "/api/agreement?source=" + source).andExpect(status().isOk());
        for (String format : List.of("jsonl", "brat", "conll", "w3c", "csv")) {
            Map<String, String> files = unzip(new Corpus(api).export(sam, "format=" + format + "&project=" + project));
            JsonNode manifest = json.readTree(files.get("manifest.json"));
            assertThat(manifest.get("project").get("id").asLong()).as(format).isEqualTo(project);
            assertThat(manifest.get("scheme").get("schemeVersion").asInt()).as(format).isEqualTo(4);
            assertThat(manifest.get("scheme").get("changes").size()).as(format).isEqualTo(3);
            if (format.equals("brat")) {
                String conf = files.get("annotation.conf");
                assertThat(conf).contains("\nCLAIM\n").contains("onRecord\tArg:QUOTE, Value:yes|no");
                String ann = files.get("source-" + source + ".ann");
                assertThat(ann).contains("\tCLAIM ");
            }
        }
    }

    @Test
    void removingAnUnusedLabelNeedsNoMappingAndAMappedAttributeMovesItsValues() throws Exception {
        long project = project();
        String text = "Scheme evolution, attributes: the minister said “nothing was hidden” yesterday.";
        long source = source(project, text);
        long quote = new Corpus(api).annotate(alice, source, text, "nothing was hidden", "QUOTE",
                Map.of("speaker", "the minister"), null);
        ObjectNode scheme = scheme(sam, project);
        ArrayNode attributes = (ArrayNode) label(scheme, "QUOTE").get("attributes");
        attributes.remove(0);
        attributes.addObject().put("name", "voice").put("title", "Voice").put("type", "agent");
        JsonNode refused = api.read(put(sam, project, scheme).andExpect(status().isConflict()));
        assertThat(refused.get("message").asString()).contains("attribute QUOTE.speaker is used by 1 annotation");
        scheme.putObject("mappings").putObject("attributes").putObject("QUOTE").put("speaker", "voice");
        ((ArrayNode) scheme.get("labels")).remove(0); // FACT: nobody uses it here
        JsonNode changed = api.read(put(sam, project, scheme).andExpect(status().isOk()));
        assertThat(changed.get("changes").values()).extracting(JsonNode::asString).contains(
                "label FACT removed", "attribute QUOTE.speaker removed, its values mapped to QUOTE.voice");
        assertThat(annotation(alice, quote).get("attributes").get("voice").asString()).isEqualTo("the minister");
    }

    @Test
    void narrowingAnAttributesTypeIsRefusedWhileSpansHoldValuesItWouldRefuse() throws Exception {
        long project = project();
        String text = "Scheme evolution, types: the minister said “the pipes were replaced” on Monday.";
        long source = source(project, text);
        long quote = new Corpus(api).annotate(alice, source, text, "the pipes were replaced", "QUOTE",
                Map.of("speaker", "minister"), null);
        ObjectNode scheme = scheme(sam, project);
        ObjectNode speaker = attribute(label(scheme, "QUOTE"), "speaker");
        speaker.put("type", "choice");
        speaker.putArray("values").add("mayor").add("council");
        JsonNode refused = api.read(put(sam, project, scheme).andExpect(status().isConflict()));
        assertThat(refused.get("message").asString()).contains(
                "attribute QUOTE.speaker, value 'minister' on 1 annotation").contains("nothing was changed");
        assertThat(refused.get("details").get("misfits").get("attribute QUOTE.speaker, value 'minister'")
                .get("annotations").asLong()).isEqualTo(1);
        assertThat(scheme(sam, project).get("schemeVersion").asInt()).isEqualTo(1);
        assertThat(annotation(alice, quote).get("attributes").get("speaker").asString()).isEqualTo("minister");

        ((ArrayNode) speaker.get("values")).add("minister");
        assertThat(api.read(put(sam, project, scheme).andExpect(status().isOk())).get("schemeVersion").asInt())
                .isEqualTo(2);
        assertThat(annotation(alice, quote).get("attributes").get("speaker").asString()).isEqualTo("minister");
    }

    static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
