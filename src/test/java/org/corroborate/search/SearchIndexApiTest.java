package org.corroborate.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.corroborate.WorkbenchTest;
import org.corroborate.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search index's state and rebuild over the API: who may read and rebuild, the audit row, the
 * progress while a rebuild runs, and searches refused with 503 {@code index_building} meanwhile.
 */
@WorkbenchTest
class SearchIndexApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired SearchIndex index;

    private Api api() {
        return new Api(mvc, json);
    }

    @Test
    void everyoneSignedInReadsTheStateOfAReadyIndex() throws Exception {
        index.awaitRebuild(Duration.ofSeconds(30));
        JsonNode state = api().read(api().get("alice", "/api/search/status").andExpect(status().isOk()));
        assertThat(state.get("engine").asString()).isEqualTo("lucene");
        assertThat(state.get("ready").asBoolean()).isTrue();
        assertThat(state.get("building").asBoolean()).isFalse();
        mvc.perform(get("/api/search/status")).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyAdministratorsRebuildAndTheRebuildIsAuditedAndIndexesEverything() throws Exception {
        index.awaitRebuild(Duration.ofSeconds(30));
        long before = audited();
        api().post("sam", "/api/search/reindex", null).andExpect(status().isForbidden());
        api().post("alice", "/api/search/reindex", null).andExpect(status().isForbidden());
        assertThat(audited()).isEqualTo(before);

        api().post("admin", "/api/search/reindex", null).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.engine").value("lucene"));
        assertThat(index.awaitRebuild(Duration.ofSeconds(60))).as("rebuild finished").isTrue();

        assertThat(audited()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select actor from audit_event where action = 'search.reindexed' "
                + "order by id desc limit 1", String.class)).isEqualTo("admin");
        long rows = jdbc.queryForObject("select count(*) from source", Long.class)
                + jdbc.queryForObject("select count(*) from annotation", Long.class);
        JsonNode state = api().read(api().get("bob", "/api/search/status").andExpect(status().isOk()));
        assertThat(state.get("ready").asBoolean()).isTrue();
        assertThat(state.get("done").asLong()).as("documents the rebuild indexed").isGreaterThanOrEqualTo(rows - 5)
                .isLessThanOrEqualTo(rows + 5);
        assertThat(state.get("total").asLong()).isEqualTo(state.get("done").asLong());
        assertThat(state.get("documents").asLong()).isEqualTo(state.get("done").asLong());
    }

    @Test
    void whileARebuildRunsTheStateSaysSoAndSearchesAreRefusedWith503() throws Exception {
        index.awaitRebuild(Duration.ofSeconds(30));
        CountDownLatch hold = new CountDownLatch(1);
        index.holdRebuilds(hold);
        try {
            api().post("admin", "/api/search/reindex", null).andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.building").value(true))
                    .andExpect(jsonPath("$.ready").value(false));
            api().post("admin", "/api/search/reindex", null).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("already")));
            api().get("alice", "/api/search/status").andExpect(status().isOk())
                    .andExpect(jsonPath("$.building").value(true));
            api().get("alice", "/api/search?q=water").andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.error").value("index_building"))
                    .andExpect(jsonPath("$.details.building").value(true))
                    .andExpect(result -> assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo(
                            String.valueOf(IndexBuildingException.RETRY_AFTER_SECONDS)));
        } finally {
            index.holdRebuilds(null);
            hold.countDown();
        }
        assertThat(index.awaitRebuild(Duration.ofSeconds(60))).isTrue();
        api().get("alice", "/api/search/status").andExpect(jsonPath("$.ready").value(true));
    }

    private long audited() {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'search.reindexed'", Long.class);
    }
}
