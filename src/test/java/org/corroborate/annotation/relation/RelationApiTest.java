package org.corroborate.annotation.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
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
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/sources/{id}/relations}, {@code POST /api/relations}, {@code DELETE /api/relations/{id}}:
 * typed links between two annotations of one source, checked against the scheme's relation types,
 * audited, hidden by blind mode like the annotations they join, and gone with their annotations.
 */
@WorkbenchTest
class RelationApiTest {

    private static final String RIA = "rel-ria";
    private static final String TOM = "rel-tom";
    private static final String SUE = "rel-sue";
    private static final String TEXT = "\"The pipes are new,\" said Mayor Ines Calder. The council hid the leak, "
            + "said the union.";
    private static Long project;

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired CurrentActor actor;
    @Autowired org.corroborate.scheme.SchemeService schemes;
    Api api;
    Corpus corpus;

    @BeforeEach
    void fixture() throws Exception {
        api = new Api(mvc, json);
        corpus = new Corpus(api);
        if (project == null) {
            TestAccounts people = new TestAccounts(accounts, projects, actor);
            people.create(RIA);
            people.create(TOM);
            people.create(SUE);
            project = newProject("Relations test");
        }
    }

    private long newProject(String name) throws Exception {
        long id = api.id(api.post("admin", "/api/projects", Map.of("name", name,
                "description", "Quotes said by, allegations made by")));
        api.put("admin", "/api/projects/" + id + "/members", List.of(
                Map.of("username", RIA, "roles", List.of("REVIEWER")),
                Map.of("username", TOM, "roles", List.of("REVIEWER")),
                Map.of("username", SUE, "roles", List.of("SUPERVISOR")))).andExpect(status().isOk());
        return id;
    }

    private final Map<Long, String> texts = new java.util.HashMap<>();

    /** A source of its own (a project holds one text once): the title, then the text. */
    private long source(String title) throws Exception {
        return source(project, title);
    }

    private long source(long inProject, String title) throws Exception {
        String text = title + ". " + TEXT;
        long id = api.id(api.post(SUE, "/api/sources", Map.of("project", inProject, "title", title, "text", text)));
        texts.put(id, text);
        return id;
    }

    private long annotate(String who, long source, String quote, String label) throws Exception {
        return corpus.annotate(who, source, texts.get(source), quote, label, Map.of(), null);
    }

    private org.springframework.test.web.servlet.ResultActions relate(String who, long from, long to, String type)
            throws Exception {
        return api.post(who, "/api/relations", Map.of("from", from, "to", to, "type", type));
    }

