package org.corroborate.project;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.security.AccountService;
import org.corroborate.testing.Api;
import org.corroborate.testing.TestAccounts;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The projects API: who creates and changes projects and their members, and the {@code project} parameter rule. */
@WorkbenchTest
class ProjectApiTest {

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

    private long create(String name) throws Exception {
        return api.id(api.post("admin", "/api/projects", Map.of("name", name, "description", "For " + name))
                .andExpect(status().isCreated()));
    }

    private static Map<String, Object> member(String username, String... roles) {
        return Map.of("username", username, "roles", List.of(roles));
    }

    @Test
    void onlyAnAdministratorCreatesAProjectAndNamesAreUnique() throws Exception {
        api.post("sam", "/api/projects", Map.of("name", "Sam's own desk")).andExpect(status().isForbidden());
        api.post("alice", "/api/projects", Map.of("name", "Alice's own desk")).andExpect(status().isForbidden());
        api.post("admin", "/api/projects", Map.of("name", "Harbour dredging inquiry"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/projects/")))
                .andExpect(jsonPath("$.name").value("Harbour dredging inquiry"))
                .andExpect(jsonPath("$.yourRoles[0]").value("ADMIN"));
        api.post("admin", "/api/projects", Map.of("name", "harbour DREDGING inquiry"))
                .andExpect(status().isConflict());
        api.post("admin", "/api/projects", Map.of("name", "  ")).andExpect(status().isBadRequest());
    }

    @Test
    void aStaleVersionIsAConflictAndNothingChanges() throws Exception {
        long id = create("Ferry timetable desk");
        long version = api.read(api.get("admin", "/api/projects/" + id)).get("version").asLong();
        api.put("admin", "/api/projects/" + id, Map.of("description", "Timetables, checked", "version", version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("Timetables, checked"));
        api.put("admin", "/api/projects/" + id, Map.of("description", "Overwritten blindly", "version", version))
                .andExpect(status().isConflict());
        api.get("admin", "/api/projects/" + id).andExpect(jsonPath("$.description").value("Timetables, checked"));
        api.put("admin", "/api/projects/" + id, Map.of("description", "No version")).andExpect(status().isBadRequest());
    }

    @Test
    void membersAreAccountsWithProjectRolesAndAProjectKeepsASupervisor() throws Exception {
        long id = create("Bridge inspection desk");
        accounts.create("bridge-boss");
        accounts.create("bridge-reader");
        api.put("admin", "/api/projects/" + id + "/members", List.of(member("nobody-such", "REVIEWER")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("nobody-such")));
        api.put("admin", "/api/projects/" + id + "/members", List.of(member("bridge-boss", "ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("workbench-wide")));
        api.put("admin", "/api/projects/" + id + "/members", List.of(member("bridge-boss", "SUPERVISOR"),
                        member("bridge-reader", "REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        api.get("bridge-reader", "/api/projects/" + id + "/members")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].username").value("bridge-boss"))
                .andExpect(jsonPath("$[0].roles[0]").value("SUPERVISOR"));
        // A supervisor may change the members, but not leave the project without a supervisor.
        api.put("bridge-boss", "/api/projects/" + id + "/members", List.of(member("bridge-reader", "REVIEWER")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("supervisor")));
        api.put("bridge-boss", "/api/projects/" + id + "/members", List.of(member("bridge-boss", "SUPERVISOR")))
                .andExpect(status().isOk());
        // A reviewer may not change them; removed, they no longer see the project at all.
        api.get("bridge-reader", "/api/projects/" + id).andExpect(status().isNotFound());
        api.put("bridge-reader", "/api/projects/" + id + "/members", List.of(member("bridge-reader", "SUPERVISOR")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aReviewerOfAProjectMayNotChangeIt() throws Exception {
        long id = create("Tram fares desk");
        accounts.create("tram-reader");
        api.put("admin", "/api/projects/" + id + "/members", List.of(member("tram-reader", "REVIEWER")))
                .andExpect(status().isOk());
        long version = api.read(api.get("tram-reader", "/api/projects/" + id)).get("version").asLong();
        api.put("tram-reader", "/api/projects/" + id, Map.of("name", "Renamed", "version", version))
                .andExpect(status().isForbidden());
        api.put("tram-reader", "/api/projects/" + id + "/members", List.of(member("tram-reader", "SUPERVISOR")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aNonMemberGets404AsForAProjectThatDoesNotExist() throws Exception {
        long id = create("Sewer audit desk");
        api.get("alice", "/api/projects/" + id).andExpect(status().isNotFound());
        api.get("alice", "/api/projects/987654321").andExpect(status().isNotFound());
        api.get("sam", "/api/projects/" + id + "/members").andExpect(status().isNotFound());
        api.get("admin", "/api/projects/" + id).andExpect(status().isOk());
    }

    @Test
    void theProjectParameterMayBeLeftOutOnlyByWhoWorksInOneProject() throws Exception {
        // carol works in both demo projects, alice in the main one only.
        api.get("carol", "/api/progress").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("'project'")));
        api.post("carol", "/api/sources", Map.of("text", "Carol names no project for this text."))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("'project'")));
        api.get("admin", "/api/export?format=jsonl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("'project'")));
        api.post("alice", "/api/sources", Map.of("text", "Alice names no project; she has only one."))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.project").value(TestProjects.MAIN));
        api.get("sam", "/api/agreement").andExpect(status().isOk());
        // A JSON import takes the project from the query as well as from the body, and refuses two different ones.
        api.post("carol", "/api/sources?project=" + TestProjects.MAIN,
                        Map.of("text", "Carol names the project in the query this time."))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.project").value(TestProjects.MAIN));
        api.post("carol", "/api/sources?project=" + TestProjects.MAIN,
                        Map.of("text", "Carol names two projects at once.", "project", TestProjects.MAIN + 1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("name one")));
        api.get("carol", "/api/export?format=jsonl&project=abc").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("'project' must be a whole number, not 'abc'."));
        api.get("carol", "/api/export?format=jsonl&source=abc").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(
                        "'source' must be a whole number (it may be given more than once), not 'abc'."));
        api.get("carol", "/api/projects/abc").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("'id' must be a whole number, not 'abc'."));
        api.post("bob", "/api/sources?project=" + (TestProjects.MAIN + 1),
                        Map.of("text", "Bob names a project he is not in."))
                .andExpect(status().isNotFound());
    }
}
