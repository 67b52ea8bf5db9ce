package org.corroborate.review.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.testing.Api;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12: a project may require assignments (off by default, switched by its supervisors and
 * administrators through {@code PUT /api/projects/{id}}, audited). While it does, a reviewer
 * annotates, judges and submits only the sources assigned to them: anything else is 403 with a
 * sentence naming the source and who can assign it, and changes nothing. Supervisors are never
 * refused; reading is not affected. Each test works in a project of its own.
 */
@WorkbenchTest
class AssignmentEnforcementApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accountService;
    @Autowired ProjectService projectService;
    @Autowired CurrentActor actor;
    Api api;
    TestAccounts accounts;

    @BeforeEach
    void fixture() {
        api = new Api(mvc, json);
        accounts = new TestAccounts(accountService, projectService, actor);
    }

    /** A project with two reviewers and a supervisor, named {@code prefix}-rita, -ravi and -sue; its id. */
    private long project(String prefix) throws Exception {
        long id = api.id(api.post("admin", "/api/projects", Map.of("name", "Assignments " + prefix))
                .andExpect(status().isCreated()));
        for (String who : List.of("rita", "ravi", "sue")) {
            accounts.create(prefix + "-" + who);
        }
        api.put("admin", "/api/projects/" + id + "/members", List.of(
                Map.of("username", prefix + "-rita", "roles", List.of("REVIEWER")),
                Map.of("username", prefix + "-ravi", "roles", List.of("REVIEWER")),
                Map.of("username", prefix + "-sue", "roles", List.of("SUPERVISOR")))).andExpect(status().isOk());
        return id;
    }

    private long source(long project, String text) throws Exception {
        return api.id(api.post("admin", "/api/sources", Map.of("title", text.substring(0, 20), "text", text,
                "project", project)).andExpect(status().isCreated()));
    }

    private long annotate(String who, long source, int status) throws Exception {
        var result = api.post(who, "/api/sources/" + source + "/annotations",
                Map.of("start", 0, "end", 5, "label", "FACT")).andExpect(status().is(status));
        return status == 201 ? api.id(result) : -1;
    }

    private long version(long project) throws Exception {
        return api.read(api.get("admin", "/api/projects/" + project)).get("version").asLong();
    }

    private void require(String who, long project, boolean required, int status) throws Exception {
        api.put(who, "/api/projects/" + project, Map.of("assignmentsRequired", required, "version", version(project)))
                .andExpect(status().is(status));
    }

    @Test
    void theSettingIsOffByDefaultChangedOnlyByOverseersAndAudited() throws Exception {
        long project = project("rule");
        api.get("rule-rita", "/api/projects/" + project).andExpect(jsonPath("$.assignmentsRequired").value(false));
        require("rule-rita", project, true, 403);
        api.get("admin", "/api/projects/" + project).andExpect(jsonPath("$.assignmentsRequired").value(false));
        long before = version(project);
        require("rule-sue", project, true, 200);
        api.get("rule-rita", "/api/projects/" + project).andExpect(jsonPath("$.assignmentsRequired").value(true))
                .andExpect(jsonPath("$.version").value(before + 1));
        api.put("rule-sue", "/api/projects/" + project, Map.of("assignmentsRequired", false, "version", before))
                .andExpect(status().isConflict());
        require("rule-sue", project, true, 200); // already on: nothing changes, nothing is recorded
        api.get("admin", "/api/projects/" + project).andExpect(jsonPath("$.version").value(before + 1));
        require("admin", project, false, 200);
        JsonNode events = api.read(api.get("admin", "/api/audit?entity=Project&entityId=" + project
                + "&size=50")).get("events");
        List<String> actions = new java.util.ArrayList<>();
        events.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsSubsequence("project.assignments-required-off", "project.assignments-required-on");
        assertThat(actions.stream().filter(a -> a.startsWith("project.assignments-required")).count()).isEqualTo(2);
        JsonNode on = null;
        for (JsonNode event : events) {
            if (event.get("action").asString().equals("project.assignments-required-on")) {
                on = event;
            }
        }
        assertThat(on).isNotNull();
        assertThat(on.get("actor").asString()).isEqualTo("rule-sue");
        assertThat(on.at("/before/assignmentsRequired").asBoolean()).isFalse();
        assertThat(on.at("/after/assignmentsRequired").asBoolean()).isTrue();
        assertThat(on.get("projectId").asLong()).isEqualTo(project);
    }

    @Test
    void whileRequiredAReviewerWorksOnlyOnTheSourcesAssignedToThem() throws Exception {
        long project = project("work");
        long assigned = source(project, "Work rule: the first source is assigned to rita only.");
        long free = source(project, "Work rule: the second source is assigned to nobody yet.");
        api.put("work-sue", "/api/sources/" + assigned + "/assignment", Map.of("reviewers", List.of("work-rita")))
                .andExpect(status().isOk());
        // Off: any reviewer annotates any source (issue 12, item 8 before the setting existed).
        long ravis = annotate("work-ravi", assigned, 201);
        long ritas = annotate("work-rita", assigned, 201);
        require("work-sue", project, true, 200);

        String refusal = "Source " + assigned;
        api.post("work-ravi", "/api/sources/" + assigned + "/annotations",
                        Map.of("start", 6, "end", 10, "label", "FACT"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message", allOf(containsString(refusal), containsString("not assigned to you"),
                        containsString("work-sue"), containsString("Assignments work"))));
        api.put("work-ravi", "/api/annotations/" + ravis, Map.of("version", 0, "note", "changed"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message", containsString(refusal)));
        api.delete("work-ravi", "/api/annotations/" + ravis + "?version=0").andExpect(status().isForbidden());
        api.put("work-ravi", "/api/annotations/" + ritas + "/assessment", Map.of("verdict", "AGREE"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message", containsString(refusal)));
        api.post("work-ravi", "/api/sources/" + assigned + "/submit", null).andExpect(status().isForbidden());
        // Nothing changed, and ravi still reads the source and his work.
        api.get("work-ravi", "/api/sources/" + assigned + "/annotations").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        api.get("work-ravi", "/api/annotations/" + ravis).andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.note").doesNotExist());
        api.get("work-ravi", "/api/annotations/" + ritas + "/assessments").andExpect(jsonPath("$.length()").value(0));
        api.get("work-sue", "/api/sources/" + assigned + "/status")
                .andExpect(jsonPath("$[?(@.reviewer == 'work-ravi')].status").value("IN_PROGRESS"));
        // A source assigned to nobody is nobody's to annotate while the rule is on.
        annotate("work-rita", free, 403);
        // rita works on hers; the supervisor works anywhere.
        annotate("work-rita", assigned, 201);
        api.put("work-rita", "/api/annotations/" + ravis + "/assessment", Map.of("verdict", "DISAGREE"))
                .andExpect(status().isOk());
        api.post("work-rita", "/api/sources/" + assigned + "/submit", null).andExpect(status().isOk());
        annotate("work-sue", free, 201);
        api.put("work-sue", "/api/annotations/" + ravis, Map.of("version", 0, "note", "tidied", "reason", "house style"))
                .andExpect(status().isOk());
        // Assigned, ravi works on the second source; with the rule off, on any.
        api.put("work-sue", "/api/sources/" + free + "/assignment", Map.of("reviewers", List.of("work-ravi")))
                .andExpect(status().isOk());
        annotate("work-ravi", free, 201);
        require("work-sue", project, false, 200);
        annotate("work-ravi", assigned, 201);
        api.post("work-ravi", "/api/sources/" + assigned + "/submit", null).andExpect(status().isOk());
    }
}
