package org.corroborate.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
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
 * {@code POST /api/annotations/{id}/restore}, the undo of a deletion as a script makes it: the
 * annotation comes back under its id, audited, only at the version it was deleted at, only for who
 * may change it.
 */
@WorkbenchTest
class AnnotationRestoreApiTest {

    private static final String AUTHOR = "restore-rita";
    private static final String COLLEAGUE = "restore-colm";
    private static final String BOSS = "restore-sara";
    private static final String TEXT = "The council said the boats leak. The mayor denied it on Tuesday.";
    private static Long project;
    private static long source;

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired CurrentActor actor;
    Api api;
    Corpus corpus;

    @BeforeEach
    void fixture() throws Exception {
        api = new Api(mvc, json);
        corpus = new Corpus(api);
        if (project == null) {
            TestAccounts people = new TestAccounts(accounts, projects, actor);
            people.create(AUTHOR);
            people.create(COLLEAGUE);
            people.create(BOSS);
            project = api.id(api.post("admin", "/api/projects", Map.of("name", "Restore test",
                    "description", "Undo of deletions")));
            api.put("admin", "/api/projects/" + project + "/members", List.of(
                    Map.of("username", AUTHOR, "roles", List.of("REVIEWER")),
                    Map.of("username", COLLEAGUE, "roles", List.of("REVIEWER")),
                    Map.of("username", BOSS, "roles", List.of("SUPERVISOR")))).andExpect(status().isOk());
            source = api.id(api.post(BOSS, "/api/sources", Map.of("project", project, "title", "Boats",
                    "text", TEXT)));
        }
    }

    private long annotate(String quote) throws Exception {
        return corpus.annotate(AUTHOR, source, TEXT, quote, "QUOTE", Map.of("speaker", "the council"),
                "from the minutes");
    }

    private Map<String, Object> version(long version, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    @Test
    void theAuthorGetsTheDeletedAnnotationBackUnderItsIdAtOneVersionMore() throws Exception {
        long id = annotate("the boats leak");
        JsonNode before = api.read(api.get(AUTHOR, "/api/annotations/" + id));
        api.delete(AUTHOR, "/api/annotations/" + id + "?version=0").andExpect(status().isNoContent());
        api.get(AUTHOR, "/api/annotations/" + id).andExpect(status().isNotFound());

        JsonNode restored = api.read(api.post(AUTHOR, "/api/annotations/" + id + "/restore", version(0, null))
                .andExpect(status().isOk()));

        assertThat(restored.get("id").asLong()).isEqualTo(id);
        assertThat(restored.get("version").asLong()).isEqualTo(1);
        for (String field : List.of("start", "end", "label", "attributes", "note", "author", "text", "createdAt")) {
            assertThat(restored.get(field)).as(field).isEqualTo(before.get(field));
        }
        assertThat(api.read(api.get(COLLEAGUE, "/api/sources/" + source + "/annotations")).findValues("id"))
                .extracting(JsonNode::asLong).contains(id);
        JsonNode history = api.read(api.get(AUTHOR, "/api/annotations/" + id + "/history"));
        assertThat(history.get(history.size() - 1).get("state").get("version").asLong()).isEqualTo(1);
        assertThat(history.get(history.size() - 1).get("state").get("note").asString()).isEqualTo("from the minutes");
        JsonNode events = api.read(api.get(BOSS, "/api/audit?action=annotation.restored&source=" + source))
                .get("events");
        assertThat(events).anySatisfy(event -> {
            assertThat(event.get("entityId").asString()).isEqualTo(String.valueOf(id));
            assertThat(event.get("actor").asString()).isEqualTo(AUTHOR);
            assertThat(event.get("after").get("version").asLong()).isEqualTo(1);
        });
        // It is live work again: it changes and deletes at its new version.
        api.put(AUTHOR, "/api/annotations/" + id, Map.of("note", "checked", "version", 1)).andExpect(status().isOk());
    }

    @Test
    void whatIsNotDeletedOrWasChangedBeforeItsDeletionIsAConflictAndNothingIsRestored() throws Exception {
        long id = annotate("The mayor denied it");
        api.post(AUTHOR, "/api/annotations/" + id + "/restore", version(0, null)).andExpect(status().isConflict());

        api.put(BOSS, "/api/annotations/" + id, Map.of("note", "wrong speaker", "version", 0,
                "reason", "Checked the minutes")).andExpect(status().isOk());
        api.delete(BOSS, "/api/annotations/" + id + "?version=1&reason=Not%20a%20quote")
                .andExpect(status().isNoContent());
        JsonNode refused = api.read(api.post(AUTHOR, "/api/annotations/" + id + "/restore", version(0, null))
                .andExpect(status().isConflict()));
        assertThat(refused.get("message").asString()).contains("changed by someone else before it was deleted");
        api.get(AUTHOR, "/api/annotations/" + id).andExpect(status().isNotFound());
        // A version it never had is bad input, not a colleague's change.
        for (int never : new int[] {-1, 5}) {
            JsonNode bad = api.read(api.post(AUTHOR, "/api/annotations/" + id + "/restore", version(never, null))
                    .andExpect(status().isBadRequest()));
            assertThat(bad.get("message").asString()).contains("never had version " + never)
                    .doesNotContain("someone else");
        }

        api.post(AUTHOR, "/api/annotations/" + id + "/restore", version(1, null)).andExpect(status().isOk());
        api.post(AUTHOR, "/api/annotations/" + id + "/restore", version(1, null)).andExpect(status().isConflict());
    }

    @Test
    void onlyTheAuthorOrASupervisorWithAReasonRestores() throws Exception {
        long id = annotate("on Tuesday");
        api.delete(AUTHOR, "/api/annotations/" + id + "?version=0").andExpect(status().isNoContent());

        api.post(COLLEAGUE, "/api/annotations/" + id + "/restore", version(0, null)).andExpect(status().isForbidden());
        api.post(BOSS, "/api/annotations/" + id + "/restore", version(0, null)).andExpect(status().isBadRequest());
        api.post(AUTHOR, "/api/annotations/" + id + "/restore", Map.of()).andExpect(status().isBadRequest());
        api.post(BOSS, "/api/annotations/" + id + "/restore", version(0, "Deleted by mistake"))
                .andExpect(status().isOk());
        api.get(AUTHOR, "/api/annotations/" + id).andExpect(status().isOk());
    }

    @Test
    void anIdNothingHadIsNotFound() throws Exception {
        api.post(AUTHOR, "/api/annotations/987654321/restore", version(0, null)).andExpect(status().isNotFound());
    }
}
