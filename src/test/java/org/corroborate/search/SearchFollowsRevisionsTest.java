package org.corroborate.search;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search (issue 16) after a revised version of a source (issue 18): the new text is what is found, at
 * its code point offsets; words only the old version had are no longer found; an annotation that the
 * revision moved is found at its new place.
 */
@WorkbenchTest
class SearchFollowsRevisionsTest {

    private static final String BOSS = "srch-rev-boss";
    private static final String ANA = "srch-rev-ana";

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired CurrentActor actor;

    @Test
    void aRevisedTextIsSearchedAsItIsNowAndMovedAnnotationsAtTheirNewPlace() throws Exception {
        Api api = new Api(mvc, json);
        TestAccounts people = new TestAccounts(accounts, projects, actor);
        people.create(BOSS);
        people.create(ANA);
        long project = api.id(api.post("admin", "/api/projects", Map.of("name", "Search after revisions",
                "description", "Revised texts are searched as they are now")));
        api.put("admin", "/api/projects/" + project + "/members", List.of(
                Map.of("username", BOSS, "roles", List.of("SUPERVISOR")),
                Map.of("username", ANA, "roles", List.of("REVIEWER")))).andExpect(status().isOk());
        String text = "The hearing opened. The coroner heard from quarrymen \uD83D\uDE80 and farriers.";
        long source = api.id(api.post(BOSS, "/api/sources", Map.of("project", project,
                "title", "Hearing notes", "text", text)));
        long farriers = new Corpus(api).annotate(ANA, source, text, "farriers", "FACT", Map.of(), null);

        String revised = "The hearing opened on a wet Tuesday. The magistrate heard from quarrymen \uD83D\uDE80 "
                + "and farriers.";
        api.post(BOSS, "/api/sources/" + source + "/versions", Map.of("text", revised, "basedOn", 1,
                "note", "Corrected")).andExpect(status().isCreated());

        JsonNode tuesday = search(api, "q=Tuesday&kind=text&project=" + project);
        assertThat(tuesday.get("total").asLong()).isEqualTo(1);
        JsonNode hit = tuesday.get("hits").get(0);
        assertThat(hit.get("source").asLong()).isEqualTo(source);
        assertThat(hit.get("start").asInt()).isEqualTo(cp(revised, "Tuesday"));
        assertThat(hit.get("text").asString()).isEqualTo("Tuesday");

        assertThat(search(api, "q=coroner&project=" + project).get("total").asLong())
                .as("a word only the old version had").isZero();

        JsonNode annotationHits = search(api, "q=farriers&kind=annotation&project=" + project);
        List<Long> ids = new ArrayList<>();
        annotationHits.get("hits").forEach(h -> ids.add(h.get("annotation").get("id").asLong()));
        assertThat(ids).containsExactly(farriers);
        JsonNode moved = annotationHits.get("hits").get(0);
        assertThat(moved.get("start").asInt()).isEqualTo(cp(revised, "farriers"));
        assertThat(moved.get("end").asInt()).isEqualTo(cp(revised, "farriers") + "farriers".length());
    }

    private static JsonNode search(Api api, String query) throws Exception {
        return api.read(api.get(BOSS, "/api/search?" + query).andExpect(status().isOk()));
    }

    private static int cp(String text, String word) {
        return text.codePointCount(0, text.indexOf(word));
    }
}
