package org.corroborate.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
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
 * Issue 12, item 8: {@code GET /api/annotations/{id}/history} said version 0 in every state. Each
 * state now carries the version the annotation had then (0 when created, one more per change, the
 * one a client sends to change it), and the rest of each entry says truly who, when and what.
 */
@WorkbenchTest
class AnnotationHistoryApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired CurrentActor actor;

    /** The same fault in the source's history: every state said version 0. */
    @Test
    void aSourcesHistoryCarriesItsVersionsToo() throws Exception {
        TestDesk desk = TestDesk.create("Source history desk", Map.of("history-boss", Set.of(Role.SUPERVISOR)),
                accounts, projects, sources, actor);
        long source = desk.source("Source history", "A text whose blind mode is switched twice.");
        Api api = new Api(mvc, json);
        api.put("history-boss", "/api/sources/" + source + "/blind", Map.of("blind", true)).andExpect(status().isOk());
        JsonNode now = api.read(api.put("history-boss", "/api/sources/" + source + "/blind", Map.of("blind", false))
                .andExpect(status().isOk()));
        JsonNode history = api.read(api.get("history-boss", "/api/sources/" + source + "/history")
                .andExpect(status().isOk()));
        assertThat(history).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(history.get(i).get("state").get("version").asLong()).as("version of state " + i).isEqualTo(i);
        }
        assertThat(history.get(2).get("state")).isEqualTo(now);
    }

    @Test
    void eachStateCarriesItsVersionAuthorAndTime() throws Exception {
        TestDesk desk = TestDesk.create("History desk", Map.of("history-sup", Set.of(Role.SUPERVISOR),
                "history-ann", Set.of(Role.REVIEWER)), accounts, projects, sources, actor);
        long source = desk.source("History", "The mayor said the water is safe, twice.");
        Api api = new Api(mvc, json);
        JsonNode created = api.read(api.post("history-ann", "/api/sources/" + source + "/annotations",
                Map.of("start", 4, "end", 9, "label", "FACT")).andExpect(status().isCreated()));
        long id = created.get("id").asLong();
        JsonNode first = api.read(api.put("history-ann", "/api/annotations/" + id,
                Map.of("version", 0, "note", "first change")).andExpect(status().isOk()));
        JsonNode second = api.read(api.put("history-sup", "/api/annotations/" + id,
                Map.of("version", 1, "label", "QUOTE", "reason", "The mayor's words")).andExpect(status().isOk()));
        assertThat(second.get("version").asLong()).isEqualTo(2);

        JsonNode history = api.read(api.get("history-ann", "/api/annotations/" + id + "/history")
                .andExpect(status().isOk()));
        assertThat(history).hasSize(3);
        JsonNode[] answers = {created, first, second};
        String[] changes = {"add", "mod", "mod"};
        String[] actors = {"history-ann", "history-ann", "history-sup"};
        for (int i = 0; i < 3; i++) {
            JsonNode state = history.get(i).get("state");
            assertThat(history.get(i).get("change").asString()).isEqualTo(changes[i]);
            assertThat(history.get(i).get("actor").asString()).isEqualTo(actors[i]);
            assertThat(state.get("version").asLong()).as("version of state " + i).isEqualTo(i);
            assertThat(state.get("author").asString()).isEqualTo("history-ann");
            // The state is the one the API answered when the change was made, field for field.
            assertThat(state).as("state " + i).isEqualTo(answers[i]);
            // The state at the moment the change says it was made is that state.
            JsonNode then = api.read(api.get("history-ann", "/api/annotations/" + id + "/history?at="
                    + state.get("modifiedAt").asString()).andExpect(status().isOk()));
            assertThat(then.get("version").asLong()).as("state at its own modifiedAt").isEqualTo(i);
        }
        assertThat(history.get(2).get("reason").asString()).isEqualTo("The mayor's words");

        // A deletion: who deleted it and why, at the version it was deleted; its state is gone.
        api.delete("history-sup", "/api/annotations/" + id + "?version=2&reason=Duplicate").andExpect(status().isNoContent());
        JsonNode after = api.read(api.get("history-ann", "/api/annotations/" + id + "/history")
                .andExpect(status().isOk()));
        assertThat(after).hasSize(4);
        assertThat(after.get(3).get("change").asString()).isEqualTo("del");
        assertThat(after.get(3).get("actor").asString()).isEqualTo("history-sup");
        assertThat(after.get(3).get("reason").asString()).isEqualTo("Duplicate");
        assertThat(after.get(3).get("state").isNull()).isTrue();
        Instant deletedAt = Instant.parse(after.get(3).get("at").asString());
        api.get("history-ann", "/api/annotations/" + id + "/history?at=" + deletedAt).andExpect(status().isNotFound());
        JsonNode before = api.read(api.get("history-ann", "/api/annotations/" + id + "/history?at="
                + deletedAt.minusNanos(1000)).andExpect(status().isOk()));
        assertThat(before.get("version").asLong()).isEqualTo(2);
    }
}
