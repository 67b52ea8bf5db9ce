package org.corroborate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Issue 12, item 8: {@code decision.made} kept its reason only inside the after-state. Every audited
 * write a person gives a reason for carries it in the event's own {@code reason}, as the audit API
 * shows it and its {@code reason} filter-free search returns it.
 */
@WorkbenchTest
class AuditedReasonsApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired CurrentActor actor;

    @Test
    void everyWriteMadeWithAReasonRecordsItAsTheEventsReason() throws Exception {
        TestDesk desk = TestDesk.create("Reasons desk", Map.of("reason-sup", Set.of(Role.SUPERVISOR),
                "reason-ann", Set.of(Role.REVIEWER), "reason-bea", Set.of(Role.REVIEWER)),
                accounts, projects, sources, actor);
        String text = "The mayor said the water is safe. The utility hid the results. Nobody was told.";
        long source = desk.source("Reasons", text);
        Api api = new Api(mvc, json);
        long annsFact = annotate(api, "reason-ann", source, 0, 33, "FACT");
        annotate(api, "reason-bea", source, 0, 33, "FACT");
        long allegation = annotate(api, "reason-ann", source, 34, 62, "ALLEGATION");
        long beas = annotate(api, "reason-bea", source, 63, 79, "FACT");

        api.post("reason-sup", "/api/sources/" + source + "/decisions/agreed",
                Map.of("reason", "Both saw the same fact")).andExpect(status().isOk());
        long decision = api.id(api.post("reason-sup", "/api/sources/" + source + "/decisions",
                Map.of("annotationIds", List.of(allegation), "outcome", "ACCEPTED", "reason", "  An accusation  "))
                .andExpect(status().isCreated()));
        api.put("reason-sup", "/api/decisions/" + decision, Map.of("outcome", "REJECTED", "version", 0,
                "reason", "On reflection, hearsay")).andExpect(status().isOk());
        api.put("reason-sup", "/api/annotations/" + beas, Map.of("version", 0, "label", "QUOTE",
                "reason", "It is what people said")).andExpect(status().isOk());
        api.perform("reason-sup", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/annotations/" + beas).param("version", "1").param("reason", "Not worth keeping"))
                .andExpect(status().isNoContent());
        api.post("reason-bea", "/api/sources/" + source + "/submit", null).andExpect(status().isOk());
        api.post("reason-sup", "/api/sources/" + source + "/reopen",
                Map.of("reviewer", "reason-bea", "reason", "Bea missed a span")).andExpect(status().isOk());

        Map<String, List<String>> reasons = new LinkedHashMap<>();
        JsonNode events = api.read(api.get("reason-sup", "/api/audit?size=100&source=" + source)).get("events");
        for (JsonNode event : events) {
            reasons.computeIfAbsent(event.get("action").asString(), a -> new ArrayList<>())
                    .add(event.get("reason").isNull() ? null : event.get("reason").asString());
        }
        assertThat(reasons.get("decision.made")).containsExactlyInAnyOrder("Both saw the same fact", "An accusation");
        assertThat(reasons.get("decision.revised")).containsExactly("On reflection, hearsay");
        assertThat(reasons.get("annotation.updated")).containsExactly("It is what people said");
        assertThat(reasons.get("annotation.deleted")).containsExactly("Not worth keeping");
        assertThat(reasons.get("review.reopened")).containsExactly("Bea missed a span");
        // The decision's own record agrees with its event.
        JsonNode made = api.read(api.get("reason-sup", "/api/audit?action=decision.made&source=" + source))
                .get("events");
        for (JsonNode event : made) {
            assertThat(event.get("reason").asString()).isEqualTo(event.get("after").get("reason").asString());
        }
        assertThat(annsFact).isPositive();
    }

    private static long annotate(Api api, String who, long source, int start, int end, String label) throws Exception {
        return api.id(api.post(who, "/api/sources/" + source + "/annotations",
                Map.of("start", start, "end", end, "label", label)).andExpect(status().isCreated()));
    }
}
