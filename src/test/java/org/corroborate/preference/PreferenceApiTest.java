package org.corroborate.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
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
 * {@code GET} and {@code PUT /api/me/preferences}: each person's own choices, only the declared
 * preferences with their declared values (400 naming what is wrong and what is taken, nothing
 * written), and every change audited once.
 */
@WorkbenchTest
class PreferenceApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AccountService accountService;
    @Autowired ProjectService projectService;
    @Autowired CurrentActor actor;
    Api api;
    static boolean created;

    @BeforeEach
    void accounts() {
        api = new Api(mvc, json);
        if (!created) {
            TestAccounts accounts = new TestAccounts(accountService, projectService, actor);
            for (String name : java.util.List.of("pref-petra", "pref-quinn", "pref-una", "pref-vic")) {
                accounts.create(name);
            }
            created = true;
        }
    }

    @Test
    void eachPersonKeepsTheirOwnLayerChoice() throws Exception {
        api.get("pref-una", "/api/me/preferences").andExpect(status().isOk())
                .andExpect(jsonPath("$['workspace.layer']").value(org.hamcrest.Matchers.nullValue()));
        api.put("pref-una", "/api/me/preferences", Map.of("workspace.layer", "EVERYONE"))
                .andExpect(status().isOk()).andExpect(jsonPath("$['workspace.layer']").value("EVERYONE"));
        api.get("pref-una", "/api/me/preferences").andExpect(jsonPath("$['workspace.layer']").value("EVERYONE"));
        // Vic's choice is Vic's: Una's stays.
        api.get("pref-vic", "/api/me/preferences")
                .andExpect(jsonPath("$['workspace.layer']").value(org.hamcrest.Matchers.nullValue()));
        api.put("pref-vic", "/api/me/preferences", Map.of("workspace.layer", "GOLD")).andExpect(status().isOk());
        api.get("pref-una", "/api/me/preferences").andExpect(jsonPath("$['workspace.layer']").value("EVERYONE"));
        // null forgets the choice.
        Map<String, Object> forget = new HashMap<>();
        forget.put("workspace.layer", null);
        api.put("pref-vic", "/api/me/preferences", forget).andExpect(status().isOk())
                .andExpect(jsonPath("$['workspace.layer']").value(org.hamcrest.Matchers.nullValue()));
        api.get("pref-vic", "/api/me/preferences")
                .andExpect(jsonPath("$['workspace.layer']").value(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void refusesUnknownNamesAndValuesWithAClearMessageAndWritesNothing() throws Exception {
        api.put("pref-quinn", "/api/me/preferences", Map.of("workspace.layer", "MINE")).andExpect(status().isOk());
        api.put("pref-quinn", "/api/me/preferences", Map.of("workspace.layers", "GOLD"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("bad_input"))
                .andExpect(jsonPath("$.message").value(
                        "Unknown preference 'workspace.layers'; known are: workspace.layer"));
        api.put("pref-quinn", "/api/me/preferences", Map.of("workspace.layer", "everyone"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(allOf(
                        containsString("'workspace.layer'"), containsString("MINE, EVERYONE, GOLD"),
                        containsString("not 'everyone'"))));
        api.put("pref-quinn", "/api/me/preferences", Map.of("workspace.layer", 2))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(
                        containsString("not a number")));
        api.put("pref-quinn", "/api/me/preferences", Map.of())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(
                        containsString("Name at least one preference")));
        // A good and a bad one together: neither is written.
        Map<String, Object> mixed = new java.util.LinkedHashMap<>();
        mixed.put("workspace.layer", "GOLD");
        mixed.put("theme", "dark");
        api.put("pref-quinn", "/api/me/preferences", mixed).andExpect(status().isBadRequest());
        api.get("pref-quinn", "/api/me/preferences").andExpect(jsonPath("$['workspace.layer']").value("MINE"));
        api.get(null, "/api/me/preferences").andExpect(status().isUnauthorized());
    }

    @Test
    void everyChangeIsAuditedOnceWithBeforeAndAfter() throws Exception {
        api.put("pref-petra", "/api/me/preferences", Map.of("workspace.layer", "MINE")).andExpect(status().isOk());
        int before = changes().size();
        api.put("pref-petra", "/api/me/preferences", Map.of("workspace.layer", "GOLD")).andExpect(status().isOk());
        api.put("pref-petra", "/api/me/preferences", Map.of("workspace.layer", "GOLD")).andExpect(status().isOk());
        List<JsonNode> events = changes();
        assertThat(events).hasSize(before + 1);
        JsonNode last = events.getFirst();
        assertThat(last.get("actor").asString()).isEqualTo("pref-petra");
        assertThat(last.at("/before/workspace.layer").asString()).isEqualTo("MINE");
        assertThat(last.at("/after/workspace.layer").asString()).isEqualTo("GOLD");
    }

    /** The preference events of Petra, newest first, as an administrator reads them. */
    private List<JsonNode> changes() throws Exception {
        JsonNode events = api.read(api.get("admin", "/api/audit?entity=Preference&entityId=pref-petra&size=100"))
                .get("events");
        List<JsonNode> found = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("action").asString().equals("preference.changed")) {
                found.add(e);
            }
        });
        return found;
    }
}
