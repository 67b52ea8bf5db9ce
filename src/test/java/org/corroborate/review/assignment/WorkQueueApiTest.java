package org.corroborate.review.assignment;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/me/queue}: a reviewer's own sources in a project, in the library's order, with
 * whether each is assigned to them and their own status; {@code ?assigned=true} keeps theirs.
 */
@WorkbenchTest
class WorkQueueApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accountService;
    @Autowired ProjectService projectService;
    @Autowired CurrentActor actor;

    @Test
    void aReviewerReadsTheirAssignmentsAndStatusPerSource() throws Exception {
        Api api = new Api(mvc, json);
        TestAccounts accounts = new TestAccounts(accountService, projectService, actor);
        long project = api.id(api.post("admin", "/api/projects", Map.of("name", "Work queue inquiry"))
                .andExpect(status().isCreated()));
        accounts.create("queue-quin");
        accounts.create("queue-sid");
        api.put("admin", "/api/projects/" + project + "/members", List.of(
                Map.of("username", "queue-quin", "roles", List.of("REVIEWER")),
                Map.of("username", "queue-sid", "roles", List.of("SUPERVISOR")))).andExpect(status().isOk());
        long older = api.id(api.post("admin", "/api/sources", Map.of("title", "Queue memo one",
                "text", "The first memo of the work queue.", "project", project)));
        long newer = api.id(api.post("admin", "/api/sources", Map.of("title", "Queue memo two",
                "text", "The second memo of the work queue.", "project", project)));
        api.put("queue-sid", "/api/sources/" + older + "/assignment", Map.of("reviewers", List.of("queue-quin")))
                .andExpect(status().isOk());
        api.post("queue-quin", "/api/sources/" + older + "/submit", Map.of()).andExpect(status().isOk());

        api.get("queue-quin", "/api/me/queue?project=" + project).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].sourceId").value(newer))
                .andExpect(jsonPath("$[0].assigned").value(false))
                .andExpect(jsonPath("$[0].state").value("NOT_STARTED"))
                .andExpect(jsonPath("$[1].sourceId").value(older))
                .andExpect(jsonPath("$[1].title").value("Queue memo one"))
                .andExpect(jsonPath("$[1].assigned").value(true))
                .andExpect(jsonPath("$[1].state").value("SUBMITTED"));
        api.get("queue-quin", "/api/me/queue?project=" + project + "&assigned=true")
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].sourceId").value(older));
        api.get("alice", "/api/me/queue?project=" + project).andExpect(status().isNotFound());
    }
}
