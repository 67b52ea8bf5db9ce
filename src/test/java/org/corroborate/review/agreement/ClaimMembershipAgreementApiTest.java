package org.corroborate.review.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.Api;
import org.corroborate.testing.TestDesk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/claims/agreement}: the hand-computed case of {@link ClaimMembershipAgreementTest}
 * made through the API (ann and bob annotate and link two sources, carol annotates one and links
 * nothing), read by the supervisor; reviewers are refused, outsiders told there is no such project.
 */
@WorkbenchTest
class ClaimMembershipAgreementApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired CurrentActor actor;

    @Test
    void theSupervisorReadsEachPairsItemsObservedAgreementAndKappa() throws Exception {
        Map<String, Set<Role>> people = new LinkedHashMap<>();
        people.put("cla-sup", Set.of(Role.SUPERVISOR));
        people.put("cla-ann", Set.of(Role.REVIEWER));
        people.put("cla-bob", Set.of(Role.REVIEWER));
        people.put("cla-carol", Set.of(Role.REVIEWER));
        TestDesk desk = TestDesk.create("Claim agreement desk", people, accounts, projects, sources, actor);
        TestDesk.create("Claim agreement elsewhere", Map.of("cla-out", Set.of(Role.SUPERVISOR)), accounts, projects,
                sources, actor);
        Api api = new Api(mvc, json);
        String one = "One: the reservoir leaked for ten years and the mayor knew it in 2019.";
        String two = "Two: the reservoir leaked for a decade, and the mayor learnt of it in 2020.";
        long s1 = desk.source("One", one);
        long s2 = desk.source("Two", two);
        long c10 = api.id(api.post("cla-ann", "/api/claims", Map.of("project", desk.project,
                "statement", "The reservoir leaked for a decade.")));
        long c20 = api.id(api.post("cla-ann", "/api/claims", Map.of("project", desk.project,
                "statement", "The mayor knew.")));
        // ann: (10,1) S, (20,1) C, (10,2) S, (20,2) Q. bob: (10,1) S, (10,2) C, (20,2) Q. carol: nothing, on 1.
        link(api, "cla-ann", c10, s1, 5, 28, "SUPPORTS");
        link(api, "cla-ann", c20, s1, 33, 45, "CONTRADICTS");
        link(api, "cla-ann", c10, s2, 5, 30, "SUPPORTS");
        link(api, "cla-ann", c20, s2, 36, 55, "QUALIFIES");
        link(api, "cla-bob", c10, s1, 5, 20, "SUPPORTS");
        link(api, "cla-bob", c10, s2, 5, 20, "CONTRADICTS");
        link(api, "cla-bob", c20, s2, 40, 55, "QUALIFIES");
        api.post("cla-carol", "/api/sources/" + s1 + "/annotations", Map.of("start", 0, "end", 3, "label", "FACT"))
                .andExpect(status().isCreated());

        JsonNode agreement = api.read(api.get("cla-sup", "/api/claims/agreement?project=" + desk.project)
                .andExpect(status().isOk()));
        assertThat(agreement.get("project").asLong()).isEqualTo(desk.project);
        assertThat(agreement.get("items").asInt()).isEqualTo(4);
        assertThat(agreement.get("reviewers")).extracting(JsonNode::asString)
                .containsExactly("cla-ann", "cla-bob", "cla-carol");
        JsonNode annBob = agreement.get("pairs").get(0);
        assertThat(annBob.get("first").asString()).isEqualTo("cla-ann");
        assertThat(annBob.get("second").asString()).isEqualTo("cla-bob");
        assertThat(annBob.get("items").asInt()).isEqualTo(4);
        assertThat(annBob.get("agreed").asInt()).isEqualTo(2);
        assertThat(annBob.get("observed").asDouble()).isEqualTo(0.5);
        assertThat(annBob.get("kappa").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(annBob.get("sources").asInt()).isEqualTo(2);
        assertThat(agreement.get("kappa").asDouble()).isCloseTo(1.0 / 9, within(1e-9));

        api.get("cla-ann", "/api/claims/agreement?project=" + desk.project).andExpect(status().isForbidden());
        api.get("cla-out", "/api/claims/agreement?project=" + desk.project).andExpect(status().isNotFound());
        api.get("admin", "/api/claims/agreement?project=" + desk.project).andExpect(status().isOk());
    }

    private static void link(Api api, String who, long claim, long source, int start, int end, String stance)
            throws Exception {
        long annotation = api.id(api.post(who, "/api/sources/" + source + "/annotations",
                Map.of("start", start, "end", end, "label", "FACT")).andExpect(status().isCreated()));
        api.post(who, "/api/claims/" + claim + "/members", Map.of("annotation", annotation, "stance", stance))
                .andExpect(status().isCreated());
    }
}
