package org.corroborate.annotation.version;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.testing.Api;
import org.corroborate.testing.Corpus;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/sources/{id}/versions}, {@code GET /api/sources/{id}/versions[/{n}]}: a revised text
 * becomes the source's next version, every author's annotations are re-anchored, each moved, changed or
 * orphaned one is reported and audited with the relations and claim memberships touching it; earlier
 * versions stay readable; a stale or bad request changes nothing.
 */
@WorkbenchTest
class SourceVersionApiTest {

    private static final String RIA = "ver-ria";
    private static final String TOM = "ver-tom";
    private static final String SUE = "ver-sue";
    private static final String OUTSIDER = "ver-out";
    private static final String TEXT = "The inquest opened on Monday. The coroner heard from three witnesses. "
            + "Mayor Ines Calder said the pipes were new. The council hid the leak, said the union.";
    private static Long project;

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired CurrentActor actor;
    Api api;
    Corpus corpus;
    private final Map<Long, String> texts = new HashMap<>();

    @BeforeEach
    void fixture() throws Exception {
        api = new Api(mvc, json);
        corpus = new Corpus(api);
        if (project == null) {
            TestAccounts people = new TestAccounts(accounts, projects, actor);
            people.create(RIA);
            people.create(TOM);
            people.create(SUE);
            people.create(OUTSIDER);
            project = api.id(api.post("admin", "/api/projects", Map.of("name", "Versions test",
                    "description", "Revised texts")));
            api.put("admin", "/api/projects/" + project + "/members", List.of(
                    Map.of("username", RIA, "roles", List.of("REVIEWER")),
                    Map.of("username", TOM, "roles", List.of("REVIEWER")),
                    Map.of("username", SUE, "roles", List.of("SUPERVISOR")))).andExpect(status().isOk());
        }
    }

    private long source(String title) throws Exception {
        String text = title + ". " + TEXT;
        long id = api.id(api.post(SUE, "/api/sources", Map.of("project", project, "title", title, "text", text)));
        texts.put(id, text);
        return id;
    }

    private long annotate(String who, long source, String quote, String label) throws Exception {
        return corpus.annotate(who, source, texts.get(source), quote, label, Map.of(), null);
    }