    private List<Long> relationIds(String who, long source) throws Exception {
        List<Long> ids = new ArrayList<>();
        api.read(api.get(who, "/api/sources/" + source + "/relations").andExpect(status().isOk()))
                .forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    @Test
    void aQuoteIsSaidByTheFactNamingItsSpeakerAndTheRelationIsListedAndAudited() throws Exception {
        long source = source("Said by");
        long quote = annotate(RIA, source, "The pipes are new,", "QUOTE");
        long mayor = annotate(RIA, source, "Mayor Ines Calder", "FACT");

        JsonNode made = api.read(relate(RIA, quote, mayor, "said_by").andExpect(status().isCreated()));

        assertThat(made.get("from").asLong()).isEqualTo(quote);
        assertThat(made.get("to").asLong()).isEqualTo(mayor);
        assertThat(made.get("type").asString()).isEqualTo("said_by");
        assertThat(made.get("author").asString()).isEqualTo(RIA);
        assertThat(made.get("source").asLong()).isEqualTo(source);
        assertThat(made.get("project").asLong()).isEqualTo(project);
        assertThat(made.get("version").asLong()).isZero();
        assertThat(relationIds(RIA, source)).containsExactly(made.get("id").asLong());
        JsonNode event = api.read(api.get(SUE, "/api/audit?action=relation.created&source=" + source))
                .get("events").get(0);
        assertThat(event.get("actor").asString()).isEqualTo(RIA);
        assertThat(event.get("entityId").asString()).isEqualTo(made.get("id").asString());
    }

    @Test
    void aTypeTheSchemeLacksLabelsThatDoNotFitASelfRelationAndTwoSourcesAreRefused() throws Exception {
        long source = source("Refusals");
        long other = source("Refusals elsewhere");
        long quote = annotate(RIA, source, "The pipes are new,", "QUOTE");
        long mayor = annotate(RIA, source, "Mayor Ines Calder", "FACT");
        long union = annotate(RIA, other, "the union", "FACT");

        String unknown = relate(RIA, quote, mayor, "quoted_in").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("no relation type 'quoted_in'").contains("said_by");
        String misfit = relate(RIA, mayor, quote, "said_by").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(misfit).contains("goes from QUOTE to FACT");
        relate(RIA, quote, quote, "said_by").andExpect(status().isBadRequest());
        String across = relate(RIA, quote, union, "said_by").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(across).contains("two different sources");
        api.post(RIA, "/api/relations", Map.of("from", quote, "to", mayor)).andExpect(status().isBadRequest());
        assertThat(relationIds(RIA, source)).isEmpty();
    }

    @Test
    void theSameRelationTwiceAndAStaleDeletionAreConflictsAndADeletionIsAudited() throws Exception {
        long source = source("Conflicts");
        long claim = annotate(RIA, source, "The council hid the leak", "ALLEGATION");
        long union = annotate(RIA, source, "the union", "FACT");
        long id = api.id(relate(RIA, claim, union, "made_by").andExpect(status().isCreated()));
        relate(RIA, claim, union, "made_by").andExpect(status().isConflict());
        relate(RIA, claim, union, "against").andExpect(status().isCreated()); // another type is another relation

        api.delete(RIA, "/api/relations/" + id + "?version=3").andExpect(status().isConflict());
        api.delete(RIA, "/api/relations/" + id).andExpect(status().isBadRequest());
        api.delete(RIA, "/api/relations/" + id + "?version=0").andExpect(status().isNoContent());
        api.delete(RIA, "/api/relations/" + id + "?version=0").andExpect(status().isNotFound());

        assertThat(relationIds(RIA, source)).hasSize(1).doesNotContain(id);
        JsonNode event = api.read(api.get(SUE, "/api/audit?action=relation.deleted&source=" + source))
                .get("events").get(0);
        assertThat(event.get("actor").asString()).isEqualTo(RIA);
        assertThat(event.get("entityId").asString()).isEqualTo(String.valueOf(id));
    }

    @Test
    void onlyTheAuthorOrASupervisorWithAReasonDeletesARelation() throws Exception {
        long source = source("Who deletes");
        long quote = annotate(RIA, source, "The pipes are new,", "QUOTE");
        long mayor = annotate(RIA, source, "Mayor Ines Calder", "FACT");
        long id = api.id(relate(RIA, quote, mayor, "said_by"));
        api.delete(TOM, "/api/relations/" + id + "?version=0").andExpect(status().isForbidden());
        api.delete(SUE, "/api/relations/" + id + "?version=0").andExpect(status().isBadRequest());
        api.delete(SUE, "/api/relations/" + id + "?version=0&reason=Not+the+speaker").andExpect(status().isNoContent());
    }

    @Test
    void blindModeHidesColleaguesRelationsAndTheirAnnotationsAnswerAsIfTheyDidNotExist() throws Exception {
        long source = source("Blind");
        long quote = annotate(TOM, source, "The pipes are new,", "QUOTE");
        long mayor = annotate(TOM, source, "Mayor Ines Calder", "FACT");
        long toms = api.id(relate(TOM, quote, mayor, "said_by"));
        long mine = annotate(RIA, source, "The council hid the leak", "ALLEGATION");
        api.put(SUE, "/api/sources/" + source + "/blind", Map.of("blind", true)).andExpect(status().isOk());

        assertThat(relationIds(RIA, source)).isEmpty();
        assertThat(relationIds(TOM, source)).containsExactly(toms);
        assertThat(relationIds(SUE, source)).containsExactly(toms);
        String hidden = relate(RIA, mine, mayor, "made_by").andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(hidden).contains("no annotation with id " + mayor);
        api.delete(RIA, "/api/relations/" + toms + "?version=0").andExpect(status().isNotFound());

        api.post(RIA, "/api/sources/" + source + "/submit", null).andExpect(status().isOk());
        assertThat(relationIds(RIA, source)).containsExactly(toms);
        relate(RIA, mine, mayor, "made_by").andExpect(status().isCreated());
    }

    @Test
    void deletingAnAnnotationDeletesItsRelationsAuditedAndRestoringItDoesNotBringThemBack() throws Exception {
        long source = source("Cascade");
        long quote = annotate(RIA, source, "The pipes are new,", "QUOTE");
        long mayor = annotate(TOM, source, "Mayor Ines Calder", "FACT");
        long claim = annotate(RIA, source, "The council hid the leak", "ALLEGATION");
        long toms = api.id(relate(TOM, quote, mayor, "said_by"));
        long rias = api.id(relate(RIA, claim, mayor, "against"));

        api.delete(TOM, "/api/annotations/" + mayor + "?version=0").andExpect(status().isNoContent());

        assertThat(relationIds(SUE, source)).isEmpty();
        JsonNode events = api.read(api.get(SUE, "/api/audit?action=relation.deleted&source=" + source)).get("events");
        List<String> deleted = new ArrayList<>();
        events.forEach(e -> deleted.add(e.get("entityId").asString()));
        assertThat(deleted).containsExactlyInAnyOrder(String.valueOf(toms), String.valueOf(rias));
        events.forEach(e -> assertThat(e.get("reason").asString()).contains("deleted by " + TOM));

        api.post(TOM, "/api/annotations/" + mayor + "/restore", Map.of("version", 0)).andExpect(status().isOk());
        assertThat(relationIds(SUE, source)).isEmpty();
    }

    @Test
    void aNonMemberFindsNoRelations() throws Exception {
        long source = source("Outside");
        long quote = annotate(RIA, source, "The pipes are new,", "QUOTE");
        long mayor = annotate(RIA, source, "Mayor Ines Calder", "FACT");
        long id = api.id(relate(RIA, quote, mayor, "said_by"));
        api.get("alice", "/api/sources/" + source + "/relations").andExpect(status().isNotFound());
        relate("alice", quote, mayor, "against").andExpect(status().isNotFound());
        api.delete("alice", "/api/relations/" + id + "?version=0").andExpect(status().isNotFound());
    }

    @Test
    void aSchemeChangeThatRemovesARelationTypeInUseIsRefusedAndThePreviewSaysSo() throws Exception {
        long project = newProject("Relations scheme test");
        long source = source(project, "Scheme");
        long quote = annotate(RIA, source, "The pipes are new,", "QUOTE");
        long mayor = annotate(RIA, source, "Mayor Ines Calder", "FACT");
        long id = api.id(relate(RIA, quote, mayor, "said_by"));
        var scheme = (tools.jackson.databind.node.ObjectNode) api.read(api.get(SUE,
                "/api/projects/" + project + "/scheme"));
        assertThat(scheme.get("relations")).hasSize(3);
        var relations = (tools.jackson.databind.node.ArrayNode) scheme.get("relations");
        relations.remove(0); // said_by

        var current = actor.runAs(SUE, org.corroborate.base.Role.SUPERVISOR, () -> schemes.currentVersion(project));
        var withoutSaidBy = new org.corroborate.scheme.LabelScheme(current.scheme().name(), current.scheme().version(),
                current.scheme().description(), current.scheme().labels(), current.scheme().relations().subList(1, 3));
        var preview = actor.runAs(SUE, org.corroborate.base.Role.SUPERVISOR, () -> schemes.preview(project,
                org.corroborate.scheme.SchemeProposal.of(withoutSaidBy, current.number())));
        assertThat(preview.refused()).isTrue();
        assertThat(preview.inUse()).isEqualTo(Map.of("relation type said_by", Map.of("relations", 1L)));
        String refused = api.put(SUE, "/api/projects/" + project + "/scheme", scheme)
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("relation type said_by is used by 1 relation");

        api.delete(RIA, "/api/relations/" + id + "?version=0").andExpect(status().isNoContent());
        api.put(SUE, "/api/projects/" + project + "/scheme", scheme).andExpect(status().isOk());
        relate(RIA, quote, mayor, "said_by").andExpect(status().isBadRequest());
    }
}