    private org.springframework.test.web.servlet.ResultActions revise(String who, long source, String text,
                                                                       Integer basedOn) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        if (basedOn != null) {
            body.put("basedOn", basedOn);
        }
        body.put("note", "Corrected by the publisher");
        return api.post(who, "/api/sources/" + source + "/versions", body);
    }

    private JsonNode annotation(String who, long id) throws Exception {
        return api.read(api.get(who, "/api/annotations/" + id).andExpect(status().isOk()));
    }

    private static int cp(String text, String quote) {
        return text.codePointCount(0, text.indexOf(quote));
    }

    @Test
    void aRevisionReanchorsEveryAuthorsAnnotationsAndReportsAndAuditsThem() throws Exception {
        long source = source("Revised");
        String old = texts.get(source);
        long moved = annotate(RIA, source, "three witnesses", "FACT");
        long changed = annotate(TOM, source, "Mayor Ines Calder said the pipes were new.", "QUOTE");
        long orphan = annotate(RIA, source, "The council hid the leak", "FACT");
        long unchanged = annotate(TOM, source, "inquest opened", "FACT");
        long relation = api.id(api.post(TOM, "/api/relations", Map.of("from", changed, "to", unchanged,
                "type", "said_by")).andExpect(status().isCreated()));
        long claim = api.id(api.post(SUE, "/api/claims", Map.of("project", project,
                "statement", "The council hid a leak")).andExpect(status().isCreated()));
        api.post(SUE, "/api/claims/" + claim + "/members", Map.of("annotation", orphan, "stance", "SUPPORTS"))
                .andExpect(status().is2xxSuccessful());

        String revised = old.replace("The coroner heard", "On Tuesday the coroner heard")
                .replace("Mayor Ines Calder said the pipes were new.",
                        "Mayor Ines Calder said the old pipes were new.")
                .replace("The council hid the leak, said the union.", "Nobody spoke for the union.");
        JsonNode report = api.read(revise(SUE, source, revised, 1).andExpect(status().isCreated()));

        assertThat(report.get("version").get("number").asInt()).isEqualTo(2);
        assertThat(report.get("previousVersion").asInt()).isEqualTo(1);
        JsonNode counts = report.get("counts");
        assertThat(counts.get("unchanged").asInt()).isEqualTo(1);
        assertThat(counts.get("moved").asInt()).isEqualTo(1);
        assertThat(counts.get("changed").asInt()).isEqualTo(1);
        assertThat(counts.get("orphaned").asInt()).isEqualTo(1);
        Map<Long, String> outcomes = new HashMap<>();
        report.get("annotations").forEach(a -> outcomes.put(a.get("id").asLong(), a.get("outcome").asString()));
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(moved, "MOVED", changed, "CHANGED",
                orphan, "ORPHANED"));
        assertThat(report.get("relations")).hasSize(1);
        assertThat(report.get("relations").get(0).get("id").asLong()).isEqualTo(relation);
        assertThat(report.get("relations").get(0).get("fromOutcome").asString()).isEqualTo("CHANGED");
        assertThat(report.get("memberships")).hasSize(1);
        assertThat(report.get("memberships").get(0).get("claim").asLong()).isEqualTo(claim);
        assertThat(report.get("memberships").get(0).get("outcome").asString()).isEqualTo("ORPHANED");

        JsonNode movedNow = annotation(RIA, moved);
        assertThat(movedNow.get("start").asInt()).isEqualTo(cp(revised, "three witnesses"));
        assertThat(movedNow.get("text").asString()).isEqualTo("three witnesses");
        assertThat(movedNow.get("anchorState").asString()).isEqualTo("anchored");
        JsonNode changedNow = annotation(TOM, changed);
        assertThat(changedNow.get("text").asString()).isEqualTo("Mayor Ines Calder said the old pipes were new.");
        JsonNode orphanNow = annotation(RIA, orphan);
        assertThat(orphanNow.get("anchorState").asString()).isEqualTo("orphaned");
        assertThat(orphanNow.get("start").asInt()).isEqualTo(cp(old, "The council hid the leak"));
        assertThat(orphanNow.get("text").asString()).isEqualTo("The council hid the leak");
        assertThat(annotation(TOM, unchanged).get("version").asLong()).isZero();

        JsonNode current = api.read(api.get(RIA, "/api/sources/" + source));
        assertThat(current.get("text").asString()).isEqualTo(revised);
        JsonNode events = api.read(api.get(SUE, "/api/audit?action=annotation.reanchored&source=" + source))
                .get("events");
        assertThat(events).hasSize(3);
        assertThat(events.get(0).get("actor").asString()).isEqualTo(SUE);
        JsonNode added = api.read(api.get(SUE, "/api/audit?action=source.version.added&source=" + source))
                .get("events");
        assertThat(added).hasSize(1);
        assertThat(added.get(0).get("reason").asString()).isEqualTo("Corrected by the publisher");

        // The orphan is re-anchored by hand with an ordinary span update.
        int start = cp(revised, "Nobody spoke");
        JsonNode fixed = api.read(api.put(RIA, "/api/annotations/" + orphan, Map.of("start", start,
                "end", start + "Nobody spoke".length(), "version", orphanNow.get("version").asLong()))
                .andExpect(status().isOk()));
        assertThat(fixed.get("anchorState").asString()).isEqualTo("anchored");
        assertThat(fixed.get("text").asString()).isEqualTo("Nobody spoke");
    }

    @Test
    void earlierVersionsStayReadableByMembersAndTheListNamesTheCurrentOne() throws Exception {
        long source = source("Readable");
        String old = texts.get(source);
        String revised = old + " A correction was printed.";
        revise(SUE, source, revised, 1).andExpect(status().isCreated());

        JsonNode list = api.read(api.get(TOM, "/api/sources/" + source + "/versions").andExpect(status().isOk()));
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("number").asInt()).isEqualTo(1);
        assertThat(list.get(0).get("current").asBoolean()).isFalse();
        assertThat(list.get(1).get("current").asBoolean()).isTrue();
        assertThat(list.get(1).get("createdBy").asString()).isEqualTo(SUE);
        assertThat(list.get(1).get("length").asInt()).isEqualTo(revised.codePointCount(0, revised.length()));
        JsonNode first = api.read(api.get(TOM, "/api/sources/" + source + "/versions/1").andExpect(status().isOk()));
        assertThat(first.get("text").asString()).isEqualTo(old);
        assertThat(first.get("version").get("sha256").asString()).hasSize(64);
        api.get(TOM, "/api/sources/" + source + "/versions/3").andExpect(status().isNotFound());
        api.get(OUTSIDER, "/api/sources/" + source + "/versions").andExpect(status().isNotFound());
        api.get(OUTSIDER, "/api/sources/" + source + "/versions/1").andExpect(status().isNotFound());
    }

    @Test
    void aStaleOrBadOrUnauthorisedRevisionChangesNothing() throws Exception {
        long source = source("Refused");
        String old = texts.get(source);
        long span = annotate(RIA, source, "three witnesses", "FACT");
        String revised = "Preface. " + old;
        revise(SUE, source, revised, 1).andExpect(status().isCreated());
        long afterFirst = annotation(RIA, span).get("version").asLong();

        // Stale: version 1 was revised already.
        JsonNode conflict = api.read(revise(SUE, source, old + " More.", 1).andExpect(status().isConflict()));
        assertThat(conflict.get("message").asString()).contains("version 2");
        revise(SUE, source, old + " More.", null).andExpect(status().isBadRequest());
        revise(SUE, source, revised, 2).andExpect(status().isBadRequest()); // identical
        revise(SUE, source, "   ", 2).andExpect(status().isBadRequest());
        revise(SUE, source, "Bad \u0007 bell", 2).andExpect(status().isBadRequest());
        revise(RIA, source, old + " More.", 2).andExpect(status().isForbidden());
        revise(OUTSIDER, source, old + " More.", 2).andExpect(status().isForbidden()); // no role anywhere
        revise("sam", source, old + " More.", 2).andExpect(status().isNotFound()); // a supervisor elsewhere
        revise(SUE, 987_654_321L, "Anything", 1).andExpect(status().isNotFound());
        long other = source("Other text");
        revise(SUE, source, texts.get(other), 2).andExpect(status().isConflict()); // another source's text

        assertThat(api.read(api.get(RIA, "/api/sources/" + source + "/versions"))).hasSize(2);
        assertThat(api.read(api.get(RIA, "/api/sources/" + source)).get("text").asString()).isEqualTo(revised);
        assertThat(annotation(RIA, span).get("version").asLong()).isEqualTo(afterFirst);
    }

    @Test
    void aRevisedFileIsReadAsAnImportReadsIt() throws Exception {
        long source = source("From a file");
        String old = texts.get(source);
        long span = annotate(RIA, source, "three witnesses", "FACT");
        String revised = "Updated. " + old;
        JsonNode report = api.read(mvc.perform(multipart("/api/sources/" + source + "/versions")
                        .file(new MockMultipartFile("file", "revised.txt", "text/plain", revised.getBytes(UTF_8)))
                        .param("basedOn", "1").param("note", "From the publisher's file")
                        .header("X-Requested-With", "corroborate")
                        .with(httpBasic(SUE, TestAccounts.passwordOf(SUE))))
                .andExpect(status().isCreated()));
        assertThat(report.get("counts").get("moved").asInt()).isEqualTo(1);
        assertThat(annotation(RIA, span).get("start").asInt()).isEqualTo(cp(revised, "three witnesses"));
        mvc.perform(multipart("/api/sources/" + source + "/versions")
                        .file(new MockMultipartFile("file", "revised.exe", "application/octet-stream", new byte[] {1, 2}))
                        .param("basedOn", "2").header("X-Requested-With", "corroborate")
                        .with(httpBasic(SUE, TestAccounts.passwordOf(SUE))))
                .andExpect(status().isBadRequest());
        assertThat(api.read(api.get(RIA, "/api/sources/" + source + "/versions"))).hasSize(2);
    }
}
